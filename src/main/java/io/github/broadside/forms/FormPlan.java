package io.github.broadside.forms;

import io.github.broadside.problem.Suggestions;
import io.github.broadside.config.FormOption;
import io.github.broadside.config.FormSettings;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Action;
import io.github.broadside.content.Campaign;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The forms stage, between linking and rendering: for every action of every campaign, chooses the
 * form provider ({@code site.yml} {@code forms:}, overridden by {@code action.form:}), has it check its
 * options and describe its form, checks that description against Broadside's rules (encrypted
 * transport, no third party on page load, no secrets in pages), and keeps the result for the theme.
 */
public final class FormPlan {
    /** The preview server's sink: every form posts there in serve, and no published form may. */
    public static final String DEFAULT_PROVIDER = "local";

    /** What the forms are planned for: a site to publish ({@code build}, {@code check}) or serve's preview. */
    public enum Purpose {
        /** Forms post to the named provider; a form that would post to the preview sink is an error. */
        PUBLISH,
        /** Every form posts to serve's sink, whatever provider is named (whose options are still checked). */
        PREVIEW
    }


    private final Map<String, List<ActionForm>> byCampaign;
    /** Campaigns planned again since (serve's edits), looked up first; never changed after. */
    private final Map<String, List<ActionForm>> replaced;

    private FormPlan(Map<String, List<ActionForm>> byCampaign) {
        this(Collections.unmodifiableMap(new HashMap<>(byCampaign)), Map.of());
    }

    private FormPlan(Map<String, List<ActionForm>> byCampaign, Map<String, List<ActionForm>> replaced) {
        this.byCampaign = byCampaign;
        this.replaced = replaced;
    }

    /**
     * This plan with the forms of some campaigns (by path) planned again, without copying the
     * whole plan: what serve does after an edit of a large site.
     */
    public FormPlan replacing(Map<String, List<ActionForm>> forms) {
        if (forms.isEmpty()) {
            return this;
        }
        Map<String, List<ActionForm>> next = new HashMap<>(replaced);
        next.putAll(forms);
        if (next.size() > 256) {
            Map<String, List<ActionForm>> merged = new HashMap<>(byCampaign);
            merged.putAll(next);
            return new FormPlan(merged);
        }
        return new FormPlan(byCampaign, Collections.unmodifiableMap(next));
    }

    /** No forms at all: pages render their actions without a form. */
    public static FormPlan empty() {
        return new FormPlan(Map.of());
    }

    /**
     * Plans the forms of every campaign of {@code site}.
     *
     * @param siteFile how site.yml is named in problems, e.g. {@code content/site.yml}
     */
    public static FormPlan of(Site site, FormEndpoints endpoints, String siteFile, Problems problems) {
        return of(site, endpoints, siteFile, Purpose.PUBLISH, problems);
    }

    /** Plans the forms of every campaign of {@code site} for {@code purpose}. */
    public static FormPlan of(Site site, FormEndpoints endpoints, String siteFile, Purpose purpose,
            Problems problems) {
        notes(endpoints, siteFile, problems);
        Map<String, List<ActionForm>> byCampaign = new HashMap<>();
        Map<String, Map<String, FormRequest>> byTarget = new java.util.TreeMap<>();
        for (Campaign campaign : site.allPages()) {
            if (campaign.isCampaign() && !campaign.actions().isEmpty()) {
                List<ActionForm> forms = plan(site.config(), campaign, endpoints, siteFile, purpose, problems);
                byCampaign.put(campaign.path(), forms);
                for (ActionForm form : forms) {
                    if (!form.spec().identifiesAction()) {
                        FormRequest request = FormRequest.of(site.config(), campaign, form.number(), form.formName());
                        byTarget.computeIfAbsent(form.action(), k -> new java.util.TreeMap<>())
                                .putIfAbsent(request.campaignKey() + " / " + request.actionId(), request);
                    }
                }
            }
        }
        byTarget.forEach((target, actions) -> {
            if (actions.size() > 1) {
                FormRequest first = actions.values().iterator().next();
                FormSettings settings = first.action().form().or(() -> first.site().forms()).orElseThrow();
                problems.add(Problem.error(settings.file(), settings.line(), settings.column(),
                        "the actions " + String.join(", ", actions.keySet()) + " all post to " + target
                                + ", and their signatures would not say which action they are for",
                        "map 'campaign' and 'action_id' to questions of the form under attribution: "
                                + "(see docs/form-providers.md), or give each action its own form with 'form:'"));
            }
        });
        return new FormPlan(byCampaign);
    }

    /** A plan made of forms planned one campaign at a time ({@link #plan(SiteConfig, Campaign, FormEndpoints, String, Problems)}), by campaign path. */
    public static FormPlan of(Map<String, List<ActionForm>> byCampaignPath) {
        return new FormPlan(byCampaignPath);
    }

    /** Warnings about the form providers themselves (jars that could not be loaded). */
    public static void notes(FormEndpoints endpoints, String siteFile, Problems problems) {
        for (String note : endpoints.loadNotes()) {
            problems.add(Problem.warning(siteFile, 0, 0, note,
                    "check the jars added to the plugin's <dependencies> in pom.xml"));
        }
    }

    /**
     * The forms of one campaign's actions, as {@link #of(Site, FormEndpoints, String, Problems)} plans
     * them; empty for a plain page or a campaign without actions.
     */
    public static List<ActionForm> plan(SiteConfig config, Campaign campaign, FormEndpoints endpoints,
            String siteFile, Problems problems) {
        return plan(config, campaign, endpoints, siteFile, Purpose.PUBLISH, problems);
    }

    /** The forms of one campaign's actions, planned for {@code purpose}. */
    public static List<ActionForm> plan(SiteConfig config, Campaign campaign, FormEndpoints endpoints,
            String siteFile, Purpose purpose, Problems problems) {
        if (!campaign.isCampaign() || campaign.actions().isEmpty()) {
            return List.of(); // plain pages do not show actions
        }
        List<ActionForm> forms = new ArrayList<>();
        List<String> names = formNames(campaign);
        for (int i = 0; i < campaign.actions().size(); i++) {
            FormRequest request = FormRequest.of(config, campaign, i + 1, names.get(i));
            Optional<ActionForm> named = plan(request, endpoints, siteFile, purpose, problems);
            if (purpose == Purpose.PREVIEW) {
                // The named provider's options were checked above; the preview posts to serve's sink.
                preview(request, endpoints, problems).ifPresent(forms::add);
            } else {
                named.ifPresent(forms::add);
            }
        }
        return List.copyOf(forms);
    }

    /** The forms of {@code campaign}'s actions, in order; empty when a form could not be planned. */
    public List<ActionForm> forCampaign(Campaign campaign) {
        List<ActionForm> again = replaced.get(campaign.path());
        return again != null ? again : byCampaign.getOrDefault(campaign.path(), List.of());
    }

    /** Every origin some form posts to, for the site's CSP {@code form-action} directive. */
    public SortedSet<String> formActionOrigins() {
        return collect(true);
    }

    /** Every origin the script may fetch from, for the site's CSP {@code connect-src} directive. */
    public SortedSet<String> connectOrigins() {
        return collect(false);
    }

    private SortedSet<String> collect(boolean formAction) {
        SortedSet<String> out = new TreeSet<>();
        Map<String, List<ActionForm>> all = new HashMap<>(byCampaign);
        all.putAll(replaced);
        all.values().forEach(list -> list.forEach(f -> out.addAll(
                formAction ? f.spec().formActionOrigins() : f.spec().connectOrigins())));
        return Collections.unmodifiableSortedSet(out);
    }

    /** The form serve shows instead of the named provider's: one posting to its own sink. */
    private static Optional<ActionForm> preview(FormRequest request, FormEndpoints endpoints, Problems problems) {
        Optional<FormEndpoint> local = endpoints.find(DEFAULT_PROVIDER);
        if (local.isEmpty()) {
            return Optional.empty();
        }
        FormSettings none = new FormSettings(Optional.of(DEFAULT_PROVIDER), List.of(), request.campaign().file(), 0, 0);
        Optional<FormSpec> spec = local.get().describe(request, new ProviderOptions(DEFAULT_PROVIDER, none, problems));
        boolean disabled = !request.campaign().status().isActive();
        String country = defaultCountry(request, problems);
        return spec.map(s -> ActionForm.of(request, DEFAULT_PROVIDER, s, disabled, country));
    }

    private static Optional<ActionForm> plan(FormRequest request, FormEndpoints endpoints, String siteFile,
            Purpose purpose, Problems problems) {
        Optional<FormSettings> siteForms = request.site().forms();
        Optional<FormSettings> own = request.action().form();
        FormSettings settings;
        if (siteForms.isEmpty() && own.isEmpty()) {
            if (purpose == Purpose.PREVIEW) {
                return Optional.empty(); // serve posts to its sink; build and check say what to add
            }
            problems.add(Problem.error(siteFile, 0, 0,
                    "no form provider is set, so every signature would be lost on a static host",
                    "add one line to site.yml naming your provider, e.g. 'forms: {provider: netlify}' on Netlify, "
                            + "or 'forms: {provider: formspree, formId: xyzabcde}' (see docs/form-providers.md)"));
            return Optional.empty();
        } else if (siteForms.isPresent() && own.isPresent()) {
            settings = siteForms.get().overriddenBy(own.get());
        } else {
            settings = siteForms.or(() -> own).orElseThrow();
        }
        if (settings.provider().isEmpty()) {
            problems.add(Problem.error(settings.file(), settings.line(), settings.column(),
                    "the form settings name no 'provider'",
                    "add 'provider:' with one of: " + String.join(", ", endpoints.names())));
            return Optional.empty();
        }
        String name = settings.provider().get();
        if (name.equals(DEFAULT_PROVIDER) && purpose == Purpose.PUBLISH) {
            problems.add(Problem.error(settings.file(), settings.line(), settings.column(),
                    "the 'local' form provider works only in broadside:serve's preview: published on a static "
                            + "host, every signature would be lost",
                    "name your real provider instead, e.g. 'forms: {provider: netlify}' on Netlify, or "
                            + "'forms: {provider: formspree, formId: xyzabcde}' (serve still previews every form "
                            + "with its local sink; see docs/form-providers.md)"));
            return Optional.empty();
        }
        Optional<FormEndpoint> endpoint = endpoints.find(name);
        if (endpoint.isEmpty()) {
            String known = String.join(", ", endpoints.names());
            String hint = Suggestions.didYouMean(name, endpoints.names())
                    .map(s -> s + " Known providers: " + known)
                    .orElse("known providers: " + known + "; a provider from a jar must be in the plugin's "
                            + "<dependencies>");
            problems.add(Problem.error(settings.file(), settings.line(), settings.column(),
                    "unknown form provider '" + name + "'", hint));
            return Optional.empty();
        }
        String country = defaultCountry(request, problems);
        settings = new FormSettings(settings.provider(), settings.options().stream()
                .filter(o -> !o.key().equals(DEFAULT_COUNTRY)).toList(), settings.file(), settings.line(),
                settings.column());
        ProviderOptions options = new ProviderOptions(name, settings, problems);
        checkSecrets(options);
        options.warnUnknown(endpoint.get().optionKeys());
        Optional<FormSpec> spec;
        try {
            spec = endpoint.get().describe(request, options);
        } catch (RuntimeException e) {
            // A provider's bug or an inconsistent description is still reported like any other problem.
            problems.add(Problem.error(settings.file(), settings.line(), settings.column(),
                    "the " + name + " form provider could not describe the form of " + request.campaign().file()
                            + " (action " + request.actionNumber() + "): " + e.getMessage(),
                    "check the provider's options; if they look right, report this to the provider's authors"));
            return Optional.empty();
        }
        if (options.hasErrors() || spec.isEmpty()) {
            return Optional.empty();
        }
        if (!check(request, spec.get(), options)) {
            return Optional.empty();
        }
        boolean disabled = !request.campaign().status().isActive();
        return Optional.of(ActionForm.of(request, name, spec.get(), disabled, country));
    }

    /** The key of {@code forms:} (or an action's {@code form:}) that preselects a country, for every provider. */
    static final String DEFAULT_COUNTRY = "defaultCountry";

    /** The ISO code {@code defaultCountry:} preselects, the action's own before the site's; "" for none. */
    private static String defaultCountry(FormRequest request, Problems problems) {
        for (Optional<FormSettings> settings : List.of(request.action().form(), request.site().forms())) {
            Optional<FormOption> option = settings.flatMap(s -> s.options().stream()
                    .filter(o -> o.key().equals(DEFAULT_COUNTRY)).findFirst());
            if (option.isEmpty()) {
                continue;
            }
            String code = option.get().value() instanceof FormOption.Text text ? text.text().strip() : "";
            if (Countries.isCode(code.toUpperCase(Locale.ROOT))) {
                return code.toUpperCase(Locale.ROOT);
            }
            problems.add(Problem.error(option.get().file(), option.get().line(), option.get().column(),
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code",
                    "write the two-letter code of the country to preselect, e.g. defaultCountry: US"));
            return "";
        }
        return "";
    }

    /** A form in a public page must never carry a secret: every visitor can read it. */
    private static void checkSecrets(ProviderOptions options) {
        for (FormOption option : options.all()) {
            Optional<String> reason = SecretScan.inName(option.key());
            if (reason.isEmpty() && option.value() instanceof FormOption.TextMap map) {
                // hidden: {api_key: ...}: a field name is published as well as its value.
                reason = map.entries().keySet().stream().map(SecretScan::inName).flatMap(Optional::stream).findFirst();
            }
            if (reason.isEmpty()) {
                reason = values(option).stream().map(SecretScan::inValue).flatMap(Optional::stream).findFirst();
            }
            reason.ifPresent(why -> options.error(option.key(), "'" + option.key() + "' looks like a secret key: " + why
                    + "; it would be published in the page, where anyone can read and misuse it",
                    SecretScan.HINT));
        }
    }

    private static List<String> values(FormOption option) {
        if (option.value() instanceof FormOption.Text text) {
            return List.of(text.text());
        }
        if (option.value() instanceof FormOption.TextList list) {
            return list.items();
        }
        return new ArrayList<>(((FormOption.TextMap) option.value()).entries().values());
    }

    /** Broadside's own rules for any provider's form. */
    private static boolean check(FormRequest request, FormSpec spec, ProviderOptions options) {
        boolean ok = true;
        if (!isSafeTarget(spec.action())) {
            options.error("url", "the form would send signers' details to '" + spec.action()
                            + "', which is not an https:// address",
                    "use the provider's https:// address (plain http is accepted only for 127.0.0.1 and localhost)");
            ok = false;
        }
        if (spec.method().equals("get")) {
            options.warning("url", "the form sends with GET, which puts signers' details in the address bar, "
                    + "browser history and server logs", "use a provider or endpoint that accepts POST");
        }
        if (spec.liveCount().isPresent() && !isSameOrigin(spec.liveCount().get().url(), request.site())) {
            options.error("countUrl", "the live count address '" + spec.liveCount().get().url()
                            + "' is on another site: every visitor's browser would contact it when the page loads",
                    "serve the count from the site's own address (a path such as /api/count), or remove it");
            ok = false;
        }
        if (spec.scriptRequired() && spec.fallbackUrl().isEmpty()) {
            options.warning("page", "the " + options.provider() + " form sends JSON, which needs JavaScript: "
                    + "signers without it cannot sign", "set 'page:' to the provider's own page for this action, "
                    + "so the form can offer it to them");
        }
        return ok;
    }

    static boolean isSafeTarget(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            return true;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https")) {
                return uri.getHost() != null;
            }
            return scheme.equals("http") && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    static boolean isSameOrigin(String url, SiteConfig site) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            return true;
        }
        return FormSpec.originOf(url).equals(FormSpec.originOf(site.baseUrl().toString()));
    }

    /** Names unique in the site: {@code <campaign-id>-<type>}, numbered when a type repeats on a page. */
    private static List<String> formNames(Campaign campaign) {
        String base = FormRequest.campaignId(campaign).replace('/', '-');
        List<String> names = new ArrayList<>();
        for (int i = 0; i < campaign.actions().size(); i++) {
            Action action = campaign.actions().get(i);
            long sameType = campaign.actions().stream().filter(a -> a.type() == action.type()).count();
            names.add(base + "-" + action.type().key() + (sameType > 1 ? "-" + (i + 1) : ""));
        }
        return names;
    }
}
