package io.github.broadside.publish;

import io.github.broadside.config.Origin;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.render.Pictures;
import io.github.broadside.render.Theme;
import io.github.broadside.site.Site;
import io.github.broadside.site.SitePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The publish stage after rendering: turns the rendered pages and fingerprinted assets into the
 * complete site a static host serves. It adds share cards, Atom feeds, the sitemap and
 * {@code robots.txt}, {@code _redirects} and {@code _headers}; writes image sizes; then reads every
 * published page and stylesheet back to derive the Content-Security-Policy from what they really
 * use, to refuse inline code and third-party loads (the privacy check) and to report links that lead
 * nowhere. The policy also goes into each generated page as a {@code <meta>} tag, for hosts that
 * cannot send headers (GitHub Pages, GitLab Pages).
 *
 * <p>Its parts, in order: {@link SiteAssembly} gathers the files (with {@link ShareCards}),
 * {@link FileScan} completes image sizes and scans every file on the workers, {@link PageChecks}
 * reports what the scan found at the source a user edits, {@link PolicyWriter} publishes the policy,
 * and {@link Precompressor} adds gzip copies.
 *
 * <p>Everything is sorted and dated from the content, so the same input gives the same bytes.
 */
public final class Publisher {
    /**
     * What the stage reads besides the pages.
     *
     * @param staticDir     {@code content/static/}, copied to the site root (may not exist)
     * @param siteYml       the site's settings file, where a problem may point
     * @param display       how a file is named in problems
     * @param outputDisplay how the site folder is named in problems, e.g. {@code site}
     * @param compress      also publish gzip copies of text files
     * @param extraOrigins  origins that must receive forms and fetches though no page names them
     *                      (form providers' script endpoints); added to {@code form-action} and
     *                      {@code connect-src}
     * @param threads       workers for cards and page scans
     * @param cardCache     folder where share cards are kept between builds; empty to draw every card
     */
    public record Inputs(Site site, Theme theme, Messages messages, MarkdownRenderer markdown, Path staticDir,
            Path siteYml, Path projectDir, Function<Path, String> display, String outputDisplay, boolean compress,
            Set<String> extraOrigins, int threads, Optional<Path> cardCache, ProjectFiles files) {
        public Inputs {
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(theme, "theme");
            Objects.requireNonNull(messages, "messages");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(staticDir, "staticDir");
            Objects.requireNonNull(siteYml, "siteYml");
            Objects.requireNonNull(projectDir, "projectDir");
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(outputDisplay, "outputDisplay");
            extraOrigins = Set.copyOf(extraOrigins);
            Objects.requireNonNull(cardCache, "cardCache");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        /** A file's text as UTF-8 (as hosts read _headers and _redirects), through the guarded reader. */
        String text(Path file) throws IOException {
            return new String(files.read(file), StandardCharsets.UTF_8);
        }
    }

    /**
     * The site to write.
     *
     * @param files       every generated file held in memory, sorted by path
     * @param staticFiles files of {@code content/static/} to copy, by their path in the site
     * @param policy      the Content-Security-Policy the pages are published with
     * @param cached      generated files to copy from the build cache (share cards), by their path in the site
     * @param brokenLinks the site's own addresses that lead nowhere (each also a warning)
     */
    public record Result(List<Page> files, Map<String, Path> staticFiles, ContentSecurityPolicy policy,
            Map<String, Path> cached, List<BrokenLink> brokenLinks) {
        public Result {
            files = List.copyOf(files);
            brokenLinks = List.copyOf(brokenLinks);
            staticFiles = Collections.unmodifiableMap(new TreeMap<>(staticFiles));
            cached = Collections.unmodifiableMap(new TreeMap<>(cached));
        }
    }

    private final Inputs in;
    private final LinkResolver resolver;

    public Publisher(Inputs inputs) {
        this.in = Objects.requireNonNull(inputs, "inputs");
        this.resolver = new LinkResolver(inputs.site().config());
    }

    /**
     * Completes the site from the rendered pages and assets; problems go to {@code problems}.
     * {@code rendered} is taken, not copied: its pages move into the site and the list is emptied,
     * so each page is held once while the site is assembled and its policy spliced in.
     */
    public Result publish(List<Page> rendered, AssetFingerprinter.Result assets, Problems problems)
            throws IOException {
        return publish(rendered, assets, List.of(), problems);
    }

    /** The same, with the resized copies of the campaigns' pictures the pages ask for. */
    public Result publish(List<Page> rendered, AssetFingerprinter.Result assets, List<Pictures.Made> pictures,
            Problems problems) throws IOException {
        SiteAssembly assembly = new SiteAssembly(in);
        SiteAssembly.Assembled site = assembly.assemble(rendered, assets, pictures, problems);
        PublishedPaths paths = new PublishedPaths(site.generated(), site.statics().keySet());
        FileScan.Scanned scanned = new FileScan(in, resolver).scan(site, paths, problems);
        Sources sources = sources(site, assets);
        List<Use> uses = scanned.scans().stream().flatMap(s -> s.uses().stream()).sorted().toList();
        List<BrokenLink> broken = new PageChecks(in, resolver, sources)
                .check(scanned.scans(), uses, site.statics(), paths, problems);
        PolicyWriter policies = new PolicyWriter(in, resolver);
        ContentSecurityPolicy policy = policies.derive(site, uses, sources, problems);
        // The browser editor comes after the checks and the policy on purpose (see SiteAssembly.addBrowserEditor).
        in.site().config().browserEditor().ifPresent(editor -> assembly.addBrowserEditor(site, editor, problems));
        policies.write(site, policy, scanned.metaAt(), problems);
        if (in.compress()) {
            Precompressor.copies(site.files(), site.statics(), in.files()).forEach(p -> site.files().put(p.path(), p));
        }
        return new Result(new ArrayList<>(site.files().values()), site.statics(), policy, site.cached(), broken);
    }

    /** Where problems about published files point: the campaigns, assets, static files, templates, site.yml. */
    private Sources sources(SiteAssembly.Assembled site, AssetFingerprinter.Result assets) {
        Map<String, Path> ownSources = new TreeMap<>();
        assets.sources().forEach((path, display) -> ownSources.put(path, in.projectDir().resolve(display)));
        ownSources.putAll(site.statics());
        return new Sources(in.site(), SitePath::file, ownSources, in.theme().templateFolders(), in.siteYml(),
                in.projectDir(), in.display(), in.outputDisplay());
    }

    /** The site's own origin, from its base URL. */
    Origin siteOrigin() {
        return resolver.siteOrigin();
    }
}
