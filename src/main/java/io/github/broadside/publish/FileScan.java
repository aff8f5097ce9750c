package io.github.broadside.publish;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.workers.Workers;
import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The publish stage's one pass over every file, on the workers: image sizes written into the
 * rendered pages, then the scan of what each file finally holds (HTML and CSS by their start tags
 * and rules; static SVG, XHTML and XML documents with an XML parser, where whatever would run on
 * the site's origin is an error), keeping only the uses the checks and the policy need.
 */
final class FileScan {
    /** The largest static XML document (an SVG, say) that is read to check it; larger ones are refused. */
    static final int MAX_DOCUMENT_BYTES = 16 << 20;

    /**
     * What the pass found.
     *
     * @param scans  each scanned file's uses (third-party, data: and broken addresses) and inline code
     * @param metaAt for each rendered HTML page, the byte offset where the policy tag goes
     */
    record Scanned(List<PageScan> scans, Map<String, Integer> metaAt) {
    }

    /**
     * One file after the pass: its final bytes (with image sizes), its scan (only the uses that
     * matter) and, for an HTML page, the byte offset where the policy tag goes (-1 otherwise).
     */
    private record Checked(Page page, Optional<PageScan> scan, int metaAt, List<Problem> problems) {
    }

    private final Publisher.Inputs in;
    private final LinkResolver resolver;

    FileScan(Publisher.Inputs in, LinkResolver resolver) {
        this.in = in;
        this.resolver = resolver;
    }

    /**
     * Runs the pass over {@code site}: the rendered pages with completed image sizes replace theirs
     * in {@link SiteAssembly.Assembled#files()}; problems (static documents that run code) go to
     * {@code problems}.
     */
    Scanned scan(SiteAssembly.Assembled site, PublishedPaths paths, Problems problems) throws IOException {
        Map<String, Page> files = site.files();
        Function<String, Optional<Dimension>> sizeOf = sizes(files, site.statics(), site.knownSizes());
        Predicate<Use> matters = this.matters(paths);
        List<Callable<Checked>> checks = new ArrayList<>();
        for (Page page : files.values()) {
            boolean completeSizes = site.sizeable().contains(page.path());
            checks.add(() -> check(page, completeSizes, sizeOf, matters));
        }
        for (Map.Entry<String, Path> file : site.statics().entrySet()) {
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
        Map<String, Integer> metaAt = new HashMap<>();
        for (Checked c : Workers.call(checks, in.threads())) {
            c.problems().forEach(problems::add);
            if (files.containsKey(c.page().path())) {
                files.put(c.page().path(), c.page());
            }
            c.scan().ifPresent(scans::add);
            if (c.metaAt() >= 0 && site.rendered().contains(c.page().path())) {
                metaAt.put(c.page().path(), c.metaAt());
            }
        }
        return new Scanned(scans, metaAt);
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
                out = Page.compact(page.path(), completed.getBytes(StandardCharsets.UTF_8));
            }
        }
        int at = PolicyWriter.metaOffset(html);
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
        if (path.toLowerCase(Locale.ROOT).endsWith(".svgz")) {
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
        for (XmlDocumentScan.Active active : new LinkedHashSet<>(result.active())) {
            found.add(Problem.error(file, active.line(), 0, "the static file " + path + " has " + active.what()
                    + ", which would run on the site's origin when the file is opened (hosts without a "
                    + "Content-Security-Policy header, such as GitHub Pages, do not stop it)", hint));
        }
        return new Checked(new Page(path, new byte[0]), Optional.of(result.scan().only(matters)), -1, found);
    }

    /** A gzip-compressed SVG as browsers read it; the bytes as they are when they are not gzip. */
    private static byte[] gunzipped(byte[] bytes) throws IOException {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = gz.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (out.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("the SVG in this file is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return out;
        } catch (ZipException e) {
            return bytes;
        }
    }

    /**
     * How a static file is read when browsers open it as an XML document, by the name hosts give
     * its type from (image/svg+xml, application/xhtml+xml, and the XML types browsers render, where
     * XHTML and SVG elements run too). There is no small library for the extension table hosts use.
     */
    static Optional<XmlDocumentScan.Kind> documentKind(String path) {
        String name = path.toLowerCase(Locale.ROOT);
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
     * Whether the checks or the policy need a use: an address on another origin or a {@code data:}
     * one (policy, privacy), or one of the site's that leads nowhere (links). Most addresses are the
     * site's own and fine; dropping them on the workers keeps the rest small.
     */
    private Predicate<Use> matters(PublishedPaths paths) {
        return use -> {
            LinkResolver.Target target = resolver.resolve(use.file(), use.url());
            if (target instanceof LinkResolver.Local local) {
                return !paths.exists(local.path());
            }
            if (target instanceof LinkResolver.OutsideBase) {
                return true;
            }
            return resolver.isThirdParty(use.url()) || use.url().strip().regionMatches(true, 0, "data:", 0, 5);
        };
    }

    private static boolean scanned(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml") || name.endsWith(".css");
    }

    private static Optional<PageScan> scan(Page page) {
        if (!scanned(page.path())) {
            return Optional.empty();
        }
        String text = new String(page.bytes(), StandardCharsets.UTF_8);
        return Optional.of(page.path().toLowerCase(Locale.ROOT).endsWith(".css")
                ? PageScan.css(page.path(), text) : PageScan.html(page.path(), text));
    }

    /** A picture's size by its path in the site: known, from its bytes in memory, or read from the static file. */
    private Function<String, Optional<Dimension>> sizes(Map<String, Page> files, Map<String, Path> statics,
            Map<String, Dimension> known) {
        return path -> {
            String name = path.toLowerCase(Locale.ROOT);
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
}
