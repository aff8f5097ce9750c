package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.LiveCount;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.SignerField;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Option reading shared by the built-in providers. */
final class Common {
    static final String MINIMUM_FILL_SECONDS = "minimumFillSeconds";
    static final String COUNT_URL = "countUrl";
    static final String COUNT_POINTER = "countPointer";
    /** The page address's query parameters a submission carries: Action Network's source code and the utm_* ones. */
    static final List<String> QUERY_PARAMS = List.of("source", "utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content");
    /** The hidden field carrying the consent box's wording. */
    static final String CONSENT_WORDING = "consent_wording";
    static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s\"'<>]+");

    private Common() {
    }

    static int minimumFillSeconds(ProviderOptions options) {
        return options.number(MINIMUM_FILL_SECONDS, 0, 60).orElse(FormSpec.DEFAULT_MINIMUM_FILL_SECONDS);
    }

    /**
     * Reads a {@code canonical-field: name} block, reporting keys that are not canonical fields and
     * names that {@code valid} rejects (described by {@code expected}).
     */
    static Map<SignerField, String> fieldMap(ProviderOptions options, String key, Pattern valid, String expected) {
        Map<SignerField, String> out = new EnumMap<>(SignerField.class);
        for (Map.Entry<String, String> entry : options.textMap(key).entrySet()) {
            Optional<SignerField> field = SignerField.fromKey(entry.getKey());
            if (field.isEmpty()) {
                options.error(key, "'" + entry.getKey() + "' under '" + key + "' is not a form field",
                        "use these names: " + String.join(", ", SignerField.keys()));
                continue;
            }
            if (!valid.matcher(entry.getValue()).matches()) {
                options.error(key, "'" + entry.getValue() + "' (for " + entry.getKey() + ") is not " + expected,
                        "write " + entry.getKey() + ": followed by " + expected);
                continue;
            }
            out.put(field.get(), entry.getValue());
        }
        return out;
    }

    /**
     * What names a submission's campaign, action, language and page, as hidden field name to value:
     * {@code campaign} (shared by the campaign's languages), {@code action_id}, {@code action_type},
     * {@code language}, {@code page_url}.
     */
    static Map<String, String> attribution(FormRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("campaign", request.campaignKey());
        out.put("action_id", request.actionId());
        out.put("action_type", request.actionType());
        out.put("language", request.language());
        out.put("page_url", request.pageUrl());
        return out;
    }

    /**
     * Adds the attribution as hidden fields, the source codes the script copies from the page
     * address, and the consent wording: what a service that stores any posted field keeps.
     */
    static FormSpec.Builder attributed(FormSpec.Builder spec, FormRequest request) {
        attribution(request).forEach(spec::hidden);
        QUERY_PARAMS.forEach(p -> spec.fromQuery(p, p));
        return spec.consentWording(CONSENT_WORDING);
    }

    /**
     * The {@code countUrl} / {@code countPointer} options, which any provider takes: a JSON file or
     * service on the site's own origin (e.g. one the organisation's automation updates).
     */
    static void liveCount(ProviderOptions options, FormRequest request, FormSpec.Builder spec) {
        Optional<String> countUrl = options.text(COUNT_URL);
        if (countUrl.isEmpty()) {
            return;
        }
        String pointer = options.text(COUNT_POINTER).orElse("/count");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            options.error(COUNT_POINTER, "'" + pointer + "' is not a JSON pointer",
                    "a JSON pointer starts with '/', e.g. /count or /data/total");
            return;
        }
        // {campaign} and {action} make one address per campaign action, shared by its languages.
        String url = countUrl.get().replace("{campaign}", pathSegments(request.campaignKey()))
                .replace("{action}", request.actionId());
        // A site path is made relative to the base path, like every link of the site.
        String link = url.startsWith("/") ? request.link(url) : url;
        spec.liveCount(new LiveCount(link, pointer));
    }

    /**
     * The {@code endpoint:} option, which replaces a service's fixed base address (ending in '/') with
     * a compatible one: a proxy, or a stand-in in tests. The build still requires https:// except on
     * 127.0.0.1 and localhost.
     */
    static String endpoint(ProviderOptions options, String fixed) {
        String base = options.text("endpoint").orElse(fixed);
        return base.endsWith("/") ? base : base + "/";
    }

    private static String pathSegments(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** An optional https:// page option, such as the provider's own page for signers without JavaScript. */
    static Optional<String> httpsPage(ProviderOptions options, String key) {
        Optional<String> page = options.text(key);
        if (page.isPresent() && !HTTPS_URL.matcher(page.get()).matches()) {
            options.error(key, "'" + page.get() + "' is not an https:// address", "write the full address, "
                    + "starting with https://");
            return Optional.empty();
        }
        return page;
    }
}
