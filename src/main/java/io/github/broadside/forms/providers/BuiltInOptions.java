package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.LiveCount;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.SignerField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options the built-in providers read alike: {@code minimumFillSeconds}, the live count
 * ({@code countUrl}, {@code countPointer}) that any provider takes, a service's {@code endpoint:},
 * an https:// page, and a block mapping Broadside's form fields to the service's names.
 */
final class BuiltInOptions {
    static final String MINIMUM_FILL_SECONDS = "minimumFillSeconds";
    static final String COUNT_URL = "countUrl";
    static final String COUNT_POINTER = "countPointer";
    private static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s\"'<>]+");

    private BuiltInOptions() {
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

    private static String pathSegments(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
