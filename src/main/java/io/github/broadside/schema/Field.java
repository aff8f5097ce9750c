package io.github.broadside.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key of a YAML block as Broadside reads it: its name, what kind of value it takes, a sentence
 * for people (shown by editors on hover), the words it allows ({@link Kind#CHOICE}) and, for a
 * block or a list of blocks, that block's own keys. The parsers warn about keys not in their
 * {@link Block} and refuse words not in {@link #values()}; {@link JsonSchema} turns the same
 * definitions into JSON Schema for editors, so both always agree.
 *
 * @param required whether a file must write the key itself (not inherited from a source page)
 */
public record Field(String name, Kind kind, String description, List<String> values, Optional<Block> block,
        boolean required) {

    /** The kinds of value a key takes. */
    public enum Kind {
        /** A line of text; numbers and booleans are read as their text. */
        TEXT,
        /** Text in Markdown. */
        MARKDOWN,
        /** An address (a link or an image path). */
        URL,
        /** A date written year-month-day ({@code 2024-05-01}). */
        DATE,
        /** A whole number, 0 or more, digits only. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of {@link Field#values()}. */
        CHOICE,
        /** A list of texts (or one text). */
        TEXTS,
        /** A block of the keys of {@link Field#block()}. */
        BLOCK,
        /** A list of blocks, each of the keys of {@link Field#block()}. */
        BLOCKS,
        /** A text, or a block of the keys of {@link Field#block()}. */
        TEXT_OR_BLOCK,
        /** {@code true}/{@code false}, or a block of the keys of {@link Field#block()}. */
        BOOLEAN_OR_BLOCK,
        /** A block whose keys another part checks (a form provider's options). */
        OPEN_BLOCK,
        /** A block with one entry per language tag: a text (the name), nothing, or a block of {@link Field#block()}. */
        PER_LANGUAGE
    }

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        values = List.copyOf(values);
        Objects.requireNonNull(block, "block");
        if (kind == Kind.CHOICE && values.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs its values");
        }
        boolean nested = kind == Kind.BLOCK || kind == Kind.BLOCKS || kind == Kind.TEXT_OR_BLOCK
                || kind == Kind.BOOLEAN_OR_BLOCK || kind == Kind.PER_LANGUAGE;
        if (nested != block.isPresent()) {
            throw new IllegalArgumentException(name + ": a " + kind + " " + (nested ? "needs" : "has no") + " block");
        }
    }

    /** A key of a simple kind. */
    public static Field of(String name, Kind kind, String description) {
        return new Field(name, kind, description, List.of(), Optional.empty(), false);
    }

    /** A key that takes one of {@code values}. */
    public static Field choice(String name, List<String> values, String description) {
        return new Field(name, Kind.CHOICE, description, values, Optional.empty(), false);
    }

    /** A key whose value is (or contains) {@code block}. */
    public static Field nested(String name, Kind kind, Block block, String description) {
        return new Field(name, kind, description, List.of(), Optional.of(block), false);
    }

    /** This key, required. */
    public Field mandatory() {
        return new Field(name, kind, description, values, block, true);
    }
}
