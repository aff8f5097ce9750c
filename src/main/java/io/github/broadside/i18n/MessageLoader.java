package io.github.broadside.i18n;

import io.github.broadside.content.SourceText;
import io.github.broadside.content.YamlMap;
import io.github.broadside.content.YamlSource;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads message bundles ({@code i18n/<lang>.yml}: flat {@code key: ICU pattern} lines) from theme
 * folders, parent first, so a child theme or a site overrides single keys and inherits the rest.
 * Invalid patterns are reported as problems at their line.
 */
public final class MessageLoader {
    public static final String FOLDER = "i18n";

    private MessageLoader() {
    }

    /**
     * @param folders  folders that may hold an {@code i18n/} folder, most general first
     * @param display  how to name a folder in problems
     */
    public static Messages load(List<Path> folders, java.util.function.Function<Path, String> display,
            String defaultLanguage, Problems problems) {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (Path folder : folders) {
            Path i18n = folder.resolve(FOLDER);
            if (!Files.isDirectory(i18n)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(i18n)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
            } catch (IOException e) {
                problems.add(Problem.error(display.apply(i18n), 0, 0, "cannot list the folder: " + e.getMessage(), ""));
                continue;
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                String language = name.substring(0, name.length() - ".yml".length());
                read(file, display.apply(file), problems)
                        .ifPresent(map -> all.computeIfAbsent(language, k -> new LinkedHashMap<>()).putAll(map));
            }
        }
        return new Messages(all, defaultLanguage);
    }

    private static Optional<Map<String, String>> read(Path file, String display, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.error(display, 0, 0, "cannot read the file: " + e.getMessage(), ""));
            return Optional.empty();
        }
        SourceText.Result text = SourceText.decode(display, bytes);
        if (text instanceof SourceText.Invalid invalid) {
            problems.add(invalid.problem());
            return Optional.empty();
        }
        return YamlSource.parseMapping(display, 1, ((SourceText.Text) text).text(), problems)
                .map(map -> patterns(map, problems));
    }

    private static Map<String, String> patterns(YamlMap map, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : map.keys()) {
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
