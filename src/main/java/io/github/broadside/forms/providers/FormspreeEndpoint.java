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
 * {@code formspree}: <a href="https://formspree.io">Formspree</a>. Posts urlencoded to
 * {@code https://formspree.io/f/<formId>} with the canonical field names ({@code email} sets the
 * reply-to address), {@code _subject} for the notification email, {@code _next} for the thank-you
 * page after a plain post, and the {@code _gotcha} honeypot Formspree filters on; the script asks
 * for JSON with {@code Accept: application/json}. Every post carries the attribution fields, the
 * source codes and the consent wording, which Formspree stores like any other field. {@code endpoint:} replaces the address for a
 * Formspree-compatible service.
 */
public final class FormspreeEndpoint implements FormEndpoint {
    static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9]{4,32}");

    @Override
    public String name() {
        return "formspree";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("formId", "endpoint", "subject", BuiltInOptions.COUNT_URL, BuiltInOptions.COUNT_POINTER,
                BuiltInOptions.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        Optional<String> endpoint = options.text("endpoint");
        String action;
        if (endpoint.isPresent()) {
            action = endpoint.get();
        } else {
            String formId = options.requiredText("formId", "the id of your Formspree form",
                    "copy it from the form's page on formspree.io: in https://formspree.io/f/xyzabcde it is xyzabcde");
            if (formId.isEmpty()) {
                return Optional.empty();
            }
            if (!FORM_ID.matcher(formId).matches()) {
                String found = formId.contains("/f/") ? formId.substring(formId.lastIndexOf("/f/") + 3) : "";
                options.error("formId", "'" + formId + "' is not a Formspree form id",
                        found.isEmpty() ? "write only the id: in https://formspree.io/f/xyzabcde it is xyzabcde"
                                : "write only the id: formId: " + found);
                return Optional.empty();
            }
            action = "https://formspree.io/f/" + formId;
        }
        String subject = options.text("subject").orElse(request.title());
        FormSpec.Builder spec = FormSpec.builder(action)
                .canonicalFields(request)
                .hidden("_subject", subject)
                .redirect("_next", request.thanksUrl())
                .honeypot("_gotcha")
                .response(ResponseHandling.JSON)
                .minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options));
        Attribution.add(spec, request);
        BuiltInOptions.liveCount(options, request, spec);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
