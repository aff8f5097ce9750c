package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.SignerField;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Option reading shared by the built-in providers. */
final class Common {
    static final String MINIMUM_FILL_SECONDS = "minimumFillSeconds";
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
