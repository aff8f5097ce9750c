package io.github.broadside.incremental;

import io.github.broadside.BuildOptions;
import io.github.broadside.Pipeline;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.CampaignReads;
import io.github.broadside.render.Page;
import io.github.broadside.render.PageRenderer;
import io.github.broadside.render.Theme;
import io.github.broadside.site.Site;
import io.github.broadside.site.SiteLinker;
import io.github.broadside.site.SitePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site kept in memory between builds, for serve: after a first full build, {@link #update}
 * re-parses only the files that changed and re-renders only the pages the change affects: the
 * edited page, the lists that show it (home, tag and category pages, their indexes), its
 * translations (pages of other languages with the same file name), and any page whose template
 * variables changed. A change to {@code site.yml}, the UI strings or the theme's templates
 * re-renders everything; a change to an asset or a static file only copies that file.
 *
 * <p>It runs the {@link Pipeline}'s stages (for the preview: forms post to serve's sink) and keeps
 * their results in named parts: the {@link SourceIndex} (each page's last good version), the
 * {@link FormCache} and {@link ShareLinkCache} (per campaign), the {@link AffectedPages} rule (what
 * an edit renders) and the {@link CopiedFiles} (assets and static files). What follows rendering
 * is serve's own: the pages go to its folder as they are, with no publish stage.
 *
 * <p>A plain save (every changed path a known page that is still a file) skips the walk of the
 * content folder. When moreover every changed page {@linkplain SiteLinker#linksAlike links alike}
 * its last version, the linked site is patched rather than linked again, and only the jobs
 * {@link AffectedPages#afterPatch} lists run. The rule this rests on: a page without a campaign of
 * its own shows campaigns only through its list variables ({@code campaigns}, {@code term},
 * {@code terms}) and reads them attribute by attribute; a page with a campaign of its own shows
 * other campaigns only as its translations or stale source. Everything else goes the general way:
 * link everything, compare every page's template variables.
 *
 * <p>Errors never lose the last good state: a file that stops parsing keeps its last good version
 * in the site, a broken theme keeps the last good templates, and the problems are reported until
 * they are fixed. Not thread-safe: one thread calls {@link #full()} and {@link #update}; other
 * threads read the immutable {@link #snapshot()}.
 */
public final class IncrementalBuild {
    /** Below this many pages a rebuild renders on the calling thread: starting a pool costs more. */
    static final int PARALLEL_THRESHOLD = 16;

    private final BuildOptions options;
    private final Pipeline pipeline;

    private SiteConfig config;
    private List<Problem> configProblems = List.of();
    private ContentLoader loader;
    private final SourceIndex sources;
    private Optional<Pipeline.Rendering> rendering = Optional.empty();
    private List<Problem> renderingProblems = List.of();
    private Site site;
    private List<Problem> linkProblems = List.of();
    private List<Problem> staleProblems = List.of();
    private final FormCache forms;
    private final ShareLinkCache shareLinks = new ShareLinkCache();
    /** Campaign attributes the list pages read (see {@link CampaignReads}); reset with the templates. */
    private final Set<String> listReads = ConcurrentHashMap.newKeySet();
    private final Map<String, PageRenderer.Job> jobs = new LinkedHashMap<>();
    private final Map<String, byte[]> pages = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private List<Problem> renderProblems = List.of();
    private final CopiedFiles copied;
    private volatile Snapshot snapshot;

    /** @param options where the sources are; the overrides serve needs (drafts, base URL) already applied */
    public IncrementalBuild(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pipeline = new Pipeline(options).forPreview(); // serve previews every form through its sink
        this.sources = new SourceIndex(options.contentDir(), options.threads());
        this.forms = new FormCache(pipeline);
        this.copied = new CopiedFiles(options.files(), options.contentDir().resolve(ContentLoader.STATIC_FOLDER));
    }

    /** What one build or rebuild did, and the problems that stand after it. */
    public record Update(
            List<String> changedSources,
            boolean full,
            List<String> rendered,
            List<Page> changedPages,
            Set<String> removed,
            Map<String, Path> copies,
            List<Problem> problems,
            boolean problemsChanged,
            long millis) {

        public Update {
            changedSources = List.copyOf(changedSources);
            rendered = List.copyOf(rendered);
            changedPages = List.copyOf(changedPages);
            removed = Set.copyOf(removed);
            copies = Map.copyOf(copies);
            problems = List.copyOf(problems);
        }

        /** True when nothing in the output changed and the problems are the same as before. */
        public boolean isEmpty() {
            return changedPages.isEmpty() && removed.isEmpty() && copies.isEmpty() && !problemsChanged;
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        /** The site paths ({@code /slug/}) of the pages written or removed. */
        public List<String> changedPaths() {
            List<String> out = new ArrayList<>();
            changedPages.forEach(p -> out.add(SitePath.of(p.path())));
            removed.forEach(p -> out.add(SitePath.of(p)));
            return out;
        }
    }

    /** What the server shows between rebuilds: the last good site and the problems that stand. */
    public record Snapshot(Site site, List<Problem> problems, long generation) {
        public Snapshot {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** The last good site and current problems; empty before the first {@link #full()}. */
    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** The folders a watcher should watch: the content folder and every folder of the theme chain. */
    public List<Path> watchRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(options.contentDir());
        rendering.ifPresentOrElse(r -> roots.addAll(r.theme().folders()), () -> roots.add(options.themeDir()));
        return roots;
    }

    /** Loads and renders everything, forgetting any earlier state. */
    public Update full() {
        long start = System.nanoTime();
        sources.clear();
        jobs.clear();
        pages.clear();
        failed.clear();
        copied.clear();
        reloadConfig();
        reloadRendering();
        sources.rescan(loader, Set.of());
        return finish(List.of(), true, start);
    }

    /**
     * Rebuilds after the files {@code changed} (absolute paths; created, modified or deleted) changed.
     * Paths outside the content folder and the theme are ignored.
     */
    public Update update(Collection<Path> changed) {
        if (snapshot == null) {
            return full();
        }
        long start = System.nanoTime();
        Path content = options.contentDir();
        Path siteYml = content.resolve("site.yml");
        Path i18n = content.resolve(ContentLoader.I18N_FOLDER);
        Path statics = content.resolve(ContentLoader.STATIC_FOLDER);
        List<Path> themeFolders = rendering.map(r -> r.theme().folders()).orElse(List.of(options.themeDir()));
        boolean configChanged = false;
        boolean renderingChanged = false;
        boolean filesChanged = false;
        Set<Path> forced = new HashSet<>();
        List<String> shown = new ArrayList<>();
        for (Path raw : new TreeSet<>(changed)) {
            Path path = raw.toAbsolutePath().normalize();
            if (path.equals(siteYml)) {
                configChanged = true;
            } else if (path.startsWith(i18n)) {
                renderingChanged = true;
            } else if (path.startsWith(statics)) {
                // Copied files are compared with the last copy after every change; nothing to mark.
                filesChanged = true;
                shown.add(options.display(path));
                continue;
            } else if (path.startsWith(content)) {
                forced.add(path);
            } else if (themeFolders.stream().anyMatch(path::startsWith) || path.startsWith(options.themeDir())) {
                boolean asset = themeFolders.stream().anyMatch(t -> path.startsWith(t.resolve(Theme.ASSETS)));
                renderingChanged |= !asset;
                filesChanged |= asset;
            } else {
                continue;
            }
            shown.add(options.display(path));
        }
        if (!configChanged && !renderingChanged && forced.stream().allMatch(sources::isKnownFile)) {
            return save(forced, filesChanged, shown, start);
        }
        boolean full = false;
        if (configChanged) {
            String oldLanguage = config.defaultLanguage();
            SiteConfig oldConfig = config;
            reloadConfig();
            if (!config.defaultLanguage().equals(oldLanguage)) {
                sources.clear();
            }
            full = !config.equals(oldConfig);
        }
        if (renderingChanged) {
            reloadRendering();
            full = true;
        }
        sources.rescan(loader, forced);
        return finish(shown, full, start);
    }

    /**
     * The way of a plain save (every changed path a known page that is still there; static files and
     * assets may have changed too): re-parses those pages and their translations without walking the
     * content folder and, when every changed page {@linkplain SiteLinker#linksAlike links alike},
     * patches the linked site and renders only what {@link AffectedPages#afterPatch} lists. Anything
     * else goes the way of {@link #finish} with the pages re-parsed.
     */
    private Update save(Set<Path> changed, boolean filesChanged, List<String> shown, long start) {
        Map<String, Optional<Campaign>> before = sources.reparse(loader, changed);
        return quick(before, filesChanged, shown, start).orElseGet(() -> finish(shown, false, start));
    }

    private void reloadConfig() {
        Problems own = new Problems();
        SiteConfig loaded = pipeline.config(own);
        configProblems = own.sorted();
        if (config == null || !own.hasErrors()) {
            config = loaded;
        }
        loader = pipeline.content(config);
    }

    private void reloadRendering() {
        Problems own = new Problems();
        Optional<Pipeline.Rendering> loaded = pipeline.rendering(config, own);
        renderingProblems = own.sorted();
        if (loaded.isPresent()) {
            rendering = loaded;
            listReads.clear(); // what the new templates read is recorded as they render everything
        }
    }

    /** Links, works out the affected pages, renders them and records what changed. */
    private Update finish(List<String> shown, boolean full, long start) {
        Problems linking = new Problems();
        Site linked = pipeline.link(config, sources.languages(), sources.pages(), linking);
        Problems stale = new Problems();
        pipeline.stale(linked, stale);
        FormPlan planned = forms.plan(linked, config);
        linkProblems = linking.sorted();
        staleProblems = stale.sorted();
        List<Page> changedPages = new ArrayList<>();
        Set<String> removed = new TreeSet<>();
        List<String> rendered = new ArrayList<>();
        boolean errors = linking.hasErrors() || stale.hasErrors() || forms.hasErrors();
        if (!errors && rendering.isPresent()) {
            Site previous = site;
            PageRenderer renderer = renderer(linked, planned);
            Map<String, PageRenderer.Job> next = new LinkedHashMap<>();
            renderer.jobs().forEach(job -> next.put(job.path(), job));
            List<PageRenderer.Job> affected = AffectedPages.afterRelink(previous, linked, next, full, jobs, failed);
            render(renderer, affected, rendered, changedPages);
            for (String path : jobs.keySet()) {
                if (!next.containsKey(path)) {
                    removed.add(path);
                    pages.remove(path);
                }
            }
            jobs.clear();
            jobs.putAll(next);
            site = linked;
            shareLinks.keepOnly(site);
        } else if (site == null) {
            site = linked;
        }
        Map<String, Path> copies = new TreeMap<>();
        syncFiles(copies, removed);
        return done(shown, full, start, rendered, changedPages, removed, copies);
    }

    /**
     * The quick way for re-parsed pages ({@code before}: their last good version before, by key;
     * {@code filesChanged}: a static file or asset changed too): empty
     * when it does not apply, i.e. when a page appeared, vanished or changed in what the link stage
     * reads, when the site has link, form or stale errors, or when pages failed to render last time.
     */
    private Optional<Update> quick(Map<String, Optional<Campaign>> before, boolean filesChanged, List<String> shown,
            long start) {
        if (site == null || rendering.isEmpty() || !failed.isEmpty()
                || linkProblems.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        Map<Campaign, Campaign> replacements = new IdentityHashMap<>();
        for (Map.Entry<String, Optional<Campaign>> entry : before.entrySet()) {
            Optional<Campaign> old = entry.getValue();
            Optional<Campaign> now = sources.lastGood(entry.getKey());
            if (old.isEmpty() || now.isEmpty()) {
                if (old.isPresent() || now.isPresent()) {
                    return Optional.empty();
                }
                continue;
            }
            if (old.get() == now.get() || old.get().equals(now.get())) {
                continue;
            }
            boolean published = site.translations().published(old.get().contentPath()).filter(c -> c == old.get())
                    .isPresent();
            if (!published || !SiteLinker.linksAlike(old.get(), now.get())) {
                return Optional.empty();
            }
            replacements.put(old.get(), now.get());
        }
        List<Campaign> recheck = new ArrayList<>();
        before.keySet().forEach(key -> sources.lastGood(key).ifPresent(recheck::add));
        Optional<Site> patched = SiteLinker.replace(site, replacements, recheck, sources::lastGood);
        if (patched.isEmpty()) {
            return Optional.empty();
        }
        Site linked = patched.get();
        Problems stale = new Problems();
        pipeline.stale(linked, stale);
        if (stale.hasErrors()) {
            return Optional.empty();
        }
        FormPlan planned = forms.replan(linked, replacements.values());
        if (forms.hasErrors()) {
            return Optional.empty();
        }
        staleProblems = stale.sorted();
        PageRenderer renderer = renderer(linked, planned);
        AffectedPages.Patch patch = AffectedPages.afterPatch(site, linked, replacements, renderer, listReads);
        List<Page> changedPages = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        render(renderer, List.copyOf(patch.jobs().values()), rendered, changedPages);
        shareLinks.forget(replacements.keySet());
        site = linked;
        Map<String, Path> copies = new TreeMap<>();
        Set<String> removed = new TreeSet<>(patch.gone());
        boolean pathsChanged = !patch.gone().isEmpty()
                || patch.jobs().keySet().stream().anyMatch(p -> !jobs.containsKey(p));
        patch.gone().forEach(path -> {
            jobs.remove(path);
            pages.remove(path);
        });
        jobs.putAll(patch.jobs());
        if (filesChanged || pathsChanged) {
            syncFiles(copies, removed); // a static file or an asset changed, or a page now covers one
        }
        return Optional.of(done(shown, false, start, rendered, changedPages, removed, copies));
    }

    /** The render stage over {@code linked}, with share links kept between rebuilds. */
    private PageRenderer renderer(Site linked, FormPlan planned) {
        SiteConfig current = config;
        return pipeline.renderer(linked, rendering.orElseThrow(), planned, c -> shareLinks.of(c, current));
    }

    /** Renders {@code affected}, keeps the pages and notes which changed and which failed. */
    private void render(PageRenderer renderer, List<PageRenderer.Job> affected, List<String> rendered,
            List<Page> changedPages) {
        Problems renderingNow = new Problems();
        int threads = affected.size() < PARALLEL_THRESHOLD ? 1 : options.threads();
        List<Page> output = renderer.render(affected, threads, renderingNow, listReads);
        affected.forEach(job -> rendered.add(job.path()));
        failed.clear();
        Set<String> succeeded = new HashSet<>();
        for (Page page : output) {
            succeeded.add(page.path());
            byte[] bytes = page.bytes();
            byte[] old = pages.put(page.path(), bytes);
            if (old == null || !Arrays.equals(old, bytes)) {
                changedPages.add(page);
            }
        }
        affected.stream().map(PageRenderer.Job::path).filter(p -> !succeeded.contains(p)).forEach(failed::add);
        renderProblems = renderingNow.sorted();
    }

    /** The copied files after a change: theme assets (under their own names) and content/static/. */
    private void syncFiles(Map<String, Path> copies, Set<String> removed) {
        List<Path> assetFolders = rendering.map(r -> r.theme().assetFoldersParentFirst()).orElse(List.of());
        String appended = rendering.map(r -> r.variables().css()).orElse("");
        // the stylesheet with the theme.yml variables, as build appends them, written beside the preview
        Path scratch = options.outputDir().toAbsolutePath().normalize().resolveSibling(".serve-style.css");
        copied.sync(assetFolders, jobs.keySet(), copies, removed, appended, scratch);
    }

    private Update done(List<String> shown, boolean full, long start, List<String> rendered, List<Page> changedPages,
            Set<String> removed, Map<String, Path> copies) {
        List<Problem> before = snapshot == null ? List.of() : snapshot.problems();
        List<Problem> now = problems();
        long generation = snapshot == null ? 1 : snapshot.generation() + 1;
        snapshot = new Snapshot(site, now, generation);
        changedPages.sort(Comparator.comparing(Page::path));
        return new Update(shown, full, rendered, changedPages, removed, copies, now, !now.equals(before),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Every problem that stands now: configuration, theme, each file's, linking, forms, rendering and copies. */
    public List<Problem> problems() {
        Problems all = new Problems();
        all.addAll(configProblems);
        all.addAll(renderingProblems);
        all.addAll(sources.problems());
        all.addAll(linkProblems);
        all.addAll(staleProblems);
        all.addAll(forms.problems());
        all.addAll(renderProblems);
        all.addAll(copied.problems());
        if (site != null) {
            // Pictures are checked against the files as they are now: adding the file clears the warning.
            all.addAll(io.github.broadside.content.ImagePaths.missing(site.allPages(),
                    p -> copied.has(p) || jobs.containsKey(p) || jobs.containsKey(p + "/index.html"),
                    options.display(options.contentDir().resolve(io.github.broadside.content.ContentLoader.STATIC_FOLDER)),
                    site.config()::relativeUrl));
        }
        return all.sorted();
    }
}
