package io.github.broadside.i18n;

import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Properties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads message bundles ({@code i18n/<lang>.yml}: flat {@code key: ICU pattern} lines, or
 * {@code i18n/<lang>.properties}: {@code key = ICU pattern}, UTF-8) from theme folders, parent first,
 * so a child theme or a site overrides single keys and inherits the rest. In one folder a
 * {@code .yml} bundle overrides a {@code .properties} one of the same language. Invalid patterns are
 * reported as problems at their line.
 */
public final class MessageLoader {
    public static final String FOLDER = "i18n";
    static final String YML = ".yml";
    static final String PROPERTIES = ".properties";
    /**
     * The bundle key that lists the keys whose text is rightly the same as in the default language
     * (a brand name, "OK"), so the build does not report them as untranslated.
     */
    public static final String SAME = "_sameAsDefault";

    private MessageLoader() {
    }

    /**
     * @param folders  folders that may hold an {@code i18n/} folder, most general first
     * @param display  how to name a folder in problems
     */
    public static Messages load(List<Path> folders, java.util.function.Function<Path, String> display,
            String defaultLanguage, Problems problems) {
        return load(folders, new ProjectFiles(folders.stream().map(f -> f.toAbsolutePath().normalize().getParent())
                .toList(), display), defaultLanguage, problems);
    }

    /** {@link #load(List, java.util.function.Function, String, Problems)} through the project's guard. */
    public static Messages load(List<Path> folders, ProjectFiles guard, String defaultLanguage, Problems problems) {
        Map<String, Map<String, String>> all = new HashMap<>();
        Map<String, java.util.Set<String>> same = new HashMap<>();
        for (Path folder : folders) {
            List<Path> files = guard.list(folder.resolve(FOLDER), problems).stream()
                    .filter(p -> p.getFileName().toString().endsWith(YML)
                            || p.getFileName().toString().endsWith(PROPERTIES)).toList();
            for (Path file : files) {
                String name = file.getFileName().toString();
                String language = name.substring(0, name.lastIndexOf('.'));
                read(file, guard.display(file), guard, problems).ifPresent(map -> {
                    String listed = map.remove(SAME);
                    if (listed != null) {
                        same.computeIfAbsent(language, k -> new java.util.TreeSet<>())
                                .addAll(List.of(listed.split(",")));
                    }
                    all.computeIfAbsent(language, k -> new LinkedHashMap<>()).putAll(map);
                });
            }
        }
        return new Messages(all, defaultLanguage, same);
    }

    private static Optional<Map<String, String>> read(Path file, String display, ProjectFiles guard,
            Problems problems) {
        Optional<byte[]> bytes = guard.read(file, display, problems);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        SourceText.Result text = SourceText.decode(display, bytes.get());
        if (text instanceof SourceText.Invalid invalid) {
            problems.add(invalid.problem());
            return Optional.empty();
        }
        String decoded = ((SourceText.Text) text).text();
        if (display.endsWith(PROPERTIES)) {
            return Optional.of(properties(decoded, display, problems));
        }
        return YamlSource.parseMapping(display, 1, decoded, problems)
                .map(map -> patterns(map, problems));
    }

    /** A {@code .properties} bundle, read as UTF-8 text (not Latin-1 as {@link Properties#load(java.io.InputStream)} would). */
    private static Map<String, String> properties(String text, String display, Problems problems) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(Problem.error(display, 0, 0, "cannot read the bundle: " + e.getMessage(),
                    "write one 'key = message' per line; escape a literal backslash as \\\\"));
            return Map.of();
        }
        String[] lines = text.split("\n", -1);
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            String pattern = properties.getProperty(key).strip();
            try {
                new com.ibm.icu.text.MessageFormat(pattern);
                out.put(key, pattern);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(display, lineOf(lines, key), 1,
                        "the message '" + key + "' is not a valid ICU pattern: " + e.getMessage(),
                        "check the braces: {name}, {count, plural, one {# person} other {# people}}"));
            }
        }
        return out;
    }

    /** The 1-based line on which {@code key} is defined, or 0 when it cannot be told (escaped keys). */
    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(key) && line.substring(key.length()).matches("\\s*[=:\\s].*")) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * One warning per language of the site whose bundles lack some of the default language's keys
     * (those strings are shown in the default language), listing the keys; and one per language
     * for keys a site's override file ({@code content/i18n/<lang>.yml}) adds that neither the
     * theme nor the default language has (a typo, or a key a theme renamed), since no page uses them.
     * A theme's own bundles may hold keys its default language does not have yet (a theme being
     * updated): those are not reported.
     *
     * @param messages     every bundle: the theme's and the site's overrides
     * @param theme        the theme's bundles alone
     * @param languages    the site's languages
     * @param themeBundles how the theme's i18n folder is named, e.g. {@code themes/default/i18n}
     * @param siteBundles  how the site's override folder is named, e.g. {@code content/i18n}
     */
    public static List<Problem> coverage(Messages messages, Messages theme, List<String> languages,
            String themeBundles, String siteBundles) {
        List<Problem> out = new ArrayList<>();
        String fallback = messages.defaultLanguage();
        java.util.Set<String> wanted = new java.util.TreeSet<>(theme.keys());
        for (String language : languages) {
            java.util.Set<String> own = messages.keys(language);
            if (!language.equals(fallback)) {
                String file = themeBundles + "/" + language + YML;
                List<String> missing = wanted.stream().filter(k -> !own.contains(k)).toList();
                if (own.isEmpty() && !missing.isEmpty()) {
                    out.add(Problem.warning(file, 0, 0, "there are no UI strings in '" + language + "': all "
                                    + missing.size() + " buttons, labels and messages are shown in '" + fallback + "'",
                            "copy " + themeBundles + "/" + fallback + YML + " to " + siteBundles + "/" + language
                                    + YML + " and translate the text after each ':' (see docs/translating.md)"));
                } else if (!missing.isEmpty()) {
                    out.add(Problem.warning(file, 0, 0, missing.size() + " UI string"
                                    + (missing.size() == 1 ? " is" : "s are") + " not translated into '" + language
                                    + "' and shown in '" + fallback + "': " + String.join(", ", missing),
                            "add " + (missing.size() == 1 ? "this key" : "these keys") + " to " + file + " (or to "
                                    + siteBundles + "/" + language + YML + " for this site only)"));
                }
            }
            if (!language.equals(fallback) && !own.isEmpty()) {
                identical(messages, theme, language, wanted, themeBundles, siteBundles).ifPresent(out::add);
            }
            java.util.Set<String> themeOwn = theme.keys(language);
            List<String> unknown = own.stream().filter(k -> !wanted.contains(k) && !themeOwn.contains(k)).sorted()
                    .toList();
            if (!unknown.isEmpty()) {
                out.add(Problem.warning(siteBundles + "/" + language + YML, 0, 0, "UI string"
                                + (unknown.size() == 1 ? "" : "s") + " in '" + language + "' that the theme does not "
                                + "have, so no page uses: " + String.join(", ", unknown),
                        "check the spelling against " + themeBundles + "/" + fallback + YML + ", or remove them"));
            }
        }
        return out;
    }

    /**
     * The strings of {@code language} still word for word the default language's (a copied bundle
     * not yet translated), except those its bundles list under {@value #SAME} and those with no
     * letters outside their {@code {arguments}}. Reported at the site's override file when it is the
     * one that sets them, else at the theme's bundle.
     */
    static Optional<Problem> identical(Messages messages, Messages theme, String language,
            java.util.Set<String> wanted, String themeBundles, String siteBundles) {
        String fallback = messages.defaultLanguage();
        java.util.Set<String> same = messages.sameAsDefault(language);
        List<String> leftovers = wanted.stream()
                .filter(k -> messages.has(language, k) && !same.contains(k))
                .filter(k -> messages.pattern(language, k).equals(messages.pattern(fallback, k)))
                .filter(k -> hasWords(messages.pattern(fallback, k).orElse("")))
                .toList();
        if (leftovers.isEmpty()) {
            return Optional.empty();
        }
        boolean fromSite = leftovers.stream().anyMatch(k -> !theme.pattern(language, k)
                .equals(messages.pattern(language, k)) || !theme.has(language, k));
        String file = (fromSite ? siteBundles : themeBundles) + "/" + language + YML;
        return Optional.of(Problem.warning(file, 0, 0, leftovers.size() + " UI string"
                        + (leftovers.size() == 1 ? " is" : "s are") + " in '" + language + "' word for word the same as in '"
                        + fallback + "', so probably not translated yet: " + String.join(", ", leftovers),
                "translate them in " + file + "; a string that is rightly the same (a brand name) goes in its "
                        + SAME + ": [key, ...] list"));
    }

    /** Whether a pattern has letters outside its {@code {arguments}}: text a translator would translate. */
    static boolean hasWords(String pattern) {
        return pattern.replaceAll("\\{\\s*\\w+\\s*(,\\s*\\w+\\s*)?\\}", "").codePoints()
                .anyMatch(Character::isLetter);
    }

    private static Map<String, String> patterns(YamlMap map, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : map.keys()) {
            if (key.equals(SAME)) {
                out.put(SAME, String.join(",", map.strings(SAME)));
                continue;
            }
            map.string(key).ifPresent(pattern -> {
                try {
                    new com.ibm.icu.text.MessageFormat(pattern);
                    out.put(key, pattern);
                } catch (IllegalArgumentException e) {
                    map.error(key, "the message '" + key + "' is not a valid ICU pattern: " + e.getMessage(),
                            "check the braces: {name}, {count, plural, one {# person} other {# people}}");
                }
            });
        }
        return out;
    }
}
