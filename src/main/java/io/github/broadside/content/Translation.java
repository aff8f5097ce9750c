package io.github.broadside.content;

import java.util.Objects;
import java.util.Optional;

/**
 * How one content file stands among its language versions, as the parse stage resolved it.
 *
 * <p>Files are versions of one page when they share a {@link #key()}: by default the path inside
 * the language folder without {@code .md} ({@code stop-unjust-raids}), or the front matter's
 * {@code translationKey} when a translator changed the file name. A translation's source is the
 * file named in {@code translationOf: {source: ...}}, else the default language's version.
 *
 * @param key          the key shared by every language version of the page
 * @param source       the file this one was translated from, as {@code <lang>/<path>.md}; empty for
 *                     an original
 * @param recordedHash the version of the source the translation was made from
 *                     ({@code translationOf: {hash: ...}}), when recorded
 * @param line         the line of {@code translationOf} (0 when absent): where staleness is reported
 * @param column       its column
 * @param contentHash  this file's own version ({@link ContentHash}), which its translations record
 * @param inheritedText the text fields a translation leaves out and shows in its source's words
 */
public record Translation(String key, Optional<String> source, Optional<String> recordedHash, int line, int column,
        String contentHash, java.util.List<InheritedText> inheritedText) {

    public Translation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedHash, "recordedHash");
        Objects.requireNonNull(contentHash, "contentHash");
        inheritedText = java.util.List.copyOf(inheritedText);
    }

    /** A translation (or original) that shows no inherited text. */
    public Translation(String key, Optional<String> source, Optional<String> recordedHash, int line, int column,
            String contentHash) {
        this(key, source, recordedHash, line, column, contentHash, java.util.List.of());
    }

    /** The same, showing {@code inherited} in its source's words. */
    public Translation withInheritedText(java.util.List<InheritedText> inherited) {
        return new Translation(key, source, recordedHash, line, column, contentHash, inherited);
    }

    /** An original page with key {@code key}: no source, no recorded version. */
    public static Translation original(String key, String contentHash) {
        return new Translation(key, Optional.empty(), Optional.empty(), 0, 0, contentHash);
    }

    public boolean isTranslation() {
        return source.isPresent();
    }
}
