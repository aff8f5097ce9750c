package io.github.broadside;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.forms.ActionForm;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.forms.ShareLinks;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.CampaignReads;
import io.github.broadside.render.Page;
import io.github.broadside.render.PageRenderer;
import io.github.broadside.render.Theme;
import io.github.broadside.render.ThemeVariables;
import io.github.broadside.site.Site;
import io.github.broadside.site.SiteLinker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A site kept in memory between builds, for serve: after a first full build, {@link #update}
 * re-parses only the files that changed and re-renders only the pages the change affects: the
 * edited page, the lists that show it (home, tag and category pages, their indexes), its
 * translations (pages of other languages with the same file name), and any page whose template
 * variables changed. A change to {@code site.yml}, the UI strings or the theme's templates
 * re-renders everything; a change to an asset or a static file only copies that file.
 *
 * <p>A plain save (every changed path a known page that is still a file) skips the walk of the
 * content folder. When moreover every changed page {@linkplain SiteLinker#linksAlike links alike}
 * its last version, the linked site is patched rather than linked again, and only these jobs run:
 * the pages' own ({@link PageRenderer#ownJobs}) and their translations', those of translations
 * whose staleness changed, the tag and category pages a campaign joined or left
 * ({@link PageRenderer#termJobs}), and, when a campaign {@linkplain SiteLinker#sameListPlace
 * moved} in the lists or changed in an attribute that list pages read ({@link CampaignReads},
 * recorded as list pages render), its list pages ({@link PageRenderer#listJobs}). The rule this rests on: a page
 * without a campaign of its own shows campaigns only through its list variables ({@code campaigns},
 * {@code term}, {@code terms}) and reads them attribute by attribute; a page with a campaign of its
 * own shows other campaigns only as its translations or stale source. Everything else goes the
 * general way: link everything, compare every page's template variables.
 *
 * <p>Errors never lose the last good state: a file that stops parsing keeps its last good version
 * in the site, a broken theme keeps the last good templates, and the problems are reported until
 * they are fixed. Not thread-safe: one thread calls {@link #full()} and {@link #update}; other
 * threads read the immutable {@link #snapshot()}.
 */
public final class IncrementalBuild {
    /** Below this many pages a rebuild renders on the calling thread: starting a pool costs more. */
    private static final int PARALLEL_THRESHOLD = 16;

    private final BuildOptions options;
    private final SiteBuilder builder;

    private SiteConfig config;
    private List<Problem> configProblems = List.of();
    private List<Problem> languageProblems = List.of();
    private ContentLoader loader;
    private List<String> languages = List.of();
    private final Map<String, SourceState> sources = new TreeMap<>();
    /** Every page's own problems, sorted; null when a page's problems changed since. */
    private List<Problem> sourceProblems;
    /** Source key to the keys of the pages translated from it; null when it must be worked out again. */
    private Map<String, Set<String>> translationsBySource;
    private Optional<SiteBuilder.Rendering> rendering = Optional.empty();
    private List<Problem> renderingProblems = List.of();
    private Site site;
    private List<Problem> linkProblems = List.of();
    private List<Problem> staleProblems = List.of();
    private List<Problem> formProblems = List.of();
    /** Each campaign's planned forms, by file; reused while the campaign and the configuration stay. */
    private final Map<String, PlannedForms> formCache = new HashMap<>();
    private final Map<Campaign, ShareLinks> shareLinks = new IdentityHashMap<>();
    private SiteConfig shareConfig;
    /** The forms of the site as last planned. */
    private FormPlan forms = FormPlan.empty();
    private SiteConfig formsConfig;
    /** Campaign attributes the list pages read (see {@link CampaignReads}); reset with the templates. */
    private final Set<String> listReads = ConcurrentHashMap.newKeySet();
    private final Map<String, PageRenderer.Job> jobs = new LinkedHashMap<>();
    private final Map<String, byte[]> pages = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private List<Problem> renderProblems = List.of();
    private Map<String, FileRef> files = Map.of();
    /** Links found among the files copied as they are (refused, so never served). */
    private List<Problem> copyProblems = List.of();
    private volatile Snapshot snapshot;

    /** @param options where the sources are; the overrides serve needs (drafts, base URL) already applied */
    public IncrementalBuild(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.builder = new SiteBuilder(options).forPreview(); // serve previews every form through its sink
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
            changedPages.forEach(p -> out.add(sitePath(p.path())));
            removed.forEach(p -> out.add(sitePath(p)));
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
        translationsBySource = null;
        sourceProblems = null;
        jobs.clear();
        pages.clear();
        failed.clear();
        files = Map.of();
        reloadConfig();
        reloadRendering();
        rescan(Set.of());
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
        if (!configChanged && !renderingChanged && forced.stream().allMatch(this::knownSource)) {
            return save(forced, filesChanged, shown, start);
        }
        boolean full = false;
        if (configChanged) {
            String oldLanguage = config.defaultLanguage();
            SiteConfig oldConfig = config;
            reloadConfig();
            if (!config.defaultLanguage().equals(oldLanguage)) {
                sources.clear();
                translationsBySource = null;
                sourceProblems = null;
            }
            full = !config.equals(oldConfig);
        }
        if (renderingChanged) {
            reloadRendering();
            full = true;
        }
        rescan(forced);
        return finish(shown, full, start);
    }

    /** A page already known that is still a file: saving it changes no folder, so no walk is needed. */
    private boolean knownSource(Path path) {
        SourceState state = sources.get(key(path));
        return state != null && state.ref().file().equals(path) && Files.isRegularFile(path);
    }

    /**
     * The way of a plain save (every changed path a known page that is still there; static files and
     * assets may have changed too): re-parses those pages and their translations without walking the
     * content folder and, when every changed page {@linkplain SiteLinker#linksAlike links alike},
     * patches the linked site and renders only their own pages, their translations and, when a
     * field the list pages read changed, the list pages that show them. Anything else goes the way
     * of {@link #finish} with the pages re-parsed.
     */
    private Update save(Set<Path> changed, boolean filesChanged, List<String> shown, long start) {
        Map<String, Optional<Campaign>> before = new HashMap<>();
        List<Path> toParse = new ArrayList<>(changed);
        withTranslations(toParse);
        toParse.forEach(file -> before.put(key(file), sources.get(key(file)).lastGood()));
        store(toParse);
        return quick(before, filesChanged, shown, start).orElseGet(() -> finish(shown, false, start));
    }

    private void reloadConfig() {
        Problems own = new Problems();
        SiteConfig loaded = builder.loadConfig(own);
        configProblems = own.sorted();
        if (config == null || !own.hasErrors()) {
            config = loaded;
        }
        loader = builder.contentLoader(config);
    }

    private void reloadRendering() {
        Problems own = new Problems();
        Optional<SiteBuilder.Rendering> loaded = builder.rendering(config, own);
        renderingProblems = own.sorted();
        if (loaded.isPresent()) {
            rendering = loaded;
            listReads.clear(); // what the new templates read is recorded as they render everything
        }
    }

    /** Re-reads the language folders and re-parses new, changed and {@code forced} files. */
    private void rescan(Set<Path> forced) {
        Problems own = new Problems();
        languages = loader.languages(own);
        List<Path> found = loader.files(languages, own);
        languageProblems = own.sorted();
        Set<String> present = new HashSet<>();
        List<Path> toParse = new ArrayList<>();
        for (Path file : found) {
            String key = key(file);
            present.add(key);
            SourceState state = sources.get(key);
            Optional<FileRef> ref = FileRef.of(file);
            if (state == null || forced.contains(file) || ref.isEmpty() || !ref.get().equals(state.ref())) {
                toParse.add(file);
            }
        }
        if (sources.keySet().retainAll(present)) {
            translationsBySource = null;
            sourceProblems = null;
        }
        withTranslations(toParse);
        store(toParse);
    }

    /** Adds to {@code toParse} the known pages that are translations of one in it. */
    private void withTranslations(List<Path> toParse) {
        // A translation inherits what it leaves out from its source, so it is read again with it.
        if (translationsBySource == null) {
            translationsBySource = new HashMap<>();
            sources.forEach((key, state) -> state.lastGood().flatMap(c -> c.translation().source())
                    .ifPresent(source -> translationsBySource.computeIfAbsent(source, k -> new TreeSet<>()).add(key)));
        }
        Set<String> reparsed = new HashSet<>();
        toParse.forEach(file -> reparsed.add(key(file)));
        Set<String> translations = new TreeSet<>();
        reparsed.forEach(key -> translations.addAll(translationsBySource.getOrDefault(key, Set.of())));
        translations.removeAll(reparsed);
        translations.forEach(key -> toParse.add(sources.get(key).ref().file()));
    }

    /** Parses {@code toParse} and keeps each file's result; a file that stops parsing keeps its last good page. */
    private void store(List<Path> toParse) {
        for (Map.Entry<Path, Parsed> parsed : parse(toParse).entrySet()) {
            String key = key(parsed.getKey());
            SourceState previous = sources.get(key);
            Optional<Campaign> good = parsed.getValue().campaign().isPresent() ? parsed.getValue().campaign()
                    : previous == null ? Optional.empty() : previous.lastGood();
            if (previous != null && previous.lastGood().equals(good)) {
                good = previous.lastGood(); // the same instance: the site and the caches know it
            }
            Optional<String> sourceBefore = previous == null ? Optional.empty()
                    : previous.lastGood().flatMap(c -> c.translation().source());
            if (!sourceBefore.equals(good.flatMap(c -> c.translation().source()))) {
                translationsBySource = null; // which page translates which changed
            }
            if (previous == null || !previous.problems().equals(parsed.getValue().problems())) {
                sourceProblems = null;
            }
            sources.put(key, new SourceState(parsed.getValue().ref(), good, parsed.getValue().problems()));
        }
    }

    private record Parsed(FileRef ref, Optional<Campaign> campaign, List<Problem> problems) {
    }

    private Map<Path, Parsed> parse(List<Path> toParse) {
        Map<Path, Parsed> out = new LinkedHashMap<>();
        // One index of the default language per batch: built only if a translation needs it, then shared.
        ContentLoader.KeyIndex index = loader.keyIndex();
        if (toParse.size() < PARALLEL_THRESHOLD || options.threads() <= 1) {
            toParse.forEach(file -> out.put(file, parseOne(file, index)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<Parsed>> futures = new ArrayList<>();
            toParse.forEach(file -> futures.add(pool.submit(() -> parseOne(file, index))));
            for (int i = 0; i < toParse.size(); i++) {
                out.put(toParse.get(i), futures.get(i).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("parsing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Parsed parseOne(Path file, ContentLoader.KeyIndex index) {
        // The stamp is taken before reading, so an edit during the read is seen as a change next time.
        FileRef ref = FileRef.of(file).orElse(new FileRef(file, FileTime.fromMillis(0), -1));
        Problems own = new Problems();
        Optional<Campaign> campaign = loader.loadOne(file, own, index);
        return new Parsed(ref, own.hasErrors() ? Optional.empty() : campaign, own.sorted());
    }

    private String key(Path file) {
        return options.contentDir().relativize(file).toString().replace('\\', '/');
    }

    /** Links, works out the affected pages, renders them and records what changed. */
    private Update finish(List<String> shown, boolean full, long start) {
        List<Campaign> campaigns = parsedPages();
        Problems linking = new Problems();
        Site linked = builder.linkOnly(config, languages, campaigns, linking);
        Problems stale = new Problems();
        builder.staleProblems(linked, stale);
        FormPlan forms = planForms(linked);
        linkProblems = linking.sorted();
        staleProblems = stale.sorted();
        List<Page> changedPages = new ArrayList<>();
        Set<String> removed = new TreeSet<>();
        List<String> rendered = new ArrayList<>();
        boolean errors = linking.hasErrors() || stale.hasErrors() || formProblems.stream().anyMatch(Problem::isError);
        if (!errors && rendering.isPresent()) {
            Site previous = site;
            PageRenderer renderer = builder.renderer(linked, rendering.get().templates(), forms, this::share);
            Map<String, PageRenderer.Job> next = new LinkedHashMap<>();
            renderer.jobs().forEach(job -> next.put(job.path(), job));
            List<PageRenderer.Job> affected = affected(previous, linked, next, full);
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
            pruneShareLinks();
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
            Optional<Campaign> now = sources.get(entry.getKey()).lastGood();
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
        before.keySet().forEach(key -> sources.get(key).lastGood().ifPresent(recheck::add));
        Optional<Site> patched = SiteLinker.replace(site, replacements, recheck,
                path -> Optional.ofNullable(sources.get(path)).flatMap(SourceState::lastGood));
        if (patched.isEmpty()) {
            return Optional.empty();
        }
        Site linked = patched.get();
        Problems stale = new Problems();
        builder.staleProblems(linked, stale);
        if (stale.hasErrors()) {
            return Optional.empty();
        }
        FormPlan forms = replanForms(linked, replacements.values());
        if (formProblems.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        staleProblems = stale.sorted();
        PageRenderer renderer = builder.renderer(linked, rendering.get().templates(), forms, this::share);
        Map<String, PageRenderer.Job> affected = new LinkedHashMap<>();
        Set<String> gone = new TreeSet<>();
        java.util.function.Consumer<List<PageRenderer.Job>> add = list -> list.forEach(j -> affected.put(j.path(), j));
        for (Map.Entry<Campaign, Campaign> change : replacements.entrySet()) {
            Campaign now = change.getValue();
            linked.translationsOf(now).forEach(version -> add.accept(renderer.ownJobs(version)));
            // A list page shows what its templates read of a campaign, in the order of the list.
            if (!SiteLinker.sameListPlace(change.getKey(), now)
                    || CampaignReads.differ(listReads, change.getKey(), now)) {
                linked.languages().forEach(lang -> add.accept(renderer.listJobs(lang, now)));
            }
            Campaign old = change.getKey();
            if (!old.tags().equals(now.tags()) || !old.categories().equals(now.categories())) {
                // Terms it joined or left, and their counts in the indexes; a term left empty goes.
                linked.language(now.language()).ifPresent(lang -> add.accept(renderer.termJobs(lang, old, now)));
                termPaths(site, now.language()).stream().filter(p -> !termPaths(linked, now.language()).contains(p))
                        .forEach(gone::add);
            }
        }
        // A translation's notice shows whether, and of what version of its source, it is stale.
        Map<String, Campaign> staleBefore = staleSources(site);
        Map<String, Campaign> staleNow = staleSources(linked);
        Set<String> staleChanged = new HashSet<>(staleBefore.keySet());
        staleChanged.addAll(staleNow.keySet());
        staleChanged.removeIf(path -> staleBefore.get(path) == staleNow.get(path));
        staleChanged.forEach(path -> linked.translations().published(path)
                .ifPresent(page -> add.accept(renderer.ownJobs(page))));
        List<Page> changedPages = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        render(renderer, List.copyOf(affected.values()), rendered, changedPages);
        shareLinks.keySet().removeAll(replacements.keySet());
        site = linked;
        Map<String, Path> copies = new TreeMap<>();
        Set<String> removed = new TreeSet<>(gone);
        boolean pathsChanged = !gone.isEmpty() || affected.keySet().stream().anyMatch(p -> !jobs.containsKey(p));
        gone.forEach(path -> {
            jobs.remove(path);
            pages.remove(path);
        });
        jobs.putAll(affected);
        if (filesChanged || pathsChanged) {
            syncFiles(copies, removed); // a static file or an asset changed, or a page now covers one
        }
        return Optional.of(done(shown, false, start, rendered, changedPages, removed, copies));
    }

    /** The output files of the tag and category pages of {@code language}. */
    private static Set<String> termPaths(Site site, String language) {
        Set<String> out = new HashSet<>();
        site.language(language).ifPresent(lang -> java.util.stream.Stream.concat(lang.tags().stream(),
                lang.categories().stream()).forEach(t -> out.add(t.path().substring(1) + "index.html")));
        return out;
    }

    /** Stale translations by content path, with the version of the source they are stale against. */
    private static Map<String, Campaign> staleSources(Site site) {
        Map<String, Campaign> out = new HashMap<>();
        site.translations().stale().forEach(s -> out.put(s.translation().contentPath(), s.source()));
        return out;
    }

    /** Every page's last good version. */
    private List<Campaign> parsedPages() {
        List<Campaign> campaigns = new ArrayList<>();
        sources.values().forEach(s -> s.lastGood().ifPresent(campaigns::add));
        return campaigns;
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
            byte[] old = pages.put(page.path(), page.bytes());
            if (old == null || !Arrays.equals(old, page.bytes())) {
                changedPages.add(page);
            }
        }
        affected.stream().map(PageRenderer.Job::path).filter(p -> !succeeded.contains(p)).forEach(failed::add);
        renderProblems = renderingNow.sorted();
    }

    private Update done(List<String> shown, boolean full, long start, List<String> rendered, List<Page> changedPages,
            Set<String> removed, Map<String, Path> copies) {
        List<Problem> before = snapshot == null ? List.of() : snapshot.problems();
        List<Problem> now = problems();
        long generation = snapshot == null ? 1 : snapshot.generation() + 1;
        snapshot = new Snapshot(site, now, generation);
        changedPages.sort(java.util.Comparator.comparing(Page::path));
        return new Update(shown, full, rendered, changedPages, removed, copies, now, !now.equals(before),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The forms of every campaign of {@code linked}, planned again only for campaigns that changed
     * since they were planned (or all, when the configuration changed); sets {@link #formProblems}.
     */
    private FormPlan planForms(Site linked) {
        if (formsConfig != config) {
            formCache.clear();
            formsConfig = config;
        }
        Map<String, List<ActionForm>> formsByPath = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Campaign campaign : linked.allPages()) {
            if (!campaign.isCampaign() || campaign.actions().isEmpty()) {
                continue;
            }
            PlannedForms planned = formCache.get(campaign.file());
            if (planned == null || planned.campaign() != campaign) {
                planned = plan(linked, campaign);
            }
            seen.add(campaign.file());
            formsByPath.put(campaign.path(), planned.forms());
        }
        formCache.keySet().retainAll(seen);
        formProblems = formProblems();
        forms = FormPlan.of(formsByPath);
        return forms;
    }

    /**
     * {@link #planForms} after only {@code changed} (pages of {@code linked} that replaced versions
     * which linked alike, so that their paths and whether they have actions stay) changed.
     */
    private FormPlan replanForms(Site linked, Collection<Campaign> changed) {
        boolean problemsChanged = false;
        Map<String, List<ActionForm>> again = new HashMap<>();
        for (Campaign campaign : changed) {
            if (campaign.isCampaign() && !campaign.actions().isEmpty()) {
                PlannedForms old = formCache.get(campaign.file());
                PlannedForms planned = plan(linked, campaign);
                again.put(campaign.path(), planned.forms());
                problemsChanged |= old == null || !old.problems().equals(planned.problems());
            }
        }
        if (problemsChanged) {
            formProblems = formProblems();
        }
        forms = forms.replacing(again);
        return forms;
    }

    private PlannedForms plan(Site linked, Campaign campaign) {
        Problems own = new Problems();
        List<ActionForm> forms = builder.planForms(linked.config(), campaign, own);
        PlannedForms planned = new PlannedForms(campaign, forms, own.sorted());
        formCache.put(campaign.file(), planned);
        return planned;
    }

    private List<Problem> formProblems() {
        Problems all = new Problems();
        builder.formNotes(all);
        formCache.values().stream().filter(p -> !p.problems().isEmpty()).forEach(p -> all.addAll(p.problems()));
        return all.sorted();
    }

    /**
     * A campaign's share links, kept while the campaign (same instance) and the configuration stay:
     * making them (URL encoding) for every page was a fifth of a relink at 10,000 pages, and the
     * same instance makes comparing template variables quick.
     */
    private ShareLinks share(Campaign campaign) {
        if (shareConfig != config) {
            shareLinks.clear();
            shareConfig = config;
        }
        return shareLinks.computeIfAbsent(campaign, c -> ShareLinks.of(c, config));
    }

    /** Forgets the share links of pages the site no longer has. */
    private void pruneShareLinks() {
        Set<Campaign> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(site.allPages());
        shareLinks.keySet().retainAll(current);
    }

    private record PlannedForms(Campaign campaign, List<ActionForm> forms, List<Problem> problems) {
    }

    /**
     * The jobs to render: everything on a full build; otherwise new pages, pages that failed last
     * time, pages whose own template variables changed (the site-wide {@code lang} and
     * {@code languages} left aside), the home and index pages of a language with a changed
     * campaign, and the translations of changed pages.
     */
    private List<PageRenderer.Job> affected(Site previous, Site linked, Map<String, PageRenderer.Job> next,
            boolean full) {
        if (full || previous == null) {
            return List.copyOf(next.values());
        }
        Map<String, Campaign> before = byFile(previous);
        Map<String, Campaign> after = byFile(linked);
        Set<String> languagesWithChangedCampaigns = new HashSet<>();
        Set<String> changedSourcePaths = new HashSet<>();
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String file : all) {
            Campaign old = before.get(file);
            Campaign now = after.get(file);
            if (Objects.equals(old, now)) {
                continue;
            }
            for (Campaign version : Arrays.asList(old, now)) {
                if (version != null) {
                    changedSourcePaths.add(version.sourcePath());
                    if (version.isCampaign()) {
                        languagesWithChangedCampaigns.add(version.language());
                    }
                }
            }
        }
        List<PageRenderer.Job> out = new ArrayList<>();
        for (PageRenderer.Job job : next.values()) {
            PageRenderer.Job old = jobs.get(job.path());
            boolean listOfChangedLanguage = (job.template().equals("home") || job.template().equals("terms"))
                    && languagesWithChangedCampaigns.contains(job.language());
            boolean translation = job.campaign().map(c -> changedSourcePaths.contains(c.sourcePath())).orElse(false);
            if (old == null || failed.contains(job.path()) || !sameOwnContext(old, job)
                    || !old.template().equals(job.template()) || listOfChangedLanguage || translation) {
                out.add(job);
            }
        }
        return out;
    }

    /** Whether two jobs' template variables are equal, the site-wide {@code lang} and {@code languages} left aside. */
    private static boolean sameOwnContext(PageRenderer.Job a, PageRenderer.Job b) {
        Map<String, Object> x = a.context();
        Map<String, Object> y = b.context();
        if (x.size() != y.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : x.entrySet()) {
            String key = entry.getKey();
            if (!key.equals("lang") && !key.equals("languages")
                    && (!y.containsKey(key) || !Objects.equals(entry.getValue(), y.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Campaign> byFile(Site site) {
        Map<String, Campaign> out = new HashMap<>();
        site.allPages().forEach(c -> out.put(c.file(), c));
        return out;
    }

    /** Files copied as they are (theme assets, then content/static/), compared with the last copy. */
    private void syncFiles(Map<String, Path> copies, Set<String> removed) {
        Map<String, FileRef> next = new TreeMap<>();
        Problems own = new Problems();
        rendering.ifPresent(r -> r.theme().assetFoldersParentFirst()
                .forEach(f -> collect(f, Theme.ASSETS + "/", next, own)));
        collect(options.contentDir().resolve(ContentLoader.STATIC_FOLDER), "", next, own);
        rendering.ifPresent(r -> withVariables(r.variables(), next));
        copyProblems = own.sorted();
        next.keySet().removeAll(jobs.keySet());
        next.forEach((path, ref) -> {
            if (!ref.equals(files.get(path))) {
                copies.put(path, ref.file());
            }
        });
        files.keySet().stream().filter(p -> !next.containsKey(p) && !jobs.containsKey(p)).forEach(removed::add);
        files = next;
    }

    /**
     * The theme's style.css with the theme.yml variables appended, as build does, written beside the
     * preview's folder and copied from there.
     */
    private void withVariables(ThemeVariables variables, Map<String, FileRef> next) {
        String name = Theme.ASSETS + "/style.css";
        FileRef style = next.get(name);
        if (style == null || variables.css().isEmpty()) {
            return;
        }
        Path joined = options.outputDir().toAbsolutePath().normalize().resolveSibling(".serve-style.css");
        try {
            byte[] bytes = (new String(options.files().read(style.file()), java.nio.charset.StandardCharsets.UTF_8)
                    + variables.css()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!Files.exists(joined) || !java.util.Arrays.equals(Files.readAllBytes(joined), bytes)) {
                Files.write(joined, bytes);
            }
            FileRef.of(joined).ifPresent(ref -> next.put(name, ref));
        } catch (IOException e) {
            // the preview keeps the stylesheet without the site's colours; build still appends them
        }
    }

    /** The guarded walk of {@code folder}: hidden files left out, links reported to {@code problems}. */
    private void collect(Path folder, String prefix, Map<String, FileRef> into, Problems problems) {
        Path start = folder.toAbsolutePath().normalize();
        for (Path file : options.files().walk(start, problems)) {
            String relative = start.relativize(file).toString().replace('\\', '/');
            FileRef.of(file).ifPresent(ref -> into.put(prefix + relative, ref));
        }
    }

    /** Every problem that stands now: configuration, theme, each file's, linking and rendering. */
    public List<Problem> problems() {
        Problems all = new Problems();
        all.addAll(configProblems);
        all.addAll(renderingProblems);
        all.addAll(languageProblems);
        if (sourceProblems == null) {
            Problems own = new Problems();
            sources.values().stream().filter(s -> !s.problems().isEmpty()).forEach(s -> own.addAll(s.problems()));
            sourceProblems = own.sorted();
        }
        all.addAll(sourceProblems);
        all.addAll(linkProblems);
        all.addAll(staleProblems);
        all.addAll(formProblems);
        all.addAll(renderProblems);
        all.addAll(copyProblems);
        return all.sorted();
    }

    /** {@code es/slug/index.html} as the address a browser shows: {@code /es/slug/}. */
    static String sitePath(String file) {
        String path = "/" + file;
        return path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }

    /** A source file as last seen: changed when its time stamp or size differ. */
    private record FileRef(Path file, FileTime modified, long size) {
        static Optional<FileRef> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new FileRef(file, attributes.lastModifiedTime(), attributes.size()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private record SourceState(FileRef ref, Optional<Campaign> lastGood, List<Problem> problems) {
    }
}
