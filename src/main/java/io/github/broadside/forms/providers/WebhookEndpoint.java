package io.github.broadside.forms.providers;

import io.github.broadside.forms.Encoding;
import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormField;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import io.github.broadside.forms.SignerField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code webhook}: any address that accepts a form post (an automation service, your own server).
 * urlencoded by default, JSON with {@code encoding: json}; every canonical field is sent under its
 * canonical name unless {@code fields:} renames it; {@code hidden:} adds constant fields,
 * {@code redirectField:} names the field carrying the thank-you page's address, {@code honeypot:}
 * the field the receiver filters on, {@code response:} whether it answers JSON or just a status,
 * and {@code countUrl:} / {@code countPointer:} a live count on the site's own origin. Every post
 * also carries the attribution fields ({@code campaign}, {@code action_id}, {@code action_type},
 * {@code language}, {@code page_url}), the source codes and the consent wording.
 */
public final class WebhookEndpoint implements FormEndpoint {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("url", "encoding", "fields", "hidden", "redirectField", "honeypot", "response", BuiltInOptions.COUNT_URL,
                BuiltInOptions.COUNT_POINTER, "page", BuiltInOptions.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        String url = options.requiredText("url", "the address that receives the submissions",
                "write url: https://hooks.example.org/signatures");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "not absolute");
            }
        } catch (URISyntaxException e) {
            options.error("url", "'" + url + "' is not a web address", "write the full address, starting with https://");
            return Optional.empty();
        }
        FormSpec.Builder spec = FormSpec.builder(url).minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options));
        String encoding = options.text("encoding").orElse("urlencoded");
        switch (encoding) {
            case "urlencoded" -> spec.encoding(Encoding.URLENCODED);
            case "json" -> spec.encoding(Encoding.JSON);
            default -> options.error("encoding", "unknown encoding '" + encoding + "'", "use urlencoded or json");
        }
        String response = options.text("response").orElse("json");
        switch (response) {
            case "json" -> spec.response(ResponseHandling.JSON);
            case "status" -> spec.response(ResponseHandling.STATUS);
            case "opaque" -> spec.response(ResponseHandling.OPAQUE);
            default -> options.error("response", "unknown response '" + response + "'",
                    "use json (the receiver answers JSON to Accept: application/json), status (any 2xx) or opaque "
                            + "(the receiver sends no CORS headers)");
        }
        if (encoding.equals("json") && response.equals("opaque")) {
            options.error("response", "a JSON post needs CORS: 'response: opaque' works only with urlencoded posts",
                    "let the receiver send CORS headers and use response: json, or use encoding: urlencoded");
        }
        Map<SignerField, String> names = BuiltInOptions.fieldMap(options, "fields", NAME,
                "a field name (letters, digits, _ . - [ ])");
        for (FormField field : request.fields()) {
            spec.field(field.field(), names.getOrDefault(field.field(), field.field().key()));
        }
        Attribution.add(spec, request); // before the user's hidden fields, which may replace them
        for (Map.Entry<String, String> hidden : options.textMap("hidden").entrySet()) {
            if (!NAME.matcher(hidden.getKey()).matches()) {
                options.error("hidden", "'" + hidden.getKey() + "' is not a usable field name",
                        "use letters, digits and _ . - [ ]");
                continue;
            }
            spec.hidden(hidden.getKey(), hidden.getValue());
        }
        options.text("redirectField").ifPresent(name -> spec.redirect(name, request.thanksUrl()));
        options.text("honeypot").ifPresent(spec::honeypot);
        BuiltInOptions.liveCount(options, request, spec);
        BuiltInOptions.httpsPage(options, "page").ifPresent(spec::fallbackUrl);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
