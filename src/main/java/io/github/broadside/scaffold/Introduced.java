package io.github.broadside.scaffold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Broadside version's {@code init} first wrote each file of a site ({@code init/introduced.txt}:
 * lines of a version and a path, or a folder ending in {@code /}; the longest match counts), and the
 * order of versions, so that an upgrade adds only what is newer than the site.
 */
final class Introduced {
    private static final Pattern NUMBERS = Pattern.compile("^(\\d+(?:\\.\\d+)*)(.*)$");

    private final Map<String, String> byPath;

    private Introduced(Map<String, String> byPath) {
        this.byPath = byPath;
    }

    static Introduced read(String text) {
        Map<String, String> byPath = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("introduced.txt: expected 'version path', got '" + entry + "'");
            }
            byPath.put(parts[1], parts[0]);
        }
        return new Introduced(byPath);
    }

    /** The version that introduced {@code path}; a file no line covers counts as new in every version. */
    String version(String path) {
        Objects.requireNonNull(path, "path");
        String best = null;
        for (String prefix : byPath.keySet()) {
            boolean matches = prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix);
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? "999999" : byPath.get(best);
    }

    /** True when some line covers {@code path}. */
    boolean covers(String path) {
        return !version(path).equals("999999");
    }

    /**
     * Orders versions as Maven releases them: by their numbers ({@code 0.10.0} after {@code 0.9.1}),
     * and a version with a qualifier ({@code 0.2.0-SNAPSHOT}, {@code 0.2.0-rc1}) before the release.
     */
    static int compare(String a, String b) {
        Matcher left = NUMBERS.matcher(a);
        Matcher right = NUMBERS.matcher(b);
        if (!left.matches() || !right.matches()) {
            return a.compareTo(b);
        }
        List<Long> x = numbers(left.group(1));
        List<Long> y = numbers(right.group(1));
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Long.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        boolean qualifiedLeft = !left.group(2).isEmpty();
        boolean qualifiedRight = !right.group(2).isEmpty();
        if (qualifiedLeft != qualifiedRight) {
            return qualifiedLeft ? -1 : 1;
        }
        return left.group(2).compareTo(right.group(2));
    }

    private static List<Long> numbers(String dotted) {
        List<Long> out = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            out.add(Long.parseLong(part));
        }
        return out;
    }
}
