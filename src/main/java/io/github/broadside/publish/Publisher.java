package io.github.broadside.publish;

import com.ibm.icu.util.ULocale;
import io.github.broadside.config.BrowserEditor;
import io.github.broadside.editor.DecapAdminPage;
import io.github.broadside.editor.DecapConfig;
import io.github.broadside.config.Origin;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.Status;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.render.ShareImage;
import io.github.broadside.render.Theme;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.SitePath;
import io.github.broadside.workers.Workers;
import java.awt.Color;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The publish stage after rendering: turns the rendered pages and fingerprinted assets into the
 * complete site a static host serves. It adds share cards, Atom feeds, the sitemap and
 * {@code robots.txt}, {@code _redirects} and {@code _headers}; writes image sizes; then reads every
 * published page and stylesheet back to derive the Content-Security-Policy from what they really
 * use, to refuse inline code and third-party loads (the privacy check) and to report links that lead
 * nowhere. The policy also goes into each generated page as a {@code <meta>} tag, for hosts that
 * cannot send headers (GitHub Pages, GitLab Pages).
 *
 * <p>Everything is sorted and dated from the content, so the same input gives the same bytes.
 */
public final class Publisher {
    private static final Pattern CHARSET = Pattern.compile("<meta charset=\"?[^\">]*\"?\\s*/?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    /** The largest static XML document (an SVG, say) that is read to check it; larger ones are refused. */
    private static final int MAX_DOCUMENT_BYTES = 16 << 20;
    private static final Map<Status, Color> STATUS_COLOURS = Map.of(Status.ACTIVE, new Color(0x0d6b2f),
            Status.CLOSED, new Color(0x5a5a5a), Status.WON, new Color(0x6b3fa0));

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
    private final SiteConfig config;
    private final LinkResolver resolver;

    public Publisher(Inputs inputs) {
        this.in = Objects.requireNonNull(inputs, "inputs");
        this.config = inputs.site().config();
        this.resolver = new LinkResolver(config);
    }

    /**
     * Completes the site from the rendered pages and assets; problems go to {@code problems}. The
     * pages are moved out of {@code rendered}, which is left empty: a large site's pages are then
     * held once, not twice, while the site is completed.
     */
    public Result publish(List<Page> rendered, AssetFingerprinter.Result assets, Problems problems)
            throws IOException {
        return publish(rendered, assets, List.of(), problems);
    }

    /** The same, with the resized copies of the campaigns' pictures the pages ask for. */
    public Result publish(List<Page> rendered, AssetFingerprinter.Result assets,
            List<io.github.broadside.render.Pictures.Made> pictures, Problems problems) throws IOException {
        Site site = in.site();
        Map<String, Path> statics = staticFiles(problems);
        // The site's own _headers and _redirects are merged with the generated ones, never published instead.
        Optional<Path> ownHeaders = Optional.ofNullable(statics.remove(HeadersFile.PATH));
        Optional<Path> ownRedirects = Optional.ofNullable(statics.remove(Redirects.PATH));
        Set<String> renderedPaths = new TreeSet<>();
        rendered.forEach(p -> renderedPaths.add(p.path()));

        Map<String, Page> files = new TreeMap<>();
        Map<String, Dimension> knownSizes = new ConcurrentHashMap<>();
        for (Page asset : assets.files()) {
            files.put(asset.path(), asset);
        }
        Map<String, Path> cached = new TreeMap<>();
        for (Card card : cards(site, problems)) {
            card.cached().ifPresentOrElse(file -> cached.put(card.path(), file),
                    () -> files.put(card.path(), new Page(card.path(), card.drawn())));
            knownSizes.put(card.path(), new Dimension(SocialCard.WIDTH, SocialCard.HEIGHT));
        }
        for (io.github.broadside.render.Pictures.Made picture : pictures) {
            String path = picture.path().substring(1);
            picture.cached().ifPresentOrElse(file -> cached.put(path, file),
                    () -> files.put(path, new Page(path, picture.bytes())));
        }
        AtomFeed feeds = new AtomFeed(config, in.markdown(), in.messages());
        SitemapWriter sitemap = new SitemapWriter(config);
        List<Page> extras = new ArrayList<>();
        site.languages().forEach(lang -> extras.add(feeds.write(lang)));
        List<SitemapWriter.Entry> entries = SitemapWriter.entries(site).stream()
                .filter(e -> renderedPaths.contains(SitePath.file(e.sitePath()))).toList();
        extras.addAll(sitemap.write(entries));
        extras.add(sitemap.robots());
        Redirects.write(site).ifPresent(extras::add);
        extras.forEach(p -> files.put(p.path(), p));

        // A file in content/static/ replaces a generated file of the same name, except pages made from content.
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

        // From here on each page is held once, in files: the caller's list lets go of them.
        Set<String> sizeable = new java.util.HashSet<>();
        Set<String> seen = new java.util.HashSet<>();
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
        Map<String, Integer> metaAt = new java.util.HashMap<>();
        Set<String> generated = new java.util.HashSet<>(files.keySet());
        generated.addAll(cached.keySet());
        List<PageScan> scans = check(files, generated, statics, sizeable, knownSizes, metaAt, problems);
        metaAt.keySet().retainAll(renderedPaths);

        Map<String, Path> ownSources = new TreeMap<>();
        assets.sources().forEach((path, display) -> ownSources.put(path, in.projectDir().resolve(display)));
        ownSources.putAll(statics);
        Sources sources = new Sources(site, SitePath::file, ownSources, in.theme().templateFolders(),
                in.siteYml(), in.projectDir(), in.display(), in.outputDisplay());

        List<Use> uses = scans.stream().flatMap(s -> s.uses().stream()).sorted().toList();
        Map<List<String>, List<String>> inline = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (PageScan scan : scans) {
            for (String code : new TreeSet<>(scan.inlineCode())) {
                String at = statics.containsKey(scan.file()) ? in.display().apply(statics.get(scan.file())) + "\u0000"
                        + Sources.lineOf(text(statics.get(scan.file())), needle(code))
                        : sources.inTemplates(needle(code)).map(l -> l.file() + "\u0000" + l.line())
                                .orElse(in.outputDisplay() + "/" + scan.file());
                inline.computeIfAbsent(List.of(at, code), k -> new ArrayList<>()).add(scan.file());
            }
        }
        inline.forEach((key, pages) -> {
            String[] at = key.get(0).split("\u0000");
            String who = pages.size() == 1 ? "the published file " + pages.get(0)
                    : pages.size() + " published files (" + pages.get(0) + ", ...)";
            problems.add(Problem.error(at[0], at.length > 1 ? Integer.parseInt(at[1]) : 0, 0, who + " ha"
                            + (pages.size() == 1 ? "s " : "ve ") + key.get(1)
                            + ", which the site's Content-Security-Policy refuses (no inline script or style)",
                    "move scripts to a .js file and styles to a .css file in the theme's assets/ folder, "
                            + "and use classes instead of style=\"\""));
        });
        PrivacyCheck.check(uses, resolver, config.allowedOrigins(), sources).forEach(problems::add);
        // A page's picture that has no file is reported at its image: line (the rule serve uses too);
        // the scan of the pages then leaves those addresses alone.
        problems.addAll(io.github.broadside.content.ImagePaths.missing(site.allPages(),
                p -> exists(p, generated, statics.keySet()), in.display().apply(in.staticDir()), config::relativeUrl));
        Set<String> reported = new java.util.HashSet<>();
        site.allPages().forEach(c -> c.image().filter(i -> i.src().startsWith("/"))
                .ifPresent(i -> reported.add(io.github.broadside.content.ImagePaths.staticFile(i.src()))));
        reported.removeIf(p -> exists(p, generated, statics.keySet()));
        List<BrokenLink> broken = brokenLinks(uses, generated, statics.keySet(), reported, sources);
        broken.forEach(link -> problems.add(link.problem()));

        // Static files never widen the policy silently: only what the generated site or site.yml allows.
        ContentSecurityPolicy generatedPolicy = ContentSecurityPolicy.derive(
                uses.stream().filter(u -> !statics.containsKey(u.file())).toList(), resolver.siteOrigin(),
                in.extraOrigins());
        StaticPolicyCheck staticPolicy = new StaticPolicyCheck(generatedPolicy, config.allowedOrigins(),
                resolver.siteOrigin());
        staticPolicy.check(uses.stream().filter(u -> statics.containsKey(u.file())).toList(), sources)
                .forEach(problems::add);
        ContentSecurityPolicy policy = ContentSecurityPolicy.derive(
                uses.stream().filter(u -> !statics.containsKey(u.file()) || staticPolicy.keeps(u)).toList(),
                resolver.siteOrigin(), in.extraOrigins());
        ContentSecurityPolicy headerPolicy = policy;
        if (config.browserEditor().isPresent()) {
            headerPolicy = policy.admitting(DecapAdminPage.directives(config.browserEditor().get()));
            browserEditor(config.browserEditor().get(), files, statics, problems);
        }
        byte[] headers = HeadersFile.write(headerPolicy, config.basePath());
        if (ownHeaders.isPresent()) {
            headers = HeadersFile.merge(headers, text(ownHeaders.get()), in.display().apply(ownHeaders.get()),
                    problems);
        }
        files.put(HeadersFile.PATH, new Page(HeadersFile.PATH, headers));
        byte[] meta = ("\n<meta http-equiv=\"Content-Security-Policy\" content=\""
                + XmlWriter.escape(policy.meta(), true) + "\">").getBytes(StandardCharsets.UTF_8);
        // Page by page, so that the old bytes can go as soon as the new ones exist.
        metaAt.forEach((path, at) -> files.put(path, new Page(path, splice(files.get(path).bytes(), at, meta))));

        if (in.compress()) {
            List<Page> copies = new ArrayList<>();
            for (Page page : files.values()) {
                Precompressor.gzip(page).filter(c -> !statics.containsKey(c.path())).ifPresent(copies::add);
            }
            for (Map.Entry<String, Path> file : statics.entrySet()) {
                String gz = file.getKey() + ".gz";
                if (Precompressor.compressible(file.getKey()) && !statics.containsKey(gz) && !files.containsKey(gz)) {
                    Precompressor.gzip(new Page(file.getKey(), in.files().read(file.getValue())))
                            .ifPresent(copies::add);
                }
            }
            copies.forEach(p -> files.put(p.path(), p));
        }
        return new Result(new ArrayList<>(files.values()), statics, policy, cached, broken);
    }

    /**
     * Adds the browser editor's page and configuration at {@code admin/}. They are added after the
     * privacy check and the policy derivation on purpose: the page loads Decap CMS from its pinned
     * third-party address, which no campaign page may do, and its wider policy is its own. Nothing
     * else may be published at those addresses.
     */
    private void browserEditor(BrowserEditor editor, Map<String, Page> files, Map<String, Path> statics,
            Problems problems) {
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

    /** The text a template would contain to produce the inline code described by {@code code}. */
    private static String needle(String code) {
        if (code.contains("style=\"\" attribute")) {
            return "style=\"";
        }
        if (code.contains("<style>")) {
            return "<style";
        }
        if (code.contains("<script>")) {
            return "<script>";
        }
        if (code.contains("javascript:")) {
            return "javascript:";
        }
        if (code.contains("srcdoc=")) {
            return "srcdoc=";
        }
        Matcher handler = Pattern.compile("handler (on[a-z]+)=").matcher(code);
        return handler.find() ? handler.group(1) + "=" : code;
    }

    /** A static file's text (the host reads _headers and _redirects as UTF-8). */
    private String text(Path file) throws IOException {
        return new String(in.files().read(file), StandardCharsets.UTF_8);
    }

    /** A drawn share card: a file in the build cache, or its bytes when there is no cache. */
    private record Card(String path, Optional<Path> cached, byte[] drawn) {
    }

    /** The generated share cards: each language's home card, and one per campaign without an image. */
    private List<Card> cards(Site site, Problems problems) throws IOException {
        List<java.awt.Font> fonts = SocialCard.loadFonts(in.theme().folders(), in.files(), problems);
        if (fonts.isEmpty()) {
            problems.add(Problem.warning(in.display().apply(in.theme().folders().get(0).resolve(SocialCard.FONTS)), 0,
                    0, "the theme has no fonts for share cards; they are drawn with the system's sans-serif font",
                    "add .ttf fonts to the theme's fonts/ folder (the default theme ships Noto Sans)"));
        }
        SocialCard drawer = new SocialCard(fonts);
        CardCache cache = in.cardCache().isPresent()
                ? CardCache.in(in.cardCache().get(), SocialCard.fontFiles(in.theme().folders(), in.files(), new Problems()))
                : CardCache.none();
        String organization = config.organization();
        List<Callable<Card>> jobs = new ArrayList<>();
        for (LanguageSite lang : site.languages()) {
            boolean rtl = ULocale.forLanguageTag(lang.language()).isRightToLeft();
            String title = config.localized(lang.language(), path -> path).title();
            SocialCard.Card home = new SocialCard.Card(title, "", Color.BLACK,
                    organization.isEmpty() ? config.baseUrl().getHost() : organization, rtl);
            jobs.add(() -> card(ShareImage.homeCard(lang).substring(1), home, drawer, cache));
            for (Campaign campaign : lang.campaigns()) {
                if (!ShareImage.generated(campaign)) {
                    continue;
                }
                String by = !campaign.organization().isEmpty() ? campaign.organization()
                        : organization.isEmpty() ? title : organization;
                SocialCard.Card card = new SocialCard.Card(campaign.title(),
                        in.messages().format(lang.language(), "status." + campaign.status().key(), Map.of()),
                        STATUS_COLOURS.get(campaign.status()), by, rtl);
                jobs.add(() -> card(ShareImage.sitePath(campaign, lang).substring(1), card, drawer, cache));
            }
        }
        List<Card> cards = parallel(jobs);
        cache.prune();
        return cards;
    }

    private static Card card(String path, SocialCard.Card card, SocialCard drawer, CardCache cache) {
        Optional<Path> file = cache.file(card, drawer::png);
        return new Card(path, file, file.isPresent() ? new byte[0] : drawer.png(card));
    }

    /**
     * One published file after the checks' pass: its final bytes (with image sizes), its scan (only
     * the uses that matter) and, for an HTML page, the byte offset where the policy tag goes.
     */
    private record Checked(Page page, Optional<PageScan> scan, int metaAt, List<Problem> problems) {
    }

    /**
     * The checks' pass over every file, on the workers: image sizes written into the rendered pages
     * in {@code sizeable} (replaced in {@code files}), then the scan of what each file finally holds,
     * keeping only the uses the checks and the policy need (third-party, data: and broken
     * addresses). Records in {@code metaAt} where each HTML page's policy tag goes.
     */
    private List<PageScan> check(Map<String, Page> files, Set<String> generated, Map<String, Path> statics,
            Set<String> sizeable, Map<String, Dimension> knownSizes, Map<String, Integer> metaAt, Problems problems)
            throws IOException {
        Function<String, Optional<Dimension>> sizeOf = sizes(files, statics, knownSizes);
        Predicate<Use> matters = use -> matters(use, generated, statics.keySet());
        List<Callable<Checked>> checks = new ArrayList<>();
        for (Page page : files.values()) {
            boolean completeSizes = sizeable.contains(page.path());
            checks.add(() -> check(page, completeSizes, sizeOf, matters));
        }
        for (Map.Entry<String, Path> file : statics.entrySet()) {
            Optional<XmlDocumentScan.Kind> document = documentKind(file.getKey());
            if (document.isPresent()) {
                Path source = file.getValue();
                checks.add(() -> document(file.getKey(), source, document.get(), matters));
            } else if (scanned(file.getKey())) {
                Page page = new Page(file.getKey(), in.files().read(file.getValue()));
                checks.add(() -> new Checked(page, scan(page).map(s -> s.only(matters)), -1, List.of()));
            }
        }
        List<PageScan> scans = new ArrayList<>();
        for (Checked c : parallel(checks)) {
            c.problems().forEach(problems::add);
            if (files.containsKey(c.page().path())) {
                files.put(c.page().path(), c.page());
            }
            c.scan().ifPresent(scans::add);
            if (c.metaAt() >= 0) {
                metaAt.put(c.page().path(), c.metaAt());
            }
        }
        return scans;
    }

    private Checked check(Page page, boolean completeSizes, Function<String, Optional<Dimension>> sizeOf,
            Predicate<Use> matters) {
        if (!page.path().endsWith(".html")) {
            return new Checked(page, scan(page).map(s -> s.only(matters)), -1, List.of());
        }
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        Page out = page;
        if (completeSizes) {
            String completed = ImageSizes.complete(html, src -> {
                LinkResolver.Target target = resolver.resolve(page.path(), src);
                return target instanceof LinkResolver.Local local ? sizeOf.apply(local.path()) : Optional.empty();
            });
            if (!completed.equals(html)) {
                html = completed;
                out = new Page(page.path(), completed.getBytes(StandardCharsets.UTF_8));
            }
        }
        int at = metaOffset(html);
        int bytesAt = at < 0 ? -1 : html.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        return new Checked(out, Optional.of(PageScan.html(page.path(), html).only(matters)), bytesAt, List.of());
    }

    /**
     * A static file that browsers open as an XML document (SVG, XHTML, feeds...): read with an XML
     * parser; whatever in it would run on the site's origin is an error at its line, since hosts
     * without a policy header run it as it is.
     */
    private Checked document(String path, Path source, XmlDocumentScan.Kind kind, Predicate<Use> matters)
            throws IOException {
        String file = in.display().apply(source);
        if (Files.size(source) > MAX_DOCUMENT_BYTES) {
            return new Checked(new Page(path, new byte[0]), Optional.empty(), -1, List.of(Problem.error(file, 0, 0,
                    "the static file " + path + " is larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB, too large "
                            + "for Broadside to check what a browser would run in it",
                    "make it smaller (an SVG export without embedded pictures), or remove it")));
        }
        byte[] bytes = in.files().read(source);
        if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".svgz")) {
            bytes = gunzipped(bytes);
        }
        XmlDocumentScan.Result result = XmlDocumentScan.scan(path, bytes, kind);
        String hint = kind == XmlDocumentScan.Kind.XHTML
                ? "move scripts to a .js file and styles to a .css file (linked with src=\"\" and href=\"\"), "
                        + "remove on...=\"\" handlers and javascript: addresses"
                : "publish " + (kind == XmlDocumentScan.Kind.SVG ? "pictures" : "XML files")
                        + " without script: remove <script>, on...=\"\" handlers, javascript: addresses and "
                        + "XSLT (an editor's \"plain\" or \"optimized\" SVG export has none), or remove the file";
        List<Problem> found = new ArrayList<>();
        for (XmlDocumentScan.Active active : new java.util.LinkedHashSet<>(result.active())) {
            found.add(Problem.error(file, active.line(), 0, "the static file " + path + " has " + active.what()
                    + ", which would run on the site's origin when the file is opened (hosts without a "
                    + "Content-Security-Policy header, such as GitHub Pages, do not stop it)", hint));
        }
        return new Checked(new Page(path, new byte[0]), Optional.of(result.scan().only(matters)), -1, found);
    }

    /** A gzip-compressed SVG as browsers read it; the bytes as they are when they are not gzip. */
    private static byte[] gunzipped(byte[] bytes) throws IOException {
        try (InputStream gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] out = gz.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (out.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("the SVG in this file is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return out;
        } catch (java.util.zip.ZipException e) {
            return bytes;
        }
    }

    /**
     * How a static file is read when browsers open it as an XML document, by the name hosts give
     * its type from (image/svg+xml, application/xhtml+xml, and the XML types browsers render, where
     * XHTML and SVG elements run too). There is no small library for the extension table hosts use.
     */
    static Optional<XmlDocumentScan.Kind> documentKind(String path) {
        String name = path.toLowerCase(java.util.Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (name.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        return switch (extension) {
            case "svg", "svgz" -> Optional.of(XmlDocumentScan.Kind.SVG);
            case "xhtml", "xht" -> Optional.of(XmlDocumentScan.Kind.XHTML);
            case "xml", "xsl", "xslt", "rss", "atom", "rdf", "mml", "mathml", "xsd", "smil", "smi", "kml", "gpx",
                    "xlf", "xliff", "xul", "xbl", "wsdl", "opf", "ncx", "xspf", "dae", "glade", "plist" ->
                    Optional.of(XmlDocumentScan.Kind.XML);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the checks or the policy need {@code use}: an address on another origin or a
     * {@code data:} one (policy, privacy), or one of the site's that leads nowhere (links). Most
     * addresses are the site's own and fine; dropping them on the workers keeps the rest small.
     */
    private boolean matters(Use use, Set<String> generated, Set<String> statics) {
        LinkResolver.Target target = resolver.resolve(use.file(), use.url());
        if (target instanceof LinkResolver.Local local) {
            return !exists(local.path(), generated, statics);
        }
        if (target instanceof LinkResolver.OutsideBase) {
            return true;
        }
        return resolver.isThirdParty(use.url()) || use.url().strip().regionMatches(true, 0, "data:", 0, 5);
    }

    private static boolean scanned(String path) {
        String name = path.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml") || name.endsWith(".css");
    }

    private static Optional<PageScan> scan(Page page) {
        if (!scanned(page.path())) {
            return Optional.empty();
        }
        String text = new String(page.bytes(), StandardCharsets.UTF_8);
        return Optional.of(page.path().toLowerCase(java.util.Locale.ROOT).endsWith(".css")
                ? PageScan.css(page.path(), text) : PageScan.html(page.path(), text));
    }

    /** The site's own addresses that lead to no file, or outside a sub-path site, each where it was written. */
    private List<BrokenLink> brokenLinks(List<Use> uses, Set<String> generated, Set<String> statics,
            Set<String> reported, Sources sources) {
        record Key(Sources.Location at, String url, LinkResolver.Target target) {
        }
        Map<Key, List<String>> found = new java.util.LinkedHashMap<>();
        for (Use use : uses) {
            if (use.directive() == Directive.FORM || use.directive() == Directive.CONNECT
                    || use.directive() == Directive.PRECONNECT) {
                continue;
            }
            LinkResolver.Target target = resolver.resolve(use.file(), use.url());
            boolean broken = target instanceof LinkResolver.OutsideBase
                    || (target instanceof LinkResolver.Local local && !exists(local.path(), generated, statics)
                            && !reported.contains(local.path()));
            if (broken) {
                List<String> pages = found.computeIfAbsent(new Key(sources.locate(use.file(), use.url()), use.url(),
                        target), k -> new ArrayList<>());
                if (!pages.contains(use.file())) {
                    pages.add(use.file());
                }
            }
        }
        List<BrokenLink> out = new ArrayList<>();
        found.forEach((key, pages) -> out.add(new BrokenLink(key.at().file(), key.at().line(), key.url(),
                key.target() instanceof LinkResolver.Local local ? Optional.of(local.path()) : Optional.empty(),
                pages, config.basePath())));
        return out;
    }

    private static boolean exists(String path, Set<String> generated, Set<String> statics) {
        if (generated.contains(path) || statics.contains(path)) {
            return true;
        }
        // Hosts answer /privacy with /privacy/ when that folder has an index page.
        String folder = path + "/index.html";
        return !path.endsWith(".html") && (generated.contains(folder) || statics.contains(folder));
    }

    private Function<String, Optional<Dimension>> sizes(Map<String, Page> files, Map<String, Path> statics,
            Map<String, Dimension> known) {
        return path -> {
            String name = path.toLowerCase(java.util.Locale.ROOT);
            if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif")
                    || name.endsWith(".bmp"))) {
                return Optional.empty();
            }
            Dimension cached = known.get(path);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<Dimension> size = Optional.empty();
            if (files.containsKey(path)) {
                size = ImageSizes.read(files.get(path).bytes());
            } else if (statics.containsKey(path)) {
                try (InputStream stream = in.files().open(statics.get(path))) {
                    size = ImageSizes.read(stream);
                } catch (IOException e) {
                    size = Optional.empty();
                }
            }
            size.ifPresent(d -> known.put(path, d));
            return size;
        };
    }

    /**
     * Where the policy tag goes: right after the charset declaration (or the {@code <head>} tag),
     * before anything the policy governs; -1 when the page has neither.
     */
    static int metaOffset(String html) {
        Matcher m = CHARSET.matcher(html);
        if (!m.find()) {
            m = HEAD.matcher(html);
            if (!m.find()) {
                return -1;
            }
        }
        return m.end();
    }

    /** {@code bytes} with {@code insert} at byte offset {@code at}. */
    static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
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

    /** Runs {@code jobs} on the build's workers, keeping their order. */
    private <T> List<T> parallel(List<Callable<T>> jobs) throws IOException {
        return Workers.call(jobs, in.threads());
    }

    /** The site's own origin, from its base URL. */
    Origin siteOrigin() {
        return resolver.siteOrigin();
    }
}
