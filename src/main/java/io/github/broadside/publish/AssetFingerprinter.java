package io.github.broadside.publish;

import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.AssetUrls;
import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes the theme's assets under names that carry a hash of their content
 * ({@code style.css} becomes {@code assets/style.3f2a9c1b.css}), so hosts can let browsers keep them
 * for a year and a changed file is fetched at once under its new name.
 *
 * <p>Every file of every {@code assets/} folder of the theme chain is published this way (a child
 * theme's file replaces its parent's). Stylesheets are rewritten first so that the {@code url()} and
 * {@code @import} references between assets point at the published names, and a stylesheet's hash
 * covers the names of what it refers to. The same input always gives the same names.
 */
public final class AssetFingerprinter {
    /** Hex digits of the SHA-256 kept in a name: 32 bits, plenty to tell versions of one file apart. */
    static final int HASH_LENGTH = 8;
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+?)\\1\\s*\\)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]+)\\1");

    /** What the theme publishes: template lookups, the files, and the theme file each came from. */
    public record Result(AssetUrls urls, List<Page> files, Map<String, String> sources) {
        public Result {
            files = List.copyOf(files);
            sources = Map.copyOf(sources);
        }
    }

    private final Function<Path, String> display;
    private final ProjectFiles files;

    /** @param display how a file is named in problems, e.g. {@code themes/default/assets/style.css} */
    public AssetFingerprinter(Function<Path, String> display) {
        this(null, display);
    }

    /** A fingerprinter reading through the project's guard {@code files} (links refused and reported). */
    public AssetFingerprinter(ProjectFiles files) {
        this(files, files::display);
    }

    private AssetFingerprinter(ProjectFiles files, Function<Path, String> display) {
        this.display = display;
        this.files = files;
    }

    /** Reads and names every asset of {@code folders}, given parent theme first. */
    public Result fingerprint(List<Path> folders, Problems problems) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        ProjectFiles guard = this.files != null ? this.files
                : new ProjectFiles(folders.stream().map(f -> f.toAbsolutePath().normalize().getParent()).toList(),
                        display);
        for (Path folder : folders) {
            Path start = folder.toAbsolutePath().normalize();
            for (Path file : guard.walk(start, problems)) {
                files.put(start.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        Map<String, byte[]> content = new TreeMap<>();
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            content.put(entry.getKey(), guard.read(entry.getValue()));
        }
        Map<String, String> published = new TreeMap<>();
        Map<String, byte[]> output = new TreeMap<>();
        for (String name : content.keySet()) {
            publish(name, content, files, published, output, new HashSet<>(), problems);
        }
        List<Page> pages = new ArrayList<>();
        Map<String, String> sources = new TreeMap<>();
        Map<String, String> sitePaths = new TreeMap<>();
        published.forEach((name, hashed) -> {
            String path = AssetUrls.FOLDER + "/" + hashed;
            pages.add(new Page(path, output.get(name)));
            sources.put(path, display.apply(files.get(name)));
            sitePaths.put(name, "/" + path);
        });
        return new Result(new AssetUrls(sitePaths, true), pages, sources);
    }

    /** Names {@code name}, after the stylesheets it refers to when it is one itself. */
    private void publish(String name, Map<String, byte[]> content, Map<String, Path> files,
            Map<String, String> published, Map<String, byte[]> output, Set<String> visiting, Problems problems) {
        if (published.containsKey(name)) {
            return;
        }
        byte[] bytes = content.get(name);
        if (name.endsWith(".css") && visiting.add(name)) {
            String css = new String(bytes, StandardCharsets.UTF_8);
            String rewritten = rewrite(name, css, reference -> {
                String target = resolve(name, reference);
                if (!content.containsKey(target)) {
                    problems.add(Problem.warning(display.apply(files.get(name)), lineOf(css, reference), 0,
                            "the stylesheet refers to '" + reference + "', which is not in the theme's assets",
                            "add the file to the theme's assets folder or fix the address"));
                    return reference;
                }
                if (!visiting.contains(target)) {
                    publish(target, content, files, published, output, visiting, problems);
                }
                return published.containsKey(target) ? relative(name, published.get(target)) : reference;
            });
            bytes = rewritten.getBytes(StandardCharsets.UTF_8);
        }
        published.put(name, hashedName(name, bytes));
        output.put(name, bytes);
    }

    /** Replaces each local reference in {@code css}; external, root-less data and fragment URLs stay. */
    static String rewrite(String cssName, String css, Function<String, String> local) {
        Function<java.util.regex.MatchResult, String> replace = m -> {
            String url = m.group(2).strip();
            if (!isLocal(url)) {
                return Matcher.quoteReplacement(m.group());
            }
            int cut = firstOf(url, '?', '#');
            String suffix = url.substring(cut);
            String mapped = local.apply(url.substring(0, cut)) + suffix;
            return Matcher.quoteReplacement(m.group().replace(m.group(2), mapped));
        };
        return CSS_IMPORT.matcher(CSS_URL.matcher(css).replaceAll(replace)).replaceAll(replace);
    }

    private static boolean isLocal(String url) {
        return !(url.isEmpty() || url.startsWith("#") || url.startsWith("//") || url.contains(":"));
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j < 0 ? text.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /** The asset name a reference from stylesheet {@code from} means ({@code /assets/x} or relative). */
    static String resolve(String from, String reference) {
        String prefix = "/" + AssetUrls.FOLDER + "/";
        if (reference.startsWith(prefix)) {
            return normalize(reference.substring(prefix.length()));
        }
        int slash = from.lastIndexOf('/');
        String folder = slash < 0 ? "" : from.substring(0, slash + 1);
        return normalize(folder + reference);
    }

    /** The path with {@code .} and {@code ..} resolved, as links are (an asset reference names a file). */
    private static String normalize(String path) {
        return LinkResolver.normalize(path);
    }

    /** {@code target} as seen from the folder of {@code from}, both published names inside assets/. */
    static String relative(String from, String target) {
        String[] fromParts = from.split("/");
        String[] targetParts = target.split("/");
        int common = 0;
        while (common < fromParts.length - 1 && common < targetParts.length - 1
                && fromParts[common].equals(targetParts[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < fromParts.length - 1; i++) {
            out.append("../");
        }
        for (int i = common; i < targetParts.length; i++) {
            out.append(targetParts[i]);
            if (i < targetParts.length - 1) {
                out.append('/');
            }
        }
        return out.toString();
    }

    /** {@code fonts/x.woff2} with content hash h becomes {@code fonts/x.h.woff2}. */
    static String hashedName(String name, byte[] bytes) {
        String hash = hash(bytes).substring(0, HASH_LENGTH);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "." + hash;
        }
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
