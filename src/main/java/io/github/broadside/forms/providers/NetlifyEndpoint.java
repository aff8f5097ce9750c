package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code netlify}: <a href="https://docs.netlify.com/forms/setup/">Netlify Forms</a>, for sites
 * deployed on Netlify. The form carries {@code name}, {@code data-netlify="true"} and
 * {@code netlify-honeypot="bot-field"}, a hidden {@code form-name} input (so it also works when
 * Netlify's HTML post-processing is off), and posts to the campaign's own thank-you page, which
 * Netlify shows after a plain post. The script posts the same urlencoded body; Netlify answers with
 * HTML, so any 2xx status is success. The form name is shared by the campaign action's language
 * versions ({@code <campaign key>-<action id>}); the {@code language} field tells them apart.
 */
public final class NetlifyEndpoint implements FormEndpoint {
    static final Pattern FORM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final String HONEYPOT = "bot-field";

    @Override
    public String name() {
        return "netlify";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("formName", BuiltInOptions.COUNT_URL, BuiltInOptions.COUNT_POINTER, BuiltInOptions.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        String formName = options.text("formName").orElse(request.sharedFormName());
        if (!FORM_NAME.matcher(formName).matches()) {
            options.error("formName", "'" + formName + "' is not a usable Netlify form name",
                    "use letters, digits, hyphens and underscores, e.g. formName: stop-the-raids");
            return Optional.empty();
        }
        FormSpec.Builder spec = FormSpec.builder(request.thanksLink())
                .attribute("name", formName)
                .attribute("data-netlify", "true")
                .attribute("data-netlify-honeypot", HONEYPOT)
                .hidden("form-name", formName)
                .canonicalFields(request)
                .honeypot(HONEYPOT)
                .response(ResponseHandling.STATUS)
                .minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options));
        Attribution.add(spec, request);
        BuiltInOptions.liveCount(options, request, spec);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
