package io.github.broadside.publish;

import io.github.broadside.config.BrowserEditor;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.editor.DecapAdminPage;
import io.github.broadside.editor.DecapConfig;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.render.Pictures;
import io.github.broadside.site.Site;
import io.github.broadside.site.SitePath;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The first part of the publish stage: gathers every file of the site before it is checked. The
 * rendered pages, the fingerprinted assets, share cards, picture copies, feeds, the sitemap,
 * {@code robots.txt} and {@code _redirects} (merged with the site's own), and the files of
 * {@code content/static/}; decides which wins where two would be written at one path.
 */
final class SiteAssembly {
    /**
     * The site as gathered. The maps are the run's own and are completed by the later parts
     * (image sizes, the policy file and tag, gzip copies).
     *
     * @param files      generated files held in memory, by their path in the site, sorted
     * @param cached     generated files copied from the build cache (share cards, pictures)
     * @param statics    files of {@code content/static/} copied as they are
     * @param rendered   the paths of the rendered pages (not assets or other generated files)
     * @param sizeable   rendered HTML pages whose images get their width and height written in
     * @param knownSizes picture sizes known without reading the picture (share cards)
     * @param ownHeaders the site's own {@code static/_headers}, merged with the generated one
     */
    record Assembled(Map<String, Page> files, Map<String, Path> cached, Map<String, Path> statics,
            Set<String> rendered, Set<String> sizeable, Map<String, Dimension> knownSizes, Optional<Path> ownHeaders) {

        /** Every file the build generates (in memory or cached), as the checks see them. */
        Set<String> generated() {
            Set<String> out = new HashSet<>(files.keySet());
            out.addAll(cached.keySet());
            return out;
        }
    }

    private final Publisher.Inputs in;

    SiteAssembly(Publisher.Inputs in) {
        this.in = in;
    }

    /**
     * Gathers the site's files. The pages of {@code rendered} move into the assembly and the list is
     * emptied: a page later replaced by its published form (the policy spliced in) is then held once,
     * not twice (at 10,000 campaigns that is half a gigabyte).
     */
    Assembled assemble(List<Page> rendered, AssetFingerprinter.Result assets, List<Pictures.Made> pictures,
            Problems problems) throws IOException {
        Site site = in.site();
        Map<String, Path> statics = staticFiles(problems);
        // The site's own _headers and _redirects are merged with the generated ones, never published instead.
        Optional<Path> ownHeaders = Optional.ofNullable(statics.remove(HeadersFile.PATH));
        Optional<Path> ownRedirects = Optional.ofNullable(statics.remove(Redirects.PATH));
        Set<String> renderedPaths = new TreeSet<>();
        rendered.forEach(p -> renderedPaths.add(p.path()));

        Map<String, Page> files = new TreeMap<>();
        Map<String, Dimension> knownSizes = new java.util.concurrent.ConcurrentHashMap<>();
        for (Page asset : assets.files()) {
            files.put(asset.path(), asset);
        }
        Map<String, Path> cached = new TreeMap<>();
        for (ShareCards.Card card : new ShareCards(in).draw(problems)) {
            card.cached().ifPresentOrElse(file -> cached.put(card.path(), file),
                    () -> files.put(card.path(), new Page(card.path(), card.drawn())));
            knownSizes.put(card.path(), new Dimension(SocialCard.WIDTH, SocialCard.HEIGHT));
        }
        for (Pictures.Made picture : pictures) {
            String path = picture.path().substring(1);
            picture.cached().ifPresentOrElse(file -> cached.put(path, file),
                    () -> files.put(path, new Page(path, picture.bytes())));
        }
        listings(site, renderedPaths).forEach(p -> files.put(p.path(), p));
        staticsGive(files, cached, statics, renderedPaths, problems);

        Set<String> sizeable = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Page page : rendered) {
            if (!seen.add(page.path()) || files.containsKey(page.path()) || cached.containsKey(page.path())) {
                // The link stage refuses aliases that take a known address; this catches any it does not know.
                problems.add(takenAddress(site, page.path()));
            }
            files.put(page.path(), page);
            if (page.path().endsWith(".html")) {
                sizeable.add(page.path());
            }
        }
        rendered.clear();
        if (ownRedirects.isPresent()) {
            Set<String> published = new TreeSet<>(files.keySet());
            published.addAll(cached.keySet());
            published.addAll(statics.keySet());
            files.put(Redirects.PATH, Redirects.merge(site, text(ownRedirects.get()),
                    published, in.display().apply(ownRedirects.get()), problems));
        }
        return new Assembled(files, cached, statics, renderedPaths, sizeable, knownSizes, ownHeaders);
    }

    /**
     * Adds the browser editor's page and configuration at {@code admin/}. They are added after the
     * privacy check and the policy derivation on purpose: the page loads Decap CMS from its pinned
     * third-party address, which no campaign page may do, and its wider policy is its own. Nothing
     * else may be published at those addresses.
     */
    void addBrowserEditor(Assembled site, BrowserEditor editor, Problems problems) {
        SiteConfig config = in.site().config();
        Map<String, Page> files = site.files();
        Map<String, Path> statics = site.statics();
        String contentFolder = in.projectDir().toAbsolutePath().normalize()
                .relativize(in.siteYml().toAbsolutePath().normalize().getParent()).toString().replace('\\', '/');
        List<String> languages = in.site().languages().stream().map(l -> l.language()).toList();
        Map<String, String> made = Map.of(
                DecapAdminPage.PAGE, DecapAdminPage.html(editor, config.title()),
                DecapAdminPage.CONFIG, DecapConfig.yaml(editor, config, languages, contentFolder));
        for (Map.Entry<String, String> file : new TreeMap<>(made).entrySet()) {
            String path = file.getKey();
            if (statics.containsKey(path)) {
                problems.add(Problem.error(in.display().apply(statics.get(path)), 0, 0, "this file would take "
                                + config.basePath() + path + ", where site.yml's cms: publishes the browser editor",
                        "remove it: the build writes the editor's page and configuration itself"));
                statics.remove(path);
            } else if (files.containsKey(path)) {
                problems.add(takenAddress(in.site(), path));
            }
            files.put(path, new Page(path, file.getValue().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The files that list the site: feeds, the sitemap (of the rendered pages), robots.txt and _redirects. */
    private List<Page> listings(Site site, Set<String> renderedPaths) {
        AtomFeed feeds = new AtomFeed(site.config(), in.markdown(), in.messages());
        SitemapWriter sitemap = new SitemapWriter(site.config());
        List<Page> out = new ArrayList<>();
        site.languages().forEach(lang -> out.add(feeds.write(lang)));
        List<SitemapWriter.Entry> entries = SitemapWriter.entries(site).stream()
                .filter(e -> renderedPaths.contains(SitePath.file(e.sitePath()))).toList();
        out.addAll(sitemap.write(entries));
        out.add(sitemap.robots());
        Redirects.write(site).ifPresent(out::add);
        return out;
    }

    /**
     * A file in content/static/ replaces a generated file of the same name, except pages made from
     * content, which replace it; each is a warning at the static file.
     */
    private void staticsGive(Map<String, Page> files, Map<String, Path> cached, Map<String, Path> statics,
            Set<String> renderedPaths, Problems problems) {
        for (String path : Stream.concat(files.keySet().stream(), cached.keySet().stream()).toList()) {
            if (statics.containsKey(path)) {
                problems.add(Problem.warning(in.display().apply(statics.get(path)), 0, 0,
                        "this file replaces the " + path + " the build would write",
                        "remove it from " + in.display().apply(in.staticDir()) + "/ to publish the generated one"));
                files.remove(path);
                cached.remove(path);
            }
        }
        for (String path : renderedPaths) {
            if (statics.containsKey(path)) {
                problems.add(Problem.warning(in.display().apply(statics.get(path)), 0, 0,
                        "this file is replaced by the page the build writes at " + path,
                        "remove it, or give the page another slug"));
                statics.remove(path);
            }
        }
    }

    /**
     * The files of content/static/ by their path in the site, as SiteWriter copies them: the
     * guarded walk, so hidden files ({@code img/.DS_Store}) stay out and links are refused.
     */
    private Map<String, Path> staticFiles(Problems problems) {
        Map<String, Path> out = new TreeMap<>();
        Path root = in.staticDir();
        for (Path p : in.files().walk(root, problems)) {
            out.put(root.relativize(p).toString().replace('\\', '/'), p);
        }
        return out;
    }

    /** The problem of two files written at {@code path}: at the alias that asks for it when there is one. */
    private Problem takenAddress(Site site, String path) {
        for (Campaign campaign : site.allPages()) {
            for (String alias : campaign.aliases()) {
                if (SitePath.file(alias).equals(path) || alias.substring(1).equals(path)) {
                    return Problem.error(campaign.file(), campaign.aliasLine(alias), 0,
                            "the alias '" + alias + "' is the address of a file the build writes (" + path + ")",
                            "remove it from 'aliases:'; a redirect cannot replace a published file");
                }
            }
        }
        return Problem.error(in.outputDisplay() + "/" + path, 0, 0,
                "two files would be written at " + path + "; one would silently replace the other",
                "give one of the pages another address");
    }

    /** A static file's text (the host reads _headers and _redirects as UTF-8). */
    private String text(Path file) throws IOException {
        return new String(in.files().read(file), StandardCharsets.UTF_8);
    }
}
