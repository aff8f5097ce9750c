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
 * text, given with {@code checkedValues:}. {@code attribution:} maps what names a submission
 * ({@code campaign}, {@code action_id}, {@code action_type}, {@code language}, {@code page_url}, the
 * source codes and {@code consent_wording}) to short-answer questions; {@code required:} lists the
 * entries the Google Form requires, and an action whose form does not always send one is an error,
 * since Google's rejection cannot be seen from the page.
 */
public final class GoogleFormsEndpoint implements FormEndpoint {
    static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{20,}");
    static final Pattern ENTRY = Pattern.compile("entry\\.[0-9]+");
    static final String ATTRIBUTION = "attribution";
    static final String REQUIRED = "required";

    @Override
    public String name() {
        return "google-forms";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("formId", "fields", "checkedValues", ATTRIBUTION, REQUIRED, "endpoint", BuiltInOptions.COUNT_URL, BuiltInOptions.COUNT_POINTER,
                BuiltInOptions.MINIMUM_FILL_SECONDS);
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
        Map<SignerField, String> entries = BuiltInOptions.fieldMap(options, "fields", ENTRY, "an entry name such as entry.1234567");
        FormSpec.Builder spec = FormSpec.builder(BuiltInOptions.endpoint(options, "https://docs.google.com/forms/d/e/") + formId
                        + "/formResponse")
                .response(ResponseHandling.OPAQUE)
                .minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options));
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
        java.util.Set<String> sent = new java.util.HashSet<>();
        request.fields().stream().filter(FormField::required).map(f -> entries.get(f.field()))
                .filter(java.util.Objects::nonNull).forEach(sent::add);
        Map<String, String> attribution = Attribution.fields(request);
        for (Map.Entry<String, String> mapped : options.textMap(ATTRIBUTION).entrySet()) {
            String key = mapped.getKey();
            String entry = mapped.getValue();
            if (!ENTRY.matcher(entry).matches()) {
                options.error(ATTRIBUTION, "'" + entry + "' (for " + key + ") is not an entry name such as entry.1234567",
                        "write " + key + ": entry.<number>");
            } else if (attribution.containsKey(key)) {
                spec.hidden(entry, attribution.get(key));
                sent.add(entry);
            } else if (Attribution.QUERY_PARAMS.contains(key)) {
                spec.fromQuery(entry, key);
            } else if (key.equals(Attribution.CONSENT_WORDING)) {
                spec.consentWording(entry);
            } else {
                options.error(ATTRIBUTION, "'" + key + "' under 'attribution' is not something a submission names",
                        "use these names: " + String.join(", ", attribution.keySet()) + ", "
                                + String.join(", ", Attribution.QUERY_PARAMS) + ", " + Attribution.CONSENT_WORDING);
            }
        }
        Map<String, String> attributionEntries = options.textMap(ATTRIBUTION);
        spec.identifiesAction(attributionEntries.containsKey("campaign") && attributionEntries.containsKey("action_id"));
        if (request.has(SignerField.CONSENT) && entries.containsKey(SignerField.CONSENT)) {
            sent.add(entries.get(SignerField.CONSENT));
        }
        for (String required : options.texts(REQUIRED)) {
            if (!ENTRY.matcher(required).matches()) {
                options.error(REQUIRED, "'" + required + "' is not an entry name such as entry.1234567",
                        "list the entries of the questions the Google Form marks as required");
            } else if (!sent.contains(required)) {
                options.error(REQUIRED, "the Google Form requires " + required + ", but the " + request.actionType()
                                + " form of " + request.sourceFile() + " does not always send it, so Google would "
                                + "reject its signatures while the page could only say they were sent",
                        "map " + required + " to a field this action requires (under fields:) or to its campaign or "
                                + "action (under attribution:), or make the question optional in the Google Form");
            }
        }
        for (Map.Entry<SignerField, String> checked : BuiltInOptions.fieldMap(options, "checkedValues",
                Pattern.compile(".{1,200}"), "the option's text").entrySet()) {
            if (!checked.getKey().isCheckbox()) {
                options.error("checkedValues", "'" + checked.getKey().key() + "' is not a checkbox",
                        "checkedValues: takes consent, opt_in and called");
                continue;
            }
            spec.checkedValue(checked.getKey(), checked.getValue());
        }
        BuiltInOptions.liveCount(options, request, spec);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
