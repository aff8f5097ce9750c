package io.github.broadside;

import io.github.broadside.config.LanguageSettings;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.forms.ActionForm;
import io.github.broadside.forms.FormEndpoints;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.forms.ShareLinks;
import io.github.broadside.i18n.MessageLoader;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.publish.AssetFingerprinter;
import io.github.broadside.publish.BrokenLink;
import io.github.broadside.publish.Publisher;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.render.AssetUrls;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The stages of a build in their order, and the wiring between them, written once:
 * config → content → link → forms → theme and messages → render → publish → write. {@link #build()}
 * runs them all; serve ({@code incremental.IncrementalBuild}) calls the same stage methods one by
 * one to re-run only what an edit affects, and swaps what follows rendering for its own folder;
 * {@code check} runs {@link #build()} and checks the pages with the model it returns. A new stage
 * is added here, once, and every goal gets it.
 *
 * <p>Each stage adds what it finds to a {@link Problems}; {@link #build()} stops after any stage
 * that found an error, so nothing is rendered from a broken model, published from a broken render
 * or written from a broken publish.
 */
public final class Pipeline {
    private final BuildOptions options;
    private final FormEndpoints endpoints;
    private final ProjectFiles files;
    private final FormPlan.Purpose purpose;

    /** The stages for {@code options}, with the form providers on this class's classpath. */
    public Pipeline(BuildOptions options) {
        this(options, FormEndpoints.load(Pipeline.class.getClassLoader()));
    }

    /** The stages for {@code options}, with exactly {@code endpoints} as form providers. */
    public Pipeline(BuildOptions options, FormEndpoints endpoints) {
        this(options, endpoints, FormPlan.Purpose.PUBLISH);
    }

    private Pipeline(BuildOptions options, FormEndpoints endpoints, FormPlan.Purpose purpose) {
        this.options = Objects.requireNonNull(options, "options");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.files = options.files();
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * These stages for serve's preview: every form posts to serve's local sink, whatever provider
     * site.yml names, so authors can sign before going live.
     */
    public Pipeline forPreview() {
        return new Pipeline(options, endpoints, FormPlan.Purpose.PREVIEW);
    }

    public BuildOptions options() {
        return options;
    }

    // ---- config ----

    /** The config stage: {@code site.yml}, with this run's overrides (base URL, drafts) applied. */
    public SiteConfig config(Problems problems) {
        SiteConfig config = SiteConfigLoader.load(options.contentDir().resolve("site.yml"), siteFile(), files,
                problems);
        return applyOverrides(config, problems);
    }

    // ---- content ----

    /** The content stage: the loader of the content folder's pages for {@code config}'s languages. */
    public ContentLoader content(SiteConfig config) {
        return new ContentLoader(options.contentDir(), options.display(options.contentDir()),
                new CampaignParser(config.defaultLanguage(), config.localization().defaultLanguageInSubfolder()), files);
    }

    // ---- link ----

    /**
     * The link stage over parsed pages, without the stale-translation problems ({@link #stale}),
     * which serve finds again after each edit. Everything the whole-site model needs beyond parsing
     * belongs here.
     */
    public Site link(SiteConfig config, List<String> languages, List<Campaign> campaigns, Problems problems) {
        String contentDisplay = options.display(options.contentDir());
        if (!languages.isEmpty() && !languages.contains(config.defaultLanguage())) {
            problems.add(Problem.error(siteFile(), 0, 0,
                    "the default language '" + config.defaultLanguage() + "' has no folder " + contentDisplay + "/"
                            + config.defaultLanguage() + "/",
                    "create that folder, or set 'defaultLanguage:' to one of: " + String.join(", ", languages)));
        }
        for (LanguageSettings settings : config.localization().languages()) {
            if (!languages.isEmpty() && !languages.contains(settings.tag())) {
                problems.add(Problem.warning(siteFile(), settings.line(), 0,
                        "'languages:' lists '" + settings.tag() + "' but there is no folder " + contentDisplay + "/"
                                + settings.tag() + "/, so nothing is published in it",
                        "create the folder with the translated pages, or remove '" + settings.tag()
                                + "' from 'languages:'"));
            }
        }
        return SiteLinker.link(config, languages, campaigns, problems);
    }

    /** The problems of the site's stale translations (warnings, or errors with {@code failOnStale}). */
    public void stale(Site site, Problems problems) {
        for (StaleTranslation stale : site.translations().stale()) {
            problems.add(stale.problem(options.failOnStale()));
        }
    }

    /** config → content → link: the site loaded, validated and linked, nothing rendered or written. */
    public Site load(Problems problems) {
        SiteConfig config = config(problems);
        ContentLoader loader = content(config);
        List<String> languages = loader.languages(problems);
        List<Campaign> campaigns = loader.load(languages, options.threads(), problems);
        Site site = link(config, languages, campaigns, problems);
        stale(site, problems);
        return site;
    }

    // ---- forms ----

    /** The forms stage: every action's provider chosen, its options checked, its form described. */
    public FormPlan forms(Site site, Problems problems) {
        return FormPlan.of(site, endpoints, siteFile(), purpose, problems);
    }

    /** The forms of one campaign's actions, planned as {@link #forms(Site, Problems)} plans them. */
    public List<ActionForm> forms(SiteConfig config, Campaign campaign, Problems problems) {
        return FormPlan.plan(config, campaign, endpoints, siteFile(), purpose, problems);
    }

    /** Warnings about the form providers themselves, which {@link #forms(Site, Problems)} also reports. */
    public void formNotes(Problems problems) {
        FormPlan.notes(endpoints, siteFile(), problems);
    }

    // ---- theme and messages ----

    /** The theme with its {@code extends} chain; empty when it cannot be opened (the problems say why). */
    public Optional<Theme> theme(Problems problems) {
        return Theme.open(options.themeDir(), themeDisplay(), files, problems);
    }

    /** The UI strings: the theme chain's bundles, then the site's overrides (each later file wins a key). */
    public Messages messages(Theme theme, SiteConfig config, Problems problems) {
        List<Path> folders = new ArrayList<>(theme.foldersParentFirst());
        folders.add(options.contentDir());
        return MessageLoader.load(folders, files, config.defaultLanguage(), problems);
    }

    /** Warnings about UI strings a language of {@code site} lacks, and site overrides nothing uses. */
    public void messageCoverage(Theme theme, Messages messages, Site site, Problems problems) {
        // The theme's bundles alone (their problems are already reported), to tell the site's own keys apart.
        Messages themeMessages = MessageLoader.load(theme.foldersParentFirst(), files,
                site.config().defaultLanguage(), new Problems());
        problems.addAll(MessageLoader.coverage(messages, themeMessages,
                site.languages().stream().map(LanguageSite::language).toList(),
                themeDisplay() + "/" + MessageLoader.FOLDER,
                options.display(options.contentDir()) + "/" + MessageLoader.FOLDER));
    }

    /**
     * What the render stage needs besides the site: the theme, its strings, Markdown, the templates,
     * the theme.yml variables appended to style.css and the campaigns' pictures with their copies.
     */
    public record Rendering(Theme theme, Messages messages, MarkdownRenderer markdown, TemplateEngine templates,
            ThemeVariables variables, Pictures pictures) {
        public Rendering {
            Objects.requireNonNull(variables, "variables");
            Objects.requireNonNull(pictures, "pictures");
            Objects.requireNonNull(theme, "theme");
            Objects.requireNonNull(messages, "messages");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(templates, "templates");
        }
    }

    /** The one place the render set-up is made: Markdown with the base path, and the template engine. */
    public Rendering rendering(Theme theme, Messages messages, SiteConfig config, AssetUrls assets) {
        return rendering(theme, messages, config, assets, ThemeVariables.none(), Pictures.none());
    }

    /** The same with the theme.yml variables and the pictures' copies (build; serve shows pictures as they are). */
    public Rendering rendering(Theme theme, Messages messages, SiteConfig config, AssetUrls assets,
            ThemeVariables variables, Pictures pictures) {
        MarkdownRenderer markdown = new MarkdownRenderer(config::relativeUrl);
        return new Rendering(theme, messages, markdown,
                new TemplateEngine(theme, themeDisplay(), config, markdown, messages, assets, pictures), variables,
                pictures);
    }

    /**
     * theme → messages → render set-up with assets under their own names, as serve previews between
     * rebuilds (a preview is never cached). Empty when the theme or the strings have errors (they
     * are in {@code problems}).
     */
    public Optional<Rendering> rendering(SiteConfig config, Problems problems) {
        Optional<Theme> theme = theme(problems);
        if (theme.isEmpty()) {
            return Optional.empty();
        }
        Problems own = new Problems();
        Messages messages = messages(theme.get(), config, own);
        ThemeVariables variables = ThemeVariables.read(theme.get(), own);
        problems.addAll(own.sorted());
        return own.hasErrors() ? Optional.empty()
                : Optional.of(rendering(theme.get(), messages, config, AssetUrls.unhashed(), variables, Pictures.none()));
    }

    // ---- render ----

    /** The render stage for a linked site, with its planned forms and share links from {@code share}. */
    public PageRenderer renderer(Site site, Rendering rendering, FormPlan forms, Function<Campaign, ShareLinks> share) {
        return new PageRenderer(site, rendering.templates(), forms, share);
    }

    /** {@link #renderer(Site, Rendering, FormPlan, Function)} with share links made from the site's settings. */
    public PageRenderer renderer(Site site, Rendering rendering, FormPlan forms) {
        return new PageRenderer(site, rendering.templates(), forms);
    }

    // ---- publish ----

    /**
     * The publish stage: share cards, feeds, sitemap, robots.txt, _redirects, _headers with the
     * CSP derived from the pages, the privacy and link checks, and gzip copies when asked for.
     * {@code pages} is taken: its pages move into the published site and the list is emptied (so the
     * caller's reference does not keep a second copy of every page alive, see SiteAssembly).
     */
    public Publisher.Result publish(Site site, Rendering rendering, List<Page> pages, AssetFingerprinter.Result assets,
            FormPlan forms, Problems problems) throws IOException {
        // The providers' origins are allowed even where no page names them (a script-only endpoint, a count URL).
        Set<String> formOrigins = new TreeSet<>(forms.formActionOrigins());
        formOrigins.addAll(forms.connectOrigins());
        Publisher.Inputs inputs = new Publisher.Inputs(site, rendering.theme(), rendering.messages(),
                rendering.markdown(), options.contentDir().resolve(ContentLoader.STATIC_FOLDER),
                options.contentDir().resolve("site.yml"), options.projectDir(), options::display,
                options.display(options.outputDir()), options.compress(), formOrigins, options.threads(),
                options.cacheDir().map(dir -> dir.resolve("cards")), files);
        return new Publisher(inputs).publish(pages, assets, rendering.pictures().copies(problems), problems);
    }

    // ---- the whole run ----

    /** What {@link #build()} ended with: a site written, or the problems that stopped it. */
    public sealed interface Outcome permits Built, Failed {
        /** The site as loaded and linked, whichever way the build ended. */
        Site site();
    }

    /**
     * A site written to the output folder.
     *
     * @param brokenLinks the site's own addresses that lead nowhere, each also a warning in {@code result}
     */
    public record Built(Site site, BuildResult result, List<BrokenLink> brokenLinks) implements Outcome {
        public Built {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(result, "result");
            brokenLinks = List.copyOf(brokenLinks);
        }
    }

    /** A build stopped by errors, the output folder untouched; {@code problems} sorted, errors first. */
    public record Failed(Site site, List<Problem> problems) implements Outcome {
        public Failed {
            Objects.requireNonNull(site, "site");
            problems = List.copyOf(problems);
        }
    }

    /** Runs every stage and writes the site, replacing the output folder only if the whole build succeeded. */
    public Outcome build() throws IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        // A build stopped between the swap's two renames left the old site aside: put it back first.
        new SiteWriter(options.outputDir()).recover();
        Site site = load(problems);
        checkOutputFolder(problems);
        FormPlan forms = forms(site, problems);
        Optional<Theme> theme = theme(problems);
        if (problems.hasErrors() || theme.isEmpty()) {
            return new Failed(site, problems.sorted());
        }
        Messages messages = messages(theme.get(), site.config(), problems);
        messageCoverage(theme.get(), messages, site, problems);
        if (problems.hasErrors()) {
            return new Failed(site, problems.sorted());
        }
        ThemeVariables variables = ThemeVariables.read(theme.get(), problems);
        AssetFingerprinter.Result assets = new AssetFingerprinter(files)
                .fingerprint(theme.get().assetFoldersParentFirst(), Map.of("style.css", variables.css()), problems);
        if (problems.hasErrors()) {
            return new Failed(site, problems.sorted());
        }
        Pictures pictures = Pictures.in(options.contentDir().resolve(ContentLoader.STATIC_FOLDER), files,
                options.cacheDir().map(dir -> dir.resolve(Pictures.FOLDER)));
        Rendering rendering = rendering(theme.get(), messages, site.config(), assets.urls(), variables, pictures);
        List<Page> pages = renderer(site, rendering, forms).renderAll(options.threads(), problems);
        if (problems.hasErrors()) {
            return new Failed(site, problems.sorted());
        }
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (Page page : pages) {
            perLanguage.merge(languageOf(site, page), 1, Integer::sum);
        }
        int pageCount = pages.size();
        Publisher.Result published = publish(site, rendering, pages, assets, forms, problems);
        if (problems.hasErrors()) {
            return new Failed(site, problems.sorted());
        }
        write(published);
        List<LanguageSummary> summary = BuildSummary.of(site, published);
        long bytes = summary.stream().mapToLong(LanguageSummary::bytes).sum();
        BuildResult result = new BuildResult(problems.sorted(), perLanguage, pageCount,
                (System.nanoTime() - start) / 1_000_000, summary, bytes,
                io.github.broadside.site.TranslationReport.partial(site));
        return new Built(site, result, published.brokenLinks());
    }

    /** The write stage: the published files staged beside the output folder, then swapped in. */
    private void write(Publisher.Result published) throws IOException {
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

    /** How site.yml is named in problems, e.g. {@code content/site.yml}. */
    private String siteFile() {
        return options.display(options.contentDir()) + "/site.yml";
    }

    private String themeDisplay() {
        return options.display(options.themeDir());
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
