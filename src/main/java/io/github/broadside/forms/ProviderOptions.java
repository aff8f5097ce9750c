package io.github.broadside.forms;

import io.github.broadside.problem.Suggestions;
import io.github.broadside.config.FormOption;
import io.github.broadside.config.FormSettings;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A provider's options for one form, as the user wrote them, with typed reads that report a wrong
 * type or a missing value as a {@link Problem} at the line it was written on.
 *
 * <p>A {@link FormEndpoint} reads its options here and reports what is wrong with
 * {@link #error(String, String, String)}; the build collects those problems with every other one and
 * fails before writing anything. Problems about an option that was not written point at the
 * {@code provider:} line that chose the provider.
 */
public final class ProviderOptions {
    private final String provider;
    private final Map<String, FormOption> options = new LinkedHashMap<>();
    private final String file;
    private final int line;
    private final int column;
    private final Problems problems;
    private boolean errors;

    /**
     * @param provider the provider's name, for messages
     * @param settings the options as written; problems about missing options point at its location
     * @param problems where problems go
     */
    public ProviderOptions(String provider, FormSettings settings, Problems problems) {
        this.provider = Objects.requireNonNull(provider, "provider");
        settings.options().forEach(o -> options.put(o.key(), o));
        this.file = settings.file();
        this.line = settings.line();
        this.column = settings.column();
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** The provider's name, as chosen in configuration. */
    public String provider() {
        return provider;
    }

    /** The option keys written, in order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(options.keySet()));
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** A text option; a list or block is reported as the wrong type. */
    public Optional<String> text(String key) {
        FormOption option = options.get(key);
        if (option == null) {
            return Optional.empty();
        }
        if (option.value() instanceof FormOption.Text text) {
            return Optional.of(text.text());
        }
        typeError(option, "a text");
        return Optional.empty();
    }

    /** A text option that must be written; reports it missing with {@code hint} otherwise, and returns "". */
    public String requiredText(String key, String what, String hint) {
        if (!options.containsKey(key)) {
            error(key, "the " + provider + " form provider needs '" + key + "': " + what, hint);
            return "";
        }
        return text(key).orElse("");
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> texts(String key) {
        FormOption option = options.get(key);
        if (option == null) {
            return List.of();
        }
        if (option.value() instanceof FormOption.TextList list) {
            return list.items();
        }
        if (option.value() instanceof FormOption.Text text) {
            return List.of(text.text());
        }
        typeError(option, "a list of texts");
        return List.of();
    }

    /** A block of {@code name: text} lines, in the order written. */
    public Map<String, String> textMap(String key) {
        FormOption option = options.get(key);
        if (option == null) {
            return Map.of();
        }
        if (option.value() instanceof FormOption.TextMap map) {
            return map.entries();
        }
        typeError(option, "a block of 'name: value' lines");
        return Map.of();
    }

    /** A true/false option ({@code true}, {@code false}, {@code yes}, {@code no}). */
    public boolean flag(String key, boolean fallback) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                error(key, "'" + key + "' must be true or false, not '" + text.get() + "'",
                        "write " + key + ": true or " + key + ": false");
                return fallback;
            }
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public OptionalInt number(String key, int min, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= min && value <= max) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + text.get() + "'",
                "write digits only, e.g. " + key + ": " + Math.max(min, Math.min(max, 3)));
        return OptionalInt.empty();
    }

    /** Reports an error at option {@code key}, or at the {@code provider:} line when it was not written. */
    public void error(String key, String message, String hint) {
        errors = true;
        problems.add(Problem.error(fileOf(key), lineOf(key), columnOf(key), message, hint));
    }

    /** Reports a warning at option {@code key}, or at the {@code provider:} line when it was not written. */
    public void warning(String key, String message, String hint) {
        problems.add(Problem.warning(fileOf(key), lineOf(key), columnOf(key), message, hint));
    }

    /** Whether an error was reported through these options. */
    public boolean hasErrors() {
        return errors;
    }

    /** Warns about each written key not in {@code known}, suggesting the closest known one. */
    void warnUnknown(Set<String> known) {
        for (FormOption option : options.values()) {
            if (known.contains(option.key())) {
                continue;
            }
            String hint = Suggestions.didYouMean(option.key(), known)
                    .orElse(known.isEmpty() ? "the " + provider + " provider takes no options"
                            : "options of " + provider + ": " + String.join(", ", new java.util.TreeSet<>(known)));
            warning(option.key(), "unknown option '" + option.key() + "' of the " + provider
                    + " form provider is ignored", hint);
        }
    }

    /** The options as written, for checks every provider gets (secrets). */
    List<FormOption> all() {
        return new ArrayList<>(options.values());
    }

    private String fileOf(String key) {
        FormOption option = options.get(key);
        return option == null ? file : option.file();
    }

    private int lineOf(String key) {
        FormOption option = options.get(key);
        return option == null ? line : option.line();
    }

    private int columnOf(String key) {
        FormOption option = options.get(key);
        return option == null ? column : option.column();
    }

    private void typeError(FormOption option, String expected) {
        error(option.key(), "'" + option.key() + "' must be " + expected + ", not " + option.value().shape(),
                "see docs/form-providers.md for the options of " + provider);
    }
}
