package io.github.broadside;

import io.github.broadside.config.LanguageSettings;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.forms.FormEndpoints;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.i18n.MessageLoader;
import io.github.broadside.i18n.Messages;
import io.github.broadside.i18n.TranslationRecorder;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.publish.AssetFingerprinter;
import io.github.broadside.publish.Publisher;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.render.Page;
import io.github.broadside.render.PageRenderer;
import io.github.broadside.render.Pictures;
import io.github.broadside.render.TemplateEngine;
import io.github.broadside.render.Theme;
import io.github.broadside.render.ThemeVariables;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.SiteLinker;
import io.github.broadside.site.StaleTranslation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's front door: runs load → parse → link → render → publish for one
 * {@link BuildOptions}. Knows nothing of Maven; the goals and the tests call it the same way.
 *
 * <p>Any error in the user's input stops the build before the output folder is touched and is
 * reported, together with every other problem found, as a {@link BuildFailedException}.
 */
public final class SiteBuilder {
    private final BuildOptions options;
    private final FormEndpoints endpoints;
    private final io.github.broadside.files.ProjectFiles files;
    private final FormPlan.Purpose purpose;

    /** A builder using the form providers on this class's classpath (built-in ones and plugin dependencies). */
    public SiteBuilder(BuildOptions options) {
        this(options, FormEndpoints.load(SiteBuilder.class.getClassLoader()));
    }

    /** A builder using exactly {@code endpoints} as form providers. */
    public SiteBuilder(BuildOptions options, FormEndpoints endpoints) {
        this(options, endpoints, FormPlan.Purpose.PUBLISH);
    }

    private SiteBuilder(BuildOptions options, FormEndpoints endpoints, FormPlan.Purpose purpose) {
        this.options = options;
        this.endpoints = endpoints;
        this.files = options.files();
        this.purpose = purpose;
    }

    /**
     * This builder for serve's preview: every form posts to serve's local sink, whatever provider
     * site.yml names, so authors can sign before going live.
     */
    public SiteBuilder forPreview() {
        return new SiteBuilder(options, endpoints, FormPlan.Purpose.PREVIEW);
    }

    /** The forms stage: every action's provider chosen, its options checked, its form described. */
    public FormPlan planForms(Site site, Problems problems) {
        return FormPlan.of(site, endpoints, options.display(options.contentDir()) + "/site.yml", purpose, problems);
    }

    /** The forms of one campaign's actions, planned as {@link #planForms(Site, Problems)} plans them. */
    public List<io.github.broadside.forms.ActionForm> planForms(SiteConfig config, Campaign campaign,
            Problems problems) {
        return FormPlan.plan(config, campaign, endpoints, options.display(options.contentDir()) + "/site.yml",
                purpose, problems);
    }

    /** Warnings about the form providers themselves, which {@link #planForms(Site, Problems)} also reports. */
    public void formNotes(Problems problems) {
        FormPlan.notes(endpoints, options.display(options.contentDir()) + "/site.yml", problems);
    }

    /** Loads, validates and links the site without rendering or writing anything. */
    public Site load(Problems problems) {
        SiteConfig config = loadConfig(problems);
        ContentLoader loader = contentLoader(config);
        List<String> languages = loader.languages(problems);
        List<Campaign> campaigns = loader.load(languages, options.threads(), problems);
        return link(config, languages, campaigns, problems);
    }

    /** The load stage for {@code site.yml}, with this run's overrides (base URL, drafts) applied. */
    public SiteConfig loadConfig(Problems problems) {
        String contentDisplay = options.display(options.contentDir());
        SiteConfig config = SiteConfigLoader.load(options.contentDir().resolve("site.yml"),
                contentDisplay + "/site.yml", files, problems);
        return applyOverrides(config, problems);
    }

    /** The loader of the content folder's pages for {@code config}'s default language and layout. */
    public ContentLoader contentLoader(SiteConfig config) {
        return new ContentLoader(options.contentDir(), options.display(options.contentDir()),
                new CampaignParser(config.defaultLanguage(), config.localization().defaultLanguageInSubfolder()), files);
    }

    /**
     * The link stage over parsed pages. Serve calls it again after re-parsing only the files that
     * changed, so everything the whole-site model needs beyond parsing belongs here.
     */
    public Site link(SiteConfig config, List<String> languages, List<Campaign> campaigns, Problems problems) {
        Site site = linkOnly(config, languages, campaigns, problems);
        staleProblems(site, problems);
        return site;
    }

    /** {@link #link} without the stale-translation problems, which serve finds again after each edit. */
    Site linkOnly(SiteConfig config, List<String> languages, List<Campaign> campaigns, Problems problems) {
        String contentDisplay = options.display(options.contentDir());
        if (!languages.isEmpty() && !languages.contains(config.defaultLanguage())) {
            problems.add(Problem.error(contentDisplay + "/site.yml", 0, 0,
                    "the default language '" + config.defaultLanguage() + "' has no folder " + contentDisplay + "/"
                            + config.defaultLanguage() + "/",
                    "create that folder, or set 'defaultLanguage:' to one of: " + String.join(", ", languages)));
        }
        for (LanguageSettings settings : config.localization().languages()) {
            if (!languages.isEmpty() && !languages.contains(settings.tag())) {
                problems.add(Problem.warning(contentDisplay + "/site.yml", settings.line(), 0,
                        "'languages:' lists '" + settings.tag() + "' but there is no folder " + contentDisplay + "/"
                                + settings.tag() + "/, so nothing is published in it",
                        "create the folder with the translated pages, or remove '" + settings.tag()
                                + "' from 'languages:'"));
            }
        }
        return SiteLinker.link(config, languages, campaigns, problems);
    }

    /** The problems of the site's stale translations (warnings, or errors with {@code failOnStale}). */
    void staleProblems(Site site, Problems problems) {
        for (StaleTranslation stale : site.translations().stale()) {
            problems.add(stale.problem(options.failOnStale()));
        }
    }

    /**
     * Records in translation {@code file} ({@code es/x.md}) that it is up to date with the current
     * version of its source (the {@code translated} goal). Nothing else is read or written.
     */
    public TranslationRecorder.Recorded recordTranslation(String file) throws BuildFailedException, IOException {
        Problems problems = new Problems();
        String contentDisplay = options.display(options.contentDir());
        SiteConfig config = SiteConfigLoader.load(options.contentDir().resolve("site.yml"),
                contentDisplay + "/site.yml", files, problems);
        TranslationRecorder recorder = new TranslationRecorder(options.projectDir(), options.contentDir(),
                contentDisplay, new CampaignParser(config.defaultLanguage(),
                        config.localization().defaultLanguageInSubfolder()));
        Optional<TranslationRecorder.Recorded> recorded = recorder.record(file, problems);
        if (recorded.isEmpty() || problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        return recorded.get();
    }

    /**
     * The render stage for a linked site as serve runs it, page by page. It must set pages up as
     * {@link #build()} does (when a stage before rendering is added there, add it here too), so
     * that the preview shows what will be published.
     */
    public PageRenderer renderer(Site site, TemplateEngine templates, Problems problems) {
        return new PageRenderer(site, templates, planForms(site, problems));
    }

    /**
     * {@link #renderer(Site, TemplateEngine, Problems)} with forms planned already and share links
     * from {@code share} (serve plans per campaign and keeps share links between rebuilds).
     */
    public PageRenderer renderer(Site site, TemplateEngine templates, FormPlan forms,
            java.util.function.Function<Campaign, io.github.broadside.forms.ShareLinks> share) {
        return new PageRenderer(site, templates, forms, share);
    }

    /**
     * The theme, the template engine set up for it and the theme.yml variables appended to its
     * style.css; what the render stage needs besides the site.
     */
    public record Rendering(Theme theme, TemplateEngine templates, ThemeVariables variables) {
    }

    /**
     * The render set-up serve uses between rebuilds: opens the theme, loads the UI strings (theme,
     * then the site's overrides) and sets up the template engine, with assets under their own names
     * (a preview is never cached). Empty when the theme or the strings have errors (they are in
     * {@code problems}).
     */
    public Optional<Rendering> rendering(SiteConfig config, Problems problems) {
        String themeDisplay = options.display(options.themeDir());
        Optional<Theme> theme = Theme.open(options.themeDir(), themeDisplay, files, problems);
        if (theme.isEmpty()) {
            return Optional.empty();
        }
        List<Path> messageFolders = new ArrayList<>(theme.get().foldersParentFirst());
        messageFolders.add(options.contentDir());
        Problems own = new Problems();
        Messages messages = MessageLoader.load(messageFolders, files, config.defaultLanguage(), own);
        ThemeVariables variables = ThemeVariables.read(theme.get(), own);
        problems.addAll(own.sorted());
        if (own.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Rendering(theme.get(),
                new TemplateEngine(theme.get(), themeDisplay, config, new MarkdownRenderer(), messages), variables));
    }

    /** Builds the site into the output folder, replacing it only if the whole build succeeded. */
    public BuildResult build() throws BuildFailedException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        // A build stopped between the swap's two renames left the old site aside: put it back first.
        new SiteWriter(options.outputDir()).recover();
        Site site = load(problems);
        checkOutputFolder(problems);
        FormPlan forms = planForms(site, problems);
        String themeDisplay = options.display(options.themeDir());
        Optional<Theme> theme = Theme.open(options.themeDir(), themeDisplay, files, problems);
        if (problems.hasErrors() || theme.isEmpty()) {
            throw new BuildFailedException(problems.sorted());
        }
        List<Path> messageFolders = new ArrayList<>(theme.get().foldersParentFirst());
        messageFolders.add(options.contentDir());
        Messages messages = MessageLoader.load(messageFolders, files, site.config().defaultLanguage(),
                problems);
        // The theme's bundles alone (their problems are already reported above), to tell the site's own keys apart.
        Messages themeMessages = MessageLoader.load(theme.get().foldersParentFirst(), files,
                site.config().defaultLanguage(), new Problems());
        problems.addAll(MessageLoader.coverage(messages, themeMessages,
                site.languages().stream().map(LanguageSite::language).toList(),
                themeDisplay + "/" + MessageLoader.FOLDER, contentDisplayOf(options) + "/" + MessageLoader.FOLDER));
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        MarkdownRenderer markdown = new MarkdownRenderer(site.config()::relativeUrl);
        ThemeVariables variables = ThemeVariables.read(theme.get(), problems);
        AssetFingerprinter.Result assets = new AssetFingerprinter(files)
                .fingerprint(theme.get().assetFoldersParentFirst(), Map.of("style.css", variables.css()), problems);
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        Pictures pictures = Pictures.in(options.contentDir().resolve(ContentLoader.STATIC_FOLDER), files,
                options.cacheDir().map(dir -> dir.resolve(Pictures.FOLDER)));
        TemplateEngine templates = new TemplateEngine(theme.get(), themeDisplay, site.config(), markdown,
                messages, assets.urls(), pictures);
        List<Page> pages = new PageRenderer(site, templates, forms).renderAll(options.threads(), problems);
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (Page page : pages) {
            perLanguage.merge(languageOf(site, page), 1, Integer::sum);
        }
        int pageCount = pages.size();
        // The publisher takes the pages out of the list: each is held once from here on.
        Publisher.Result published = publish(site, theme.get(), messages, markdown, pages, assets,
                pictures.copies(problems), forms, problems);
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        SiteWriter writer = new SiteWriter(options.outputDir());
        try (SiteWriter.Staging staging = writer.begin()) {
            for (Map.Entry<String, Path> file : published.staticFiles().entrySet()) {
                staging.copy(file.getValue(), file.getKey());
            }
            for (Map.Entry<String, Path> file : published.cached().entrySet()) {
                staging.link(file.getValue(), file.getKey());
            }
            for (Page page : published.files()) {
                staging.write(page);
            }
            staging.commit();
        }
        List<LanguageSummary> summary = BuildSummary.of(site, published);
        long bytes = summary.stream().mapToLong(LanguageSummary::bytes).sum();
        return new BuildResult(problems.sorted(), perLanguage, pageCount, (System.nanoTime() - start) / 1_000_000,
                summary, bytes);
    }

    // ---- Publish stage: everything after rendering that makes site/ complete for a static host ----

    /**
     * Share cards, feeds, sitemap, robots.txt, _redirects, _headers with the CSP derived from the
     * pages, the privacy and link checks, and gzip copies when asked for.
     */
    private Publisher.Result publish(Site site, Theme theme, Messages messages, MarkdownRenderer markdown,
            List<Page> pages, AssetFingerprinter.Result assets, List<Pictures.Made> pictures, FormPlan forms,
            Problems problems) throws IOException {
        // The providers' origins are allowed even where no page names them (a script-only endpoint, a count URL).
        Set<String> formOrigins = new java.util.TreeSet<>(forms.formActionOrigins());
        formOrigins.addAll(forms.connectOrigins());
        Publisher.Inputs inputs = new Publisher.Inputs(site, theme, messages, markdown,
                options.contentDir().resolve(ContentLoader.STATIC_FOLDER), options.contentDir().resolve("site.yml"),
                options.projectDir(), options::display, options.display(options.outputDir()), options.compress(),
                formOrigins, options.threads(), options.cacheDir().map(dir -> dir.resolve("cards")), files);
        return new Publisher(inputs).publish(pages, assets, pictures, problems);
    }

    /**
     * The output folder is replaced as a whole, so it must not be, hold or sit inside the project's
     * own sources: {@code -Dbroadside.output=.} or {@code =content} would otherwise delete them.
     */
    private void checkOutputFolder(Problems problems) {
        Path output = options.outputDir();
        String hint = "write the site to a folder of its own, e.g. -Dbroadside.output=site";
        if (options.projectDir().startsWith(output)) {
            problems.add(Problem.error("-Dbroadside.output", 0, 0, "the output folder '" + options.display(output)
                    + "' holds the project itself, and the build replaces the whole output folder", hint));
            return;
        }
        for (Path source : List.of(options.contentDir(), options.themeDir())) {
            if (source.startsWith(output) || output.startsWith(source)) {
                problems.add(Problem.error("-Dbroadside.output", 0, 0, "the output folder '" + options.display(output)
                        + "' overlaps " + options.display(source) + ", which the build would overwrite", hint));
                return;
            }
        }
        Optional<String> refused = new SiteWriter(output).refusal();
        if (refused.isPresent() && !options.force()) {
            problems.add(Problem.error("-Dbroadside.output", 0, 0, "the output folder '" + options.display(output)
                    + "' " + refused.get() + ", and the build replaces the whole folder",
                    "write the site to a new or empty folder, e.g. -Dbroadside.output=site; if this folder may "
                            + "really be deleted, pass -Dbroadside.force=true"));
        }
    }

    private static String contentDisplayOf(BuildOptions options) {
        return options.display(options.contentDir());
    }

    /** A page belongs to the language whose folder it sits in; pages at the root to the default language. */
    private static String languageOf(Site site, Page page) {
        int slash = page.path().indexOf('/');
        String first = slash < 0 ? "" : page.path().substring(0, slash);
        return site.language(first).filter(l -> !l.homePath().equals("/"))
                .map(LanguageSite::language).orElse(site.config().defaultLanguage());
    }

    private SiteConfig applyOverrides(SiteConfig config, Problems problems) {
        SiteConfig result = config;
        if (options.baseUrl().isPresent()) {
            Optional<URI> uri = SiteConfigLoader.parseBaseUrl(options.baseUrl().get());
            if (uri.isPresent()) {
                result = result.withBaseUrl(uri.get());
            } else {
                problems.add(Problem.error("-Dbroadside.baseUrl", 0, 0,
                        "'" + options.baseUrl().get() + "' is not an absolute http(s) URL",
                        "pass the address the site is published at, e.g. -Dbroadside.baseUrl=https://preview.example.org/"));
            }
        }
        if (options.drafts().isPresent()) {
            result = result.withDrafts(options.drafts().get());
        }
        return result;
    }
}
