package io.github.broadside;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.i18n.MessageLoader;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.render.Page;
import io.github.broadside.render.PageRenderer;
import io.github.broadside.render.TemplateEngine;
import io.github.broadside.render.Theme;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.SiteLinker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public SiteBuilder(BuildOptions options) {
        this.options = options;
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
                contentDisplay + "/site.yml", problems);
        return applyOverrides(config, problems);
    }

    /** The loader of the content folder's pages for {@code config}'s default language. */
    public ContentLoader contentLoader(SiteConfig config) {
        return new ContentLoader(options.contentDir(), options.display(options.contentDir()),
                new CampaignParser(config.defaultLanguage()));
    }

    /**
     * The link stage over parsed pages. Serve calls it again after re-parsing only the files that
     * changed, so everything the whole-site model needs beyond parsing belongs here.
     */
    public Site link(SiteConfig config, List<String> languages, List<Campaign> campaigns, Problems problems) {
        String contentDisplay = options.display(options.contentDir());
        if (!languages.isEmpty() && !languages.contains(config.defaultLanguage())) {
            problems.add(Problem.error(contentDisplay + "/site.yml", 0, 0,
                    "the default language '" + config.defaultLanguage() + "' has no folder " + contentDisplay + "/"
                            + config.defaultLanguage() + "/",
                    "create that folder, or set 'defaultLanguage:' to one of: " + String.join(", ", languages)));
        }
        return SiteLinker.link(config, languages, campaigns, problems);
    }

    /**
     * The render stage for a linked site as serve runs it, page by page. It must set pages up as
     * {@link #build()} does (when a stage before rendering is added there, add it here too), so
     * that the preview shows what will be published.
     */
    public PageRenderer renderer(Site site, TemplateEngine templates, Problems problems) {
        return new PageRenderer(site, templates);
    }

    /** The theme and the template engine set up for it; what the render stage needs besides the site. */
    public record Rendering(Theme theme, TemplateEngine templates) {
    }

    /**
     * The render set-up serve uses between rebuilds: opens the theme, loads the UI strings (theme,
     * then the site's overrides) and sets up the template engine, with assets under their own names
     * (a preview is never cached). Empty when the theme or the strings have errors (they are in
     * {@code problems}).
     */
    public Optional<Rendering> rendering(SiteConfig config, Problems problems) {
        String themeDisplay = options.display(options.themeDir());
        Optional<Theme> theme = Theme.open(options.themeDir(), themeDisplay, problems);
        if (theme.isEmpty()) {
            return Optional.empty();
        }
        List<Path> messageFolders = new ArrayList<>(theme.get().foldersParentFirst());
        messageFolders.add(options.contentDir());
        Problems own = new Problems();
        Messages messages = MessageLoader.load(messageFolders, options::display, config.defaultLanguage(), own);
        problems.addAll(own.sorted());
        if (own.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Rendering(theme.get(),
                new TemplateEngine(theme.get(), themeDisplay, config, new MarkdownRenderer(), messages)));
    }

    /** Builds the site into the output folder, replacing it only if the whole build succeeded. */
    public BuildResult build() throws BuildFailedException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Site site = load(problems);
        String themeDisplay = options.display(options.themeDir());
        Optional<Theme> theme = Theme.open(options.themeDir(), themeDisplay, problems);
        if (problems.hasErrors() || theme.isEmpty()) {
            throw new BuildFailedException(problems.sorted());
        }
        List<Path> messageFolders = new ArrayList<>(theme.get().foldersParentFirst());
        messageFolders.add(options.contentDir());
        Messages messages = MessageLoader.load(messageFolders, options::display, site.config().defaultLanguage(),
                problems);
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        TemplateEngine templates = new TemplateEngine(theme.get(), themeDisplay, site.config(), new MarkdownRenderer(),
                messages);
        List<Page> pages = new PageRenderer(site, templates).renderAll(options.threads(), problems);
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        SiteWriter writer = new SiteWriter(options.outputDir());
        try (SiteWriter.Staging staging = writer.begin()) {
            for (Path assets : theme.get().assetFoldersParentFirst()) {
                staging.copyTree(assets, Theme.ASSETS);
            }
            staging.copyTree(options.contentDir().resolve(ContentLoader.STATIC_FOLDER), "");
            for (Page page : pages) {
                staging.write(page);
            }
            staging.commit();
        }
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (Page page : pages) {
            perLanguage.merge(languageOf(site, page), 1, Integer::sum);
        }
        return new BuildResult(problems.sorted(), perLanguage, pages.size(), (System.nanoTime() - start) / 1_000_000);
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
