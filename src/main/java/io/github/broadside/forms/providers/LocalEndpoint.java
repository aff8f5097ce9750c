package io.github.broadside.forms.providers;

import io.github.broadside.forms.FormEndpoint;
import io.github.broadside.forms.FormRequest;
import io.github.broadside.forms.FormSpec;
import io.github.broadside.forms.LiveCount;
import io.github.broadside.forms.ProviderOptions;
import io.github.broadside.forms.ResponseHandling;
import java.util.Optional;
import java.util.Set;

/**
 * {@code local}: posts to the preview server's sink ({@code broadside:serve}), so a new site's forms
 * work out of the box. Submissions go to {@code /_broadside/submit/<campaign-id>} with the canonical
 * field names, {@code _next} (the thank-you page the sink redirects to after a plain post),
 * {@code _form} (which action) and the {@code _gotcha} honeypot; the sink answers JSON to
 * {@code Accept: application/json}. The live count is {@code {"count": N}} at
 * {@code /_broadside/count/<campaign-id>}. A static host has no sink: switch provider before publishing.
 */
public final class LocalEndpoint implements FormEndpoint {
    public static final String SUBMIT_PATH = "/_broadside/submit/";
    public static final String COUNT_PATH = "/_broadside/count/";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(BuiltInOptions.COUNT_URL, BuiltInOptions.COUNT_POINTER, BuiltInOptions.MINIMUM_FILL_SECONDS);
    }

    @Override
    public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
        String id = request.campaignId();
        FormSpec.Builder spec = FormSpec.builder(request.link(SUBMIT_PATH + id))
                .canonicalFields(request)
                .redirect("_next", request.thanksLink())
                .hidden("_form", request.formName())
                .honeypot("_gotcha")
                .response(ResponseHandling.JSON)
                .minimumFillSeconds(BuiltInOptions.minimumFillSeconds(options))
                .liveCount(new LiveCount(request.link(COUNT_PATH + id), "/count"));
        Attribution.add(spec, request);
        BuiltInOptions.liveCount(options, request, spec);
        return options.hasErrors() ? Optional.empty() : Optional.of(spec.build());
    }
}
