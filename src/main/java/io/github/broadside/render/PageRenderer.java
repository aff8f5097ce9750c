package io.github.broadside.render;

import io.github.broadside.content.Campaign;
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
 * <p>Templates see: {@code site} (the configuration), {@code lang} (this language's
 * {@link LanguageSite}), {@code languages}, {@code page} (title, description, path, canonical URL),
 * and per template {@code campaign}, {@code campaigns} or {@code term}.
 */
public final class PageRenderer {
    private final Site site;
    private final TemplateEngine templates;

    public PageRenderer(Site site, TemplateEngine templates) {
        this.site = site;
        this.templates = templates;
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
        for (LanguageSite lang : site.languages()) {
            Map<String, Object> home = base(lang, site.config().title(), site.config().description(), lang.homePath());
            home.put("campaigns", lang.campaigns());
            jobs.add(new Job(file(lang.homePath()), "home", home));
            for (Campaign campaign : lang.campaigns()) {
                Map<String, Object> context = base(lang, campaign.title(), campaign.summary(), campaign.path());
                context.put("campaign", campaign);
                jobs.add(new Job(file(campaign.path()), "campaign", context));
            }
            for (Campaign page : lang.pages()) {
                Map<String, Object> context = base(lang, page.title(), page.summary(), page.path());
                context.put("campaign", page);
                jobs.add(new Job(file(page.path()), "page", context));
            }
            termJobs(jobs, lang, lang.tags(), "tags");
            termJobs(jobs, lang, lang.categories(), "categories");
        }
        return jobs;
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

    private Map<String, Object> base(LanguageSite lang, String title, String description, String path) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", site.config());
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
