package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormField;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import io.github.broadside.forms.SignerField;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code google-forms}: a Google Form's {@code formResponse} address, with each canonical field sent
 * as the form's {@code entry.<number>} ({@code fields:} maps them). Google shows its own
 * confirmation page after a plain post and allows no cross-origin reads, so the script posts in
 * {@code no-cors} mode and counts a completed request as success. A field without an entry is left
 * out of the page; one the action requires is an error. Checkbox questions expect their option
 * text, given with {@code checkedValues:}.
 */
public final class GoogleFormsEndpoint implements FormEndpoint {
    static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{20,}");
    static final Pattern ENTRY = Pattern.compile("entry\\.[0-9]+");

    @Override
    public String name() {
        return "google-forms";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("formId", "fields", "checkedValues", Common.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        String formId = options.requiredText("formId", "the id of your Google Form",
                "open the form's 'Send' link: in https://docs.google.com/forms/d/e/<id>/viewform the id is the part "
                        + "after /e/");
        if (formId.isEmpty()) {
            return Optional.empty();
        }
        if (!FORM_ID.matcher(formId).matches()) {
            options.error("formId", "'" + formId + "' is not a Google Form id",
                    "write only the part after /forms/d/e/ in the form's address, e.g. 1FAIpQLSd...");
            return Optional.empty();
        }
        Map<SignerField, String> entries = Common.fieldMap(options, "fields", ENTRY, "an entry name such as entry.1234567");
        FormSpec.Builder spec = FormSpec.builder("https://docs.google.com/forms/d/e/" + formId + "/formResponse")
                .response(ResponseHandling.OPAQUE)
                .minimumFillSeconds(Common.minimumFillSeconds(options));
        for (FormField field : request.fields()) {
            String entry = entries.get(field.field());
            if (entry != null) {
                spec.field(field.field(), entry);
            } else if (field.required() && field.field() != SignerField.CONSENT) {
                options.error("fields", "the " + request.actionType() + " form asks for '" + field.field().key()
                                + "', but 'fields:' names no Google Form entry for it",
                        "add '" + field.field().key() + ": entry.<number>' under fields: (the number is in the form's "
                                + "prefilled link)");
            } else if (field.field() != SignerField.CONSENT) {
                options.warning("fields", "'" + field.field().key() + "' has no Google Form entry, so the "
                        + request.actionType() + " form leaves it out", "add '" + field.field().key()
                        + ": entry.<number>' under fields: to ask for it");
            }
        }
        for (Map.Entry<SignerField, String> checked : Common.fieldMap(options, "checkedValues",
                Pattern.compile(".{1,200}"), "the option's text").entrySet()) {
            if (!checked.getKey().isCheckbox()) {
                options.error("checkedValues", "'" + checked.getKey().key() + "' is not a checkbox",
                        "checkedValues: takes consent, opt_in and called");
                continue;
            }
            spec.checkedValue(checked.getKey(), checked.getValue());
        }
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
