package io.github.broadside.render;

import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The colours and fonts a site sets in {@code theme.yml} ({@code colors:} and {@code fonts:}), as
 * CSS custom properties: a {@code :root} rule the build appends to the theme's {@code style.css},
 * so a site re-themes the default theme without copying its stylesheet or templates. Along an
 * {@code extends} chain the parent's values come first and a child's override them key by key.
 *
 * <p>Values are checked, not copied blindly, since {@code theme.yml} is project input: a colour is a
 * hex colour, an {@code rgb()}/{@code hsl()} call or a colour keyword, and a font list holds only
 * family names, quotes, commas and spaces. Anything else (a {@code ;}, a brace, {@code url(}) could
 * smuggle rules into the stylesheet and is an error at its line; an unknown key is a warning naming
 * the known ones.
 */
public final class ThemeVariables {
    /** The colour names the default stylesheet reads, each as {@code --<name>}. */
    public static final List<String> COLORS = List.of("ink", "muted", "paper", "panel", "line", "accent",
            "accent-ink", "link", "focus", "active", "closed", "won");
    /** The font roles, each as {@code --font-<role>}. */
    public static final List<String> FONTS = List.of("body", "heading", "arabic");

    private static final Pattern COLOR = Pattern.compile(
            "#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
                    + "|(?:rgb|rgba|hsl|hsla|oklch|oklab)\\([0-9.,%/ a-z+-]{1,80}\\)"
                    + "|[a-zA-Z]{3,30}");
    private static final Pattern FONT_LIST = Pattern.compile("[\\p{L}\\p{N} ,'\"_-]{1,300}");

    private final Map<String, String> values;

    private ThemeVariables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** No variables: the stylesheet's own defaults stand. */
    public static ThemeVariables none() {
        return new ThemeVariables(Map.of());
    }

    /** Reads {@code colors:} and {@code fonts:} from each folder's {@code theme.yml}, parent first. */
    public static ThemeVariables read(Theme theme, Problems problems) {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(problems, "problems");
        Map<String, String> values = new LinkedHashMap<>();
        for (Path folder : theme.foldersParentFirst()) {
            Path yml = folder.resolve("theme.yml");
            if (Files.exists(yml, LinkOption.NOFOLLOW_LINKS)) {
                read(yml, theme.files(), problems).ifPresent(map -> collect(map, values));
            }
        }
        return new ThemeVariables(values);
    }

    /** The same, from one theme.yml's text (tests, and themes outside a project). */
    static ThemeVariables parse(String display, String yaml, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        YamlSource.parseMapping(display, 1, yaml, problems).ifPresent(map -> collect(map, values));
        return new ThemeVariables(values);
    }

    /** The custom properties, by name ({@code --accent}), in the order they were given. */
    public Map<String, String> values() {
        return values;
    }

    /** The {@code :root} rule setting them, with a leading comment; "" when there are none. */
    public String css() {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder css = new StringBuilder("\n/* From theme.yml (colors:, fonts:) */\n:root {");
        values.forEach((name, value) -> css.append("\n  ").append(name).append(": ").append(value).append(';'));
        return css.append("\n}\n").toString();
    }

    private static Optional<YamlMap> read(Path yml, ProjectFiles files, Problems problems) {
        String display = files.display(yml);
        try {
            SourceText.Result text = SourceText.decode(display, files.read(yml));
            if (text instanceof SourceText.Invalid) {
                return Optional.empty(); // reported when the theme was opened
            }
            // a syntax error was reported when the theme was opened; Problems keeps one copy
            return YamlSource.parseMapping(display, 1, ((SourceText.Text) text).text(), problems);
        } catch (ProjectFiles.Refused refused) {
            return Optional.empty(); // reported when the theme was opened
        } catch (IOException e) {
            problems.add(Problem.error(display, 0, 0, "cannot read the file: " + e.getMessage(), ""));
            return Optional.empty();
        }
    }

    private static void collect(YamlMap map, Map<String, String> into) {
        map.map("colors").ifPresent(colors -> {
            colors.warnUnknownKeys(java.util.Set.copyOf(COLORS), "colors:");
            for (String name : COLORS) {
                colors.string(name).ifPresent(value -> {
                    if (COLOR.matcher(value).matches()) {
                        into.put("--" + name, value);
                    } else {
                        colors.valueError(name, "'" + value + "' is not a colour this theme can use",
                                "write a hex colour like '#a3161a', rgb(163 22 26) or hsl(358 76% 36%)");
                    }
                });
            }
        });
        map.map("fonts").ifPresent(fonts -> {
            fonts.warnUnknownKeys(java.util.Set.copyOf(FONTS), "fonts:");
            for (String role : FONTS) {
                fonts.string(role).ifPresent(value -> {
                    if (FONT_LIST.matcher(value).matches()) {
                        into.put("--font-" + role, value);
                    } else {
                        fonts.valueError(role, "'" + value + "' is not a list of font family names",
                                "write family names separated by commas, e.g. '\"Atkinson Hyperlegible\", system-ui,"
                                        + " sans-serif'; fonts must be installed or in the theme's assets");
                    }
                });
            }
        });
    }
}
