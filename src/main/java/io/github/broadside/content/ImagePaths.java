package io.github.broadside.content;

import io.github.broadside.problem.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one rule for the picture a page names in {@code image:}, shared by the parse stage, the
 * build, {@code check} and {@code serve}:
 *
 * <ul>
 *   <li>a path starting with {@code /} is a path on the site: {@code /images/vigil.jpg} is the file
 *       {@code content/static/images/vigil.jpg};</li>
 *   <li>any other path is relative to the address of the page that writes it, as a link in the
 *       page's Markdown is: on {@code /vigil/}, {@code photo.jpg} is {@code /vigil/photo.jpg}, the file
 *       {@code content/static/vigil/photo.jpg}; a translation that inherits the value uses the
 *       source page's address, so every language shows the same picture;</li>
 *   <li>an {@code https://} address is another site's picture (which {@code check} reports, since
 *       loading it tells that site who opened the page).</li>
 * </ul>
 *
 * <p>A site path whose file is missing is a warning at the {@code image:} line, with the file to
 * create and, when the same name exists at the site's root, the spelling that would work.
 */
public final class ImagePaths {
    private ImagePaths() {
    }

    /** The outcome of resolving a written path: the site path, or why it cannot be one. */
    public sealed interface Resolved permits Resolved.SitePath, Resolved.External, Resolved.Invalid {
        /** A path on this site, starting with {@code /}. */
        record SitePath(String path) implements Resolved {
        }

        /** A web address on another site, kept as written. */
        record External(String url) implements Resolved {
        }

        /** A path that leaves the site (more {@code ../} than folders above the page). */
        record Invalid(String message, String hint) implements Resolved {
        }
    }

    /**
     * Resolves {@code written} (already accepted by {@link SafeUrl} for images) against {@code pageAddress}
     * ({@code /vigil/}, the page that writes it).
     */
    public static Resolved resolve(String written, String pageAddress) {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(pageAddress, "pageAddress");
        if (!pageAddress.startsWith("/")) {
            throw new IllegalArgumentException("a page address starts with /: " + pageAddress);
        }
        String lower = written.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new Resolved.External(written);
        }
        if (written.startsWith("/")) {
            return new Resolved.SitePath(written);
        }
        // Resolved segment by segment rather than with java.net.URI, which refuses characters
        // (quotes, brackets) that are harmless once escaped in the page.
        int end = indexOfAny(written, '?', '#');
        String path = end < 0 ? written : written.substring(0, end);
        String rest = end < 0 ? "" : written.substring(end);
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : pageAddress.substring(1, pageAddress.lastIndexOf('/') + 1).split("/")) {
            if (!segment.isEmpty()) {
                segments.addLast(segment);
            }
        }
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String segment = parts[i];
            boolean last = i == parts.length - 1;
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return new Resolved.Invalid("the image '" + written + "' is outside the site (relative to the "
                            + "page " + pageAddress + ", it climbs above the site's root)",
                            "start the path with / for a file in content/static/, e.g. '/images/picture.jpg'");
                }
                segments.removeLast();
            } else if (!segment.equals(".") && !(segment.isEmpty() && !last)) {
                segments.addLast(segment);
            }
        }
        return new Resolved.SitePath("/" + String.join("/", segments) + rest);
    }

    /** The file inside {@code content/static/} that publishes site path {@code sitePath}. */
    public static String staticFile(String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        int end = indexOfAny(path, '?', '#');
        return URLDecoder.decode(end < 0 ? path : path.substring(0, end), StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /**
     * A warning for each page's picture whose file the site does not have, at the {@code image:}
     * line that names it (once per line, however many translations inherit it).
     *
     * @param pages         the pages to look at
     * @param exists        whether the site publishes a file at a path inside the site ({@code images/a.jpg})
     * @param staticDisplay {@code content/static}, as shown to users
     * @param published     the address a site path is published at (a sub-path base URL prefixes it)
     */
    public static List<Problem> missing(Collection<Campaign> pages, Predicate<String> exists, String staticDisplay,
            UnaryOperator<String> published) {
        List<Problem> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Campaign page : pages) {
            Optional<Image> image = page.image();
            if (image.isEmpty() || !image.get().src().startsWith("/")) {
                continue;
            }
            Image img = image.get();
            String file = staticFile(img.src());
            if (exists.test(file) || !seen.add(img.file() + "\n" + img.line() + "\n" + img.src())) {
                continue;
            }
            String name = file.substring(file.lastIndexOf('/') + 1);
            String hint = "put the picture at " + staticDisplay + "/" + file + ", or fix the path";
            if (!img.written().startsWith("/") && exists.test(img.written())) {
                hint = "write '/" + img.written() + "' (with a leading /) for " + staticDisplay + "/" + img.written()
                        + ": a path without / is relative to the page";
            } else if (!file.equals(name) && exists.test(name)) {
                hint = "there is " + staticDisplay + "/" + name + ": write '/" + name + "', or move the picture";
            }
            out.add(Problem.warning(img.file(), img.line(), img.column(), "the image '" + img.written()
                    + "' has no file: " + staticDisplay + "/" + file + " does not exist, so "
                    + published.apply(img.src()) + " would show nothing", hint));
        }
        return out;
    }
}
