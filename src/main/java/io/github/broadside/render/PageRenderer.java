package io.github.broadside.render;

import io.github.broadside.content.Campaign;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.forms.ShareLinks;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.SitePath;
import io.github.broadside.workers.Workers;
import io.github.broadside.site.Term;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The render stage: one {@link Page} per campaign, plain page, home page and term page of every
 * language, rendered through the theme's templates in parallel. Problems in templates are
 * collected; pages that failed are left out.
 *
 * <p>Templates see: {@code site} (the configuration, with this language's title, description and
 * localized links), {@code lang} (this language's {@link LanguageSite}), {@code languages},
 * {@code page} (title, description, path, canonical URL), {@code alternates} (this page's language
 * versions, itself included: hreflang links and the language switcher) and {@code xDefault} (the
 * path of its x-default version), and per template {@code campaign}, {@code campaigns} or
 * {@code term}. A stale translation also gets {@code stale} (true) and, when the source is
 * published, {@code staleSource} (the source campaign).
 *
 * <p>When the default language has its own folder, the root gets the {@code languages} template: a
 * language chooser.
 */
public final class PageRenderer {
    private final Site site;
    private final TemplateEngine templates;
    private final FormPlan forms;
    private final java.util.function.Function<Campaign, ShareLinks> share;
    private final Map<String, io.github.broadside.config.SiteConfig> localized = new HashMap<>();

    public PageRenderer(Site site, TemplateEngine templates) {
        this(site, templates, FormPlan.empty());
    }

    /** @param forms the planned form of every action, which campaign and thank-you pages show */
    public PageRenderer(Site site, TemplateEngine templates, FormPlan forms) {
        this(site, templates, forms, campaign -> ShareLinks.of(campaign, site.config()));
    }

    /**
     * @param forms the planned form of every action, which campaign and thank-you pages show
     * @param share a campaign's share links ({@link ShareLinks#of} with this site's configuration);
     *              serve passes one that remembers them between rebuilds
     */
    public PageRenderer(Site site, TemplateEngine templates, FormPlan forms,
            java.util.function.Function<Campaign, ShareLinks> share) {
        this.site = site;
        this.templates = templates;
        this.forms = forms;
        this.share = share;
        for (LanguageSite lang : site.languages()) {
            localized.put(lang.language(), site.config().localized(lang.language(),
                    path -> site.translations().localize(path, lang.language())));
        }
    }

    /** A page to render: its output path, template and template variables. */
    public record Job(String path, String template, Map<String, Object> context) {
        /** The language of the page. */
        public String language() {
            return ((LanguageSite) context.get("lang")).language();
        }

        /** The campaign or plain page this job renders; empty for home, term and index pages. */
        public Optional<Campaign> campaign() {
            return context.get("campaign") instanceof Campaign c ? Optional.of(c) : Optional.empty();
        }
    }

    public List<Page> renderAll(int threads, Problems problems) {
        return render(jobs(), threads, problems);
    }

    /** Renders {@code jobs} (all of them, or the few a change affects) with {@code threads} threads. */
    public List<Page> render(List<Job> jobs, int threads, Problems problems) {
        return render(jobs, threads, problems, Optional.empty());
    }

    /**
     * Renders {@code jobs} like {@link #render(List, int, Problems)} and adds to {@code listReads}
     * (a thread-safe set) the attributes the pages without a campaign of their own (home, tag and
     * category pages and indexes, ...) read from campaigns (see {@link CampaignReads}).
     */
    public List<Page> render(List<Job> jobs, int threads, Problems problems, Set<String> listReads) {
        return render(jobs, threads, problems, Optional.of(listReads));
    }

    private List<Page> render(List<Job> jobs, int threads, Problems problems, Optional<Set<String>> listReads) {
        List<java.util.function.Supplier<Optional<Page>>> tasks = jobs.stream()
                .<java.util.function.Supplier<Optional<Page>>>map(job -> () -> render(job, problems, listReads)).toList();
        List<Page> pages = new ArrayList<>(jobs.size());
        Workers.get(tasks, threads).forEach(page -> page.ifPresent(pages::add));
        return pages;
    }

    /** Every page of the site, in a stable order: the same pieces {@link #ownJobs} and the list jobs give. */
    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        if (site.config().localization().defaultLanguageInSubfolder() && !site.languages().isEmpty()) {
            LanguageSite first = site.language(site.config().defaultLanguage()).orElse(site.languages().get(0));
            Map<String, Object> chooser = base(first, templates.message(first.language(), "languages.choose"),
                    site.config().description(), "/");
            jobs.add(new Job(SitePath.file("/"), "languages", chooser));
        }
        for (LanguageSite lang : site.languages()) {
            jobs.addAll(homeJobs(lang));
            for (Campaign campaign : lang.campaigns()) {
                jobs.add(pageJob(lang, campaign));
            }
            for (Campaign page : lang.pages()) {
                jobs.add(pageJob(lang, page));
            }
            termJobs(jobs, lang, lang.tags(), "tags");
            termJobs(jobs, lang, lang.categories(), "categories");
            publishJobs(jobs, lang);
            actionJobs(jobs, lang);
        }
        return jobs;
    }

    /**
     * The pages that show {@code campaign} (a campaign or plain page of this site) as their own: its
     * page, its redirect pages (one per alias) and, for a campaign with actions, its thank-you page.
     * The same jobs {@link #jobs()} makes for it, in no particular order.
     */
    public List<Job> ownJobs(Campaign campaign) {
        LanguageSite lang = site.language(campaign.language())
                .orElseThrow(() -> new IllegalArgumentException("not a language of the site: " + campaign.file()));
        List<Job> jobs = new ArrayList<>();
        jobs.add(pageJob(lang, campaign));
        redirectJobs(jobs, lang, campaign);
        if (campaign.isCampaign() && !campaign.actions().isEmpty()) {
            jobs.add(thanksJob(lang, campaign));
        }
        return jobs;
    }

    /**
     * The home pages of {@code lang}: {@link LanguageSite#listed()} split into pages of the site's
     * {@code pageSize}, the first at the language's home path, the others at {@code page/N/} below it.
     */
    public List<Job> homeJobs(LanguageSite lang) {
        int count = Pager.count(lang.listed().size(), pageSize());
        List<Job> jobs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            jobs.add(homeJob(lang, n));
        }
        return jobs;
    }

    /**
     * Page {@code number} of the home of {@code lang}. Templates get {@code campaigns} (this page's
     * share of the listed campaigns), {@code active} and {@code past} (the same, split by status) and
     * {@code pager} ({@link Pager}).
     */
    private Job homeJob(LanguageSite lang, int number) {
        io.github.broadside.config.SiteConfig config = localized.get(lang.language());
        Pager pager = new Pager(number, Pager.count(lang.listed().size(), pageSize()), lang.homePath());
        Map<String, Object> home = base(lang, pageTitle(lang, config.title(), pager), config.description(),
                pager.path());
        List<Campaign> campaigns = Pager.slice(lang.listed(), number, pageSize());
        home.put("campaigns", campaigns);
        home.put("active", campaigns.stream().filter(c -> c.status().isActive()).toList());
        home.put("past", campaigns.stream().filter(c -> !c.status().isActive()).toList());
        home.put("pager", pager);
        return new Job(SitePath.file(pager.path()), "home", home);
    }

    /** The title of a list page: the list's own on page 1, with the page number on the others. */
    private String pageTitle(LanguageSite lang, String title, Pager pager) {
        if (pager.number() == 1) {
            return title;
        }
        // On the home page the site's title follows anyway (base.peb): "Page 2 · Campaigns".
        return pager.firstPath().equals(lang.homePath())
                ? templates.message(lang.language(), "pagination.page", Map.of("number", pager.number()))
                : templates.message(lang.language(), "pagination.title", Map.of("title", title, "number", pager.number()));
    }

    private int pageSize() {
        return site.config().pageSize();
    }

    /**
     * The list pages of {@code lang} that show {@code campaign}: the home page that lists it, the
     * page of each of its tags and categories that does, and the tag and category indexes.
     */
    public List<Job> listJobs(LanguageSite lang, Campaign campaign) {
        return listJobs(lang, campaign, Optional.empty());
    }

    /**
     * Like {@link #listJobs(LanguageSite, Campaign)} for a campaign that moved in the lists: also the
     * pages between the place {@code before} had in {@code previous} (the same language, before the
     * change) and its place now, whose share of the list shifted by one.
     */
    public List<Job> listJobs(LanguageSite lang, Campaign campaign, LanguageSite previous, Campaign before) {
        return listJobs(lang, campaign, Optional.of(new Moved(previous, before)));
    }

    private record Moved(LanguageSite previous, Campaign before) {
    }

    private List<Job> listJobs(LanguageSite lang, Campaign campaign, Optional<Moved> moved) {
        List<Job> jobs = new ArrayList<>();
        int at = indexOf(lang.listed(), campaign);
        if (at >= 0) {
            int was = moved.map(m -> indexOf(m.previous().listed(), m.before())).orElse(-1);
            int from = (was < 0 ? at : Math.min(at, was)) / pageSize() + 1;
            int to = Math.max(at, was) / pageSize() + 1;
            for (int n = from; n <= to; n++) {
                jobs.add(homeJob(lang, n));
            }
        }
        if (!campaign.language().equals(lang.language())) {
            return jobs;
        }
        listTerms(jobs, lang, lang.tags(), "tags", campaign, moved);
        listTerms(jobs, lang, lang.categories(), "categories", campaign, moved);
        return jobs;
    }

    private static int indexOf(List<Campaign> list, Campaign campaign) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == campaign) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every page of the term lists of {@code lang} named by either version of a campaign ({@code before}, {@code now}:
     * by their tags and categories, grouped by slug) that the site has, and the indexes of those kinds.
     */
    public List<Job> termJobs(LanguageSite lang, Campaign before, Campaign now) {
        List<Job> jobs = new ArrayList<>();
        termJobs(jobs, lang, lang.tags(), "tags", before.tags(), now.tags());
        termJobs(jobs, lang, lang.categories(), "categories", before.categories(), now.categories());
        return jobs;
    }

    private void termJobs(List<Job> jobs, LanguageSite lang, List<Term> terms, String kind, List<String> before,
            List<String> now) {
        java.util.Set<String> slugs = new java.util.HashSet<>();
        java.util.stream.Stream.concat(before.stream(), now.stream()).forEach(n -> slugs.add(
                io.github.broadside.content.Slug.of(n)));
        if (slugs.isEmpty() || terms.isEmpty()) {
            return;
        }
        terms.stream().filter(t -> slugs.contains(t.slug())).forEach(t -> jobs.addAll(termJobs(lang, t, kind)));
        jobs.add(termsJob(lang, terms, kind));
    }

    private void listTerms(List<Job> jobs, LanguageSite lang, List<Term> terms, String kind, Campaign campaign,
            Optional<Moved> moved) {
        boolean member = false;
        for (Term term : terms) {
            int at = indexOf(term.campaigns(), campaign);
            if (at >= 0) {
                member = true;
                int was = moved.flatMap(m -> (kind.equals("tags") ? m.previous().tags() : m.previous().categories())
                        .stream().filter(t -> t.slug().equals(term.slug())).findFirst())
                        .map(t -> indexOf(t.campaigns(), moved.get().before())).orElse(-1);
                int from = (was < 0 ? at : Math.min(at, was)) / pageSize() + 1;
                int to = Math.max(at, was) / pageSize() + 1;
                for (int n = from; n <= to; n++) {
                    jobs.add(termJob(lang, term, kind, n));
                }
            }
        }
        if (member) {
            jobs.add(termsJob(lang, terms, kind));
        }
    }

    private Job pageJob(LanguageSite lang, Campaign campaign) {
        Map<String, Object> context = base(lang, campaign.title(), campaign.summary(), campaign.path());
        context.put("campaign", campaign);
        if (campaign.isCampaign()) {
            context.put("forms", forms.forCampaign(campaign));
            context.put("share", share.apply(campaign));
        }
        translation(context, campaign);
        return new Job(SitePath.file(campaign.path()), campaign.isCampaign() ? "campaign" : "page", context);
    }

    /**
     * Pages the publish stage needs: the language's "not found" page ({@code 404.html} in its home
     * folder; hosts serve the nearest one) and a redirect page at each earlier address of a page.
     */
    private void publishJobs(List<Job> jobs, LanguageSite lang) {
        String notFound = lang.homePath() + NOT_FOUND;
        String text = templates.message(lang.language(), "notfound.text");
        Map<String, Object> context = base(lang, templates.message(lang.language(), "notfound.title"), text, notFound);
        context.put("page", Map.of("title", templates.message(lang.language(), "notfound.title"),
                "description", text, "path", notFound, "canonical", "", "noindex", true));
        jobs.add(new Job(notFound.substring(1), "404", context));
        for (Campaign campaign : java.util.stream.Stream.concat(lang.campaigns().stream(), lang.pages().stream())
                .toList()) {
            redirectJobs(jobs, lang, campaign);
        }
    }

    private void redirectJobs(List<Job> jobs, LanguageSite lang, Campaign campaign) {
        for (String alias : campaign.aliases()) {
            Map<String, Object> redirect = base(lang, campaign.title(), campaign.summary(), campaign.path());
            redirect.put("campaign", campaign);
            jobs.add(new Job(SitePath.file(alias), "redirect", redirect));
        }
    }

    /** File name of the page hosts show for an address the site does not have. */
    public static final String NOT_FOUND = "404.html";

    /** The site path of a language's "cover your tracks" page, which the quick exit links to. */
    public static String coverTracksPath(LanguageSite lang) {
        return lang.homePath() + "cover-your-tracks/";
    }

    /**
     * Pages that belong to actions: a thank-you page per campaign with actions
     * ({@code /<path>thanks/}, where providers send signers after a plain post; share links and the
     * donate ask), and the language's "cover your tracks" page when any of its pages shows the
     * quick exit.
     */
    private void actionJobs(List<Job> jobs, LanguageSite lang) {
        String language = lang.language();
        for (Campaign campaign : lang.campaigns()) {
            if (!campaign.actions().isEmpty()) {
                jobs.add(thanksJob(lang, campaign));
            }
        }
        boolean quickExit = site.config().quickExit().enabled()
                || lang.campaigns().stream().anyMatch(Campaign::quickExit);
        if (quickExit) {
            String path = coverTracksPath(lang);
            Map<String, Object> context = base(lang, templates.message(language, "quickexit.tracks.title"),
                    templates.message(language, "quickexit.tracks.intro"), path);
            jobs.add(new Job(SitePath.file(path), "cover-tracks", context));
        }
    }

    private Job thanksJob(LanguageSite lang, Campaign campaign) {
        String path = campaign.path() + "thanks/";
        Map<String, Object> context = base(lang, templates.message(lang.language(), "thanks.title",
                Map.of("title", campaign.title())), campaign.summary(), path);
        context.put("campaign", campaign);
        context.put("share", share.apply(campaign));
        return new Job(SitePath.file(path), "thanks", context);
    }

    private void termJobs(List<Job> jobs, LanguageSite lang, List<Term> terms, String kind) {
        if (terms.isEmpty()) {
            return;
        }
        jobs.add(termsJob(lang, terms, kind));
        for (Term term : terms) {
            jobs.addAll(termJobs(lang, term, kind));
        }
    }

    private Job termsJob(LanguageSite lang, List<Term> terms, String kind) {
        String indexPath = lang.homePath() + kind + "/";
        // the snippet under the title in search results: what the list holds
        String heading = templates.message(lang.language(), "terms." + kind);
        Map<String, Object> index = base(lang, heading,
                listDescription(heading, terms.stream().map(Term::name).toList(), ", "), indexPath);
        index.put("terms", terms);
        index.put("kind", kind);
        return new Job(SitePath.file(indexPath), "terms", index);
    }

    /** Every page of a term's list (see {@link #homeJobs} for the split). */
    private List<Job> termJobs(LanguageSite lang, Term term, String kind) {
        int count = Pager.count(term.campaigns().size(), pageSize());
        List<Job> jobs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            jobs.add(termJob(lang, term, kind, n));
        }
        return jobs;
    }

    /** Page {@code number} of a term: {@code campaigns} is this page's share of the term's, {@code pager} where it stands. */
    private Job termJob(LanguageSite lang, Term term, String kind, int number) {
        Pager pager = new Pager(number, Pager.count(term.campaigns().size(), pageSize()), term.path());
        List<Campaign> shown = Pager.slice(term.campaigns(), number, pageSize());
        Map<String, Object> context = base(lang, pageTitle(lang, term.name(), pager),
                listDescription(term.name(), shown.stream().map(Campaign::title).toList(), " · "), pager.path());
        context.put("term", term);
        context.put("kind", kind);
        context.put("campaigns", shown);
        context.put("pager", pager);
        return new Job(SitePath.file(pager.path()), "term", context);
    }

    /** How long a list page's description may grow: about what a search result shows under its title. */
    static final int LIST_DESCRIPTION_LIMIT = 160;

    /**
     * The description of a list page: {@code lead}, a colon and as many of {@code items} as fit in
     * {@link #LIST_DESCRIPTION_LIMIT} characters, then an ellipsis if some were left out. Written
     * twice into the page's head (description and og:description), so it must not grow with the
     * list: a tag of 2,500 campaigns once gave every one of its pages 220 KB of head.
     */
    static String listDescription(String lead, List<String> items, String separator) {
        StringBuilder out = new StringBuilder(lead);
        String between = ": ";
        for (String item : items) {
            if (out.length() + between.length() + item.length() > LIST_DESCRIPTION_LIMIT) {
                if (between.equals(": ")) { // not even the first fits: its start, cut at a space
                    int room = LIST_DESCRIPTION_LIMIT - out.length() - between.length() - 1;
                    if (room > 20) {
                        int cut = item.lastIndexOf(' ', room);
                        cut = cut > room / 2 ? cut : Character.isHighSurrogate(item.charAt(room - 1)) ? room - 1 : room;
                        out.append(between).append(item, 0, cut);
                    }
                }
                return out.append('…').toString();
            }
            out.append(between).append(item);
            between = separator;
        }
        return out.toString();
    }

    /** Marks a stale translation for the notice that links to its current source. */
    private void translation(Map<String, Object> context, Campaign campaign) {
        site.translations().staleness(campaign).ifPresent(stale -> {
            context.put("stale", true);
            site.translations().published(stale.source().contentPath())
                    .ifPresent(source -> context.put("staleSource", source));
        });
    }

    private Map<String, Object> base(LanguageSite lang, String title, String description, String path) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", localized.getOrDefault(lang.language(), site.config()));
        context.put("alternates", site.alternatesOf(path, lang.language()));
        context.put("xDefault", site.xDefaultOf(path));
        context.put("lang", lang);
        context.put("languages", site.languages());
        context.put("page", Map.of(
                "title", title,
                "description", description,
                "path", path,
                "canonical", site.config().absoluteUrl(path)));
        return context;
    }

    private Optional<Page> render(Job job, Problems problems, Optional<Set<String>> listReads) {
        TemplateEngine.Result result = listReads.isPresent() && job.campaign().isEmpty()
                ? templates.render(job.template(), job.context(), listReads.get())
                : templates.render(job.template(), job.context());
        if (result instanceof TemplateEngine.Failed failed) {
            problems.add(failed.problem());
            return Optional.empty();
        }
        return Optional.of(Page.compact(job.path(), ((TemplateEngine.Rendered) result).html()
                .getBytes(StandardCharsets.UTF_8)));
    }
}
