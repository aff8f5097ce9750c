package io.github.broadside.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One option of a form provider as written in {@code site.yml} ({@code forms:}) or in a campaign's
 * {@code action.form:} block, with where it was written so that a provider's complaint about it
 * points at the right line.
 *
 * @param file   the file as shown to users, e.g. {@code content/site.yml}
 * @param line   1-based line of the key (0 when unknown)
 * @param column 1-based column of the key (0 when unknown)
 */
public record FormOption(String key, Value value, String file, int line, int column) {

    public FormOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
    }

    /** An option's value: a text, a list of texts, or a block of {@code name: text} lines. */
    public sealed interface Value permits Text, TextList, TextMap {
        /** How the value's shape is named in problems: "a text", "a list", "a block". */
        String shape();
    }

    /** A single text ({@code formId: xyzabc}); numbers and booleans are kept as written. */
    public record Text(String text) implements Value {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String shape() {
            return "a text";
        }
    }

    /** A list of texts ({@code tags: [petition, raids]}). */
    public record TextList(List<String> items) implements Value {
        public TextList {
            items = List.copyOf(items);
        }

        @Override
        public String shape() {
            return "a list";
        }
    }

    /** A block of {@code name: text} lines, in the order written ({@code fields: {email: entry.1}}). */
    public record TextMap(Map<String, String> entries) implements Value {
        public TextMap {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String shape() {
            return "a block";
        }
    }
}
