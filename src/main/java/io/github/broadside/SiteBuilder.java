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
        String contentDisplay = options.display(options.contentDir());
        SiteConfig config = SiteConfigLoader.load(options.contentDir().resolve("site.yml"),
                contentDisplay + "/site.yml", problems);
        config = applyOverrides(config, problems);
        ContentLoader loader = new ContentLoader(options.contentDir(), contentDisplay,
                new CampaignParser(config.defaultLanguage()));
        List<String> languages = loader.languages(problems);
        if (!languages.isEmpty() && !languages.contains(config.defaultLanguage())) {
            problems.add(Problem.error(contentDisplay + "/site.yml", 0, 0,
                    "the default language '" + config.defaultLanguage() + "' has no folder " + contentDisplay + "/"
                            + config.defaultLanguage() + "/",
                    "create that folder, or set 'defaultLanguage:' to one of: " + String.join(", ", languages)));
        }
        List<Campaign> campaigns = loader.load(languages, options.threads(), problems);
        return SiteLinker.link(config, languages, campaigns, problems);
    }

    /** Builds the site into the output folder, replacing it only if the whole build succeeded. */
    public BuildResult build() throws BuildFailedException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Site site = load(problems);
        checkOutputFolder(problems);
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
        TemplateEngine templates = new TemplateEngine(theme.get(), themeDisplay, site.config(),
                new MarkdownRenderer(site.config()::relativeUrl), messages);
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
            }
        }
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
