package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a submission carries to say where it comes from, for services that store any posted field:
 * the campaign, action, language and page as hidden fields, the source codes of the page address
 * ({@code source}, {@code utm_*}) and the consent box's wording.
 */
final class Attribution {
    /** The page address's query parameters a submission carries: Action Network's source code and the utm_* ones. */
    static final List<String> QUERY_PARAMS = List.of("source", "utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content");
    /** The hidden field carrying the consent box's wording. */
    static final String CONSENT_WORDING = "consent_wording";

    private Attribution() {
    }

    /**
     * What names a submission's campaign, action, language and page, as hidden field name to value:
     * {@code campaign} (shared by the campaign's languages), {@code action_id}, {@code action_type},
     * {@code language}, {@code page_url}.
     */
    static Map<String, String> fields(FormRequest request) {
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
    static FormSpec.Builder add(FormSpec.Builder spec, FormRequest request) {
        fields(request).forEach(spec::hidden);
        QUERY_PARAMS.forEach(p -> spec.fromQuery(p, p));
        return spec.consentWording(CONSENT_WORDING);
    }
}
