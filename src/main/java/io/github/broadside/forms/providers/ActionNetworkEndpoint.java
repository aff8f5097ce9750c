package io.github.broadside.forms.providers;

import io.github.broadside.forms.Encoding;
import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.JsonText;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import io.github.broadside.forms.SignerField;
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
 * empty object whatever happens, so success is the status. The news opt-in sets the email status to
 * {@code subscribed}. JSON needs JavaScript: {@code page:} (the action's own Action Network page) is
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
        return Set.of("petitionId", "formId", "page", "tags", "autoresponse", Common.MINIMUM_FILL_SECONDS);
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
        String action = API + (petition.isPresent() ? "petitions/" + id + "/signatures" : "forms/" + id + "/submissions");
        Map<String, Object> base = new LinkedHashMap<>();
        List<String> tags = options.texts("tags");
        if (!tags.isEmpty()) {
            base.put("add_tags", tags);
        }
        if (options.flag("autoresponse", true)) {
            base.put("triggers", Map.of("autoresponse", Map.of("enabled", true)));
        }
        FormSpec.Builder spec = FormSpec.builder(action)
                .encoding(Encoding.JSON)
                .response(ResponseHandling.STATUS)
                .jsonBase(JsonText.of(base))
                .checkedValue(SignerField.OPT_IN, "subscribed")
                .minimumFillSeconds(Common.minimumFillSeconds(options));
        for (Map.Entry<SignerField, String> pointer : POINTERS.entrySet()) {
            if (request.has(pointer.getKey())) {
                String name = pointer.getKey().key();
                spec.field(pointer.getKey(), name).jsonPointer(name, pointer.getValue());
            }
        }
        Common.httpsPage(options, "page").ifPresent(spec::fallbackUrl);
        return Optional.of(spec.build());
    }

    private static Map<SignerField, String> pointers() {
        Map<SignerField, String> out = new LinkedHashMap<>();
        out.put(SignerField.GIVEN_NAME, "/person/given_name");
        out.put(SignerField.FAMILY_NAME, "/person/family_name");
        out.put(SignerField.EMAIL, "/person/email_addresses/0/address");
        out.put(SignerField.OPT_IN, "/person/email_addresses/0/status");
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
