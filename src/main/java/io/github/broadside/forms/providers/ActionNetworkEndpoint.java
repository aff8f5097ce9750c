package io.github.broadside.forms.providers;

import io.github.broadside.forms.Encoding;
import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import io.github.broadside.forms.SignerField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code action-network}: <a href="https://actionnetwork.org/docs/v2/record_signature_helper">Action
 * Network's record signature helper</a>, used without an API key (the "unauthenticated POST", meant
 * for forms in public pages). The script sends the OSDI JSON shape:
 * {@code {"person": {"given_name", "family_name", "email_addresses": [{"address"}],
 * "postal_addresses": [{"postal_code", "country"}], "phone_numbers": [{"number"}]}, "comments",
 * "add_tags": [...], "triggers": {"autoresponse": {"enabled": true}}}} to
 * {@code https://actionnetwork.org/api/v2/petitions/<petitionId>/signatures} (or, with
 * {@code formId}, to {@code /api/v2/forms/<formId>/submissions}). Action Network answers 200 with an
 * empty object whatever happens, so success is the status. Action Network subscribes every new
 * person to the group's list, so no opt-in box is shown and the page says so; consent and its wording
 * go to {@code person.custom_fields}. Each signature carries {@code referrer_data} ({@code source}
 * from the page address, {@code website}: the action's address on its page) and {@code add_tags}
 * naming the campaign and the action. A person needs an email address or a phone number, so a call
 * form asks for an email address. Phone numbers are sent as digits, countries as ISO 3166-1 codes.
 * JSON needs JavaScript: {@code page:} (the action's own Action Network page) is
 * offered to signers without it.
 */
public final class ActionNetworkEndpoint implements FormEndpoint {
    static final String API = "https://actionnetwork.org/api/v2/";
    static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<SignerField, String> POINTERS = pointers();

    @Override
    public String name() {
        return "action-network";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("petitionId", "formId", "page", "tags", "autoresponse", "endpoint", BuiltInOptions.COUNT_URL,
                BuiltInOptions.COUNT_POINTER,
                BuiltInOptions.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        Optional<String> petition = options.text("petitionId");
        Optional<String> form = options.text("formId");
        if (petition.isPresent() == form.isPresent()) {
            options.error(petition.isPresent() ? "formId" : "petitionId",
                    petition.isPresent() ? "set either 'petitionId' or 'formId', not both"
                            : "the action-network form provider needs 'petitionId' (or 'formId' for an Action "
                                    + "Network form)",
                    "find the id in the action's API link: https://actionnetwork.org/api/v2/petitions/<id>");
            return Optional.empty();
        }
        String key = petition.isPresent() ? "petitionId" : "formId";
        String id = petition.or(() -> form).orElseThrow();
        if (!ID.matcher(id).matches()) {
            options.error(key, "'" + id + "' is not an Action Network id",
                    "an id looks like 1efc3644-af25-4253-90b8-a0baf12dbd1e (the API id, not the page's slug)");
            return Optional.empty();
        }
        String api = BuiltInOptions.endpoint(options, API);
        String action = api + (petition.isPresent() ? "petitions/" + id + "/signatures" : "forms/" + id + "/submissions");
        Map<String, Object> base = new LinkedHashMap<>();
        // Tags name the campaign and the action on the person (Action Network keeps only tags that exist
        // in the group); referrer_data names them on the signature itself: the action's address on its page.
        java.util.Set<String> tags = new java.util.LinkedHashSet<>(options.texts("tags"));
        tags.add(request.campaignKey());
        tags.add(request.campaignKey() + ":" + request.actionId());
        base.put("add_tags", new ArrayList<>(tags));
        base.put("referrer_data", Map.of("website", request.pageUrl() + "#action-" + request.actionNumber()));
        base.put("person", Map.of("languages_spoken", List.of(request.language()))); // OSDI: ISO 639 codes
        if (options.flag("autoresponse", true)) {
            base.put("triggers", Map.of("autoresponse", Map.of("enabled", true)));
        }
        FormSpec.Builder spec = FormSpec.builder(action)
                .encoding(Encoding.JSON)
                .response(ResponseHandling.STATUS)
                .jsonBase(base)
                .subscribesEveryone()
                .format(SignerField.PHONE, "digits")
                .consentWording(Attribution.CONSENT_WORDING)
                .jsonPointer(Attribution.CONSENT_WORDING, "/person/custom_fields/consent_wording")
                .fromQuery("source", "source")
                .jsonPointer("source", "/referrer_data/source")
                .minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options));
        if (!request.has(SignerField.EMAIL) && !request.has(SignerField.PHONE)) {
            // Action Network records no person without an email address or a phone number.
            spec.needs(SignerField.EMAIL);
        }
        for (Map.Entry<SignerField, String> pointer : POINTERS.entrySet()) {
            if (request.has(pointer.getKey()) || (pointer.getKey() == SignerField.EMAIL && !request.has(SignerField.PHONE))) {
                String name = pointer.getKey().key();
                spec.field(pointer.getKey(), name).jsonPointer(name, pointer.getValue());
            }
        }
        BuiltInOptions.httpsPage(options, "page").ifPresent(spec::fallbackUrl);
        BuiltInOptions.liveCount(options, request, spec);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }

    private static Map<SignerField, String> pointers() {
        Map<SignerField, String> out = new LinkedHashMap<>();
        out.put(SignerField.GIVEN_NAME, "/person/given_name");
        out.put(SignerField.FAMILY_NAME, "/person/family_name");
        out.put(SignerField.EMAIL, "/person/email_addresses/0/address");
        out.put(SignerField.CONSENT, "/person/custom_fields/consent");
        out.put(SignerField.POSTAL_CODE, "/person/postal_addresses/0/postal_code");
        out.put(SignerField.COUNTRY, "/person/postal_addresses/0/country");
        out.put(SignerField.PHONE, "/person/phone_numbers/0/number");
        out.put(SignerField.ORGANIZATION, "/person/custom_fields/organization");
        out.put(SignerField.ROLE, "/person/custom_fields/role");
        out.put(SignerField.CALLED, "/person/custom_fields/called");
        out.put(SignerField.COMMENT, "/comments");
        return out;
    }
}
