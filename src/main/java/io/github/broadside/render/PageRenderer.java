package io.github.broadside.render;

import io.github.broadside.content.Campaign;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.forms.ShareLinks;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.Term;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private final Map<String, io.github.broadside.config.SiteConfig> localized = new HashMap<>();

    public PageRenderer(Site site, TemplateEngine templates) {
        this(site, templates, FormPlan.empty());
    }

    /** @param forms the planned form of every action, which campaign and thank-you pages show */
    public PageRenderer(Site site, TemplateEngine templates, FormPlan forms) {
        this.site = site;
        this.templates = templates;
        this.forms = forms;
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
        List<Callable<Optional<Page>>> tasks = jobs.stream()
                .<Callable<Optional<Page>>>map(job -> () -> render(job, problems)).toList();
        List<Page> pages = new ArrayList<>(jobs.size());
        if (threads <= 1) {
            for (Callable<Optional<Page>> task : tasks) {
                try {
                    task.call().ifPresent(pages::add);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return pages;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Page>>> futures = pool.invokeAll(tasks);
            for (Future<Optional<Page>> future : futures) {
                future.get().ifPresent(pages::add);
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every page of the site, in a stable order. */
    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        if (site.config().localization().defaultLanguageInSubfolder() && !site.languages().isEmpty()) {
            LanguageSite first = site.language(site.config().defaultLanguage()).orElse(site.languages().get(0));
            Map<String, Object> chooser = base(first, templates.message(first.language(), "languages.choose"),
                    site.config().description(), "/");
            jobs.add(new Job(file("/"), "languages", chooser));
        }
        for (LanguageSite lang : site.languages()) {
            io.github.broadside.config.SiteConfig config = localized.get(lang.language());
            Map<String, Object> home = base(lang, config.title(), config.description(), lang.homePath());
            home.put("campaigns", lang.listed());
            jobs.add(new Job(file(lang.homePath()), "home", home));
            for (Campaign campaign : lang.campaigns()) {
                Map<String, Object> context = base(lang, campaign.title(), campaign.summary(), campaign.path());
                context.put("campaign", campaign);
                context.put("forms", forms.forCampaign(campaign));
                context.put("share", ShareLinks.of(campaign, site.config()));
                translation(context, campaign);
                jobs.add(new Job(file(campaign.path()), "campaign", context));
            }
            for (Campaign page : lang.pages()) {
                Map<String, Object> context = base(lang, page.title(), page.summary(), page.path());
                context.put("campaign", page);
                translation(context, page);
                jobs.add(new Job(file(page.path()), "page", context));
            }
            termJobs(jobs, lang, lang.tags(), "tags");
            termJobs(jobs, lang, lang.categories(), "categories");
            publishJobs(jobs, lang);
            actionJobs(jobs, lang);
        }
        return jobs;
    }

    /**
     * Pages the publish stage needs: the language's "not found" page ({@code 404.html} in its home
     * folder; hosts serve the nearest one) and a redirect page at each earlier address of a page.
     */
    private void publishJobs(List<Job> jobs, LanguageSite lang) {
        String notFound = lang.homePath() + NOT_FOUND;
        Map<String, Object> context = base(lang, templates.message(lang.language(), "notfound.title"), "", notFound);
        context.put("page", Map.of("title", templates.message(lang.language(), "notfound.title"),
                "description", "", "path", notFound, "canonical", "", "noindex", true));
        jobs.add(new Job(notFound.substring(1), "404", context));
        for (Campaign campaign : java.util.stream.Stream.concat(lang.campaigns().stream(), lang.pages().stream())
                .toList()) {
            for (String alias : campaign.aliases()) {
                Map<String, Object> redirect = base(lang, campaign.title(), campaign.summary(), campaign.path());
                redirect.put("campaign", campaign);
                jobs.add(new Job(alias.endsWith("/") ? file(alias) : alias.substring(1), "redirect", redirect));
            }
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
            if (campaign.actions().isEmpty()) {
                continue;
            }
            String path = campaign.path() + "thanks/";
            Map<String, Object> context = base(lang, templates.message(language, "thanks.title",
                    Map.of("title", campaign.title())), campaign.summary(), path);
            context.put("campaign", campaign);
            context.put("share", ShareLinks.of(campaign, site.config()));
            jobs.add(new Job(file(path), "thanks", context));
        }
        boolean quickExit = site.config().quickExit().enabled()
                || lang.campaigns().stream().anyMatch(Campaign::quickExit);
        if (quickExit) {
            String path = coverTracksPath(lang);
            Map<String, Object> context = base(lang, templates.message(language, "quickexit.tracks.title"), "", path);
            jobs.add(new Job(file(path), "cover-tracks", context));
        }
    }

    private void termJobs(List<Job> jobs, LanguageSite lang, List<Term> terms, String kind) {
        if (terms.isEmpty()) {
            return;
        }
        String indexPath = lang.homePath() + kind + "/";
        Map<String, Object> index = base(lang, templates.message(lang.language(), "terms." + kind), "", indexPath);
        index.put("terms", terms);
        index.put("kind", kind);
        jobs.add(new Job(file(indexPath), "terms", index));
        for (Term term : terms) {
            Map<String, Object> context = base(lang, term.name(), "", term.path());
            context.put("term", term);
            context.put("kind", kind);
            context.put("campaigns", term.campaigns());
            jobs.add(new Job(file(term.path()), "term", context));
        }
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

    /** {@code /es/slug/} becomes {@code es/slug/index.html}. */
    static String file(String sitePath) {
        String trimmed = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return trimmed + "index.html";
    }

    private Optional<Page> render(Job job, Problems problems) {
        TemplateEngine.Result result = templates.render(job.template(), job.context());
        if (result instanceof TemplateEngine.Failed failed) {
            problems.add(failed.problem());
            return Optional.empty();
        }
        return Optional.of(new Page(job.path(), ((TemplateEngine.Rendered) result).html()
                .getBytes(StandardCharsets.UTF_8)));
    }
}
