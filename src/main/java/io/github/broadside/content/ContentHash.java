package io.github.broadside.content;

import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import com.ibm.icu.text.Normalizer2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The version of a page's words, as a short SHA-256 prefix: what a translation records in
 * {@code translationOf: {hash: ...}} to say which version of its source it was made from.
 *
 * <p>The hash covers the Markdown body and every front-matter value, read as YAML values (so
 * re-quoting, re-indenting, trailing spaces, line ends and Unicode normalization do not change it),
 * except the keys that change without changing what a translator translates: {@code count}
 * (updated by hand as signatures come in), {@code status}, {@code draft} and the translation keys
 * themselves. Those reach translations anyway, since translations inherit them. Keys count in
 * alphabetical order, not in the order a file writes them: a mapping has no order, and editors such
 * as Decap CMS rewrite a page with its keys in their own order.
 *
 * <p>The exact form of the canonical text is part of the published behaviour: changing it marks
 * every translation of every site stale.
 */
public final class ContentHash {
    /** Hex digits kept: 48 bits, far beyond what one site's history of one page could collide in. */
    public static final int LENGTH = 12;
    static final Set<String> IGNORED_KEYS = Set.of("count", "status", "draft", "aliases", "translationKey",
            "translationOf");
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private ContentHash() {
    }

    /** The hash of a page with front matter {@code frontMatter} (its own keys only) and body {@code body}. */
    public static String of(YamlMap frontMatter, String body) {
        StringBuilder text = new StringBuilder();
        writeEntries(frontMatter.ownEntries(), text);
        text.append("\n---\n").append(normalizedBody(body));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(nfc(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * {@code text} in Unicode normalization form C. Text below U+0300 (Latin letters with their
     * precomposed accents, digits, punctuation) is NFC already, which ICU would confirm by
     * scanning it; the check here is a plain loop, a large saving in a cold JVM.
     */
    static String nfc(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= '\u0300') {
                return NFC.normalize(text);
            }
        }
        return text.toString();
    }

    /** Whether {@code text} looks like a hash this class makes (or a longer SHA-256 prefix). */
    public static boolean isWellFormed(String text) {
        return text.matches("[0-9a-f]{" + LENGTH + ",64}");
    }

    /** Whether a recorded hash (possibly a longer prefix) names the version {@code current}. */
    public static boolean matches(String recorded, String current) {
        String a = recorded.toLowerCase(java.util.Locale.ROOT);
        return a.length() >= LENGTH && (a.startsWith(current) || current.startsWith(a));
    }

    private static void writeEntries(Map<String, NodeTuple> entries, StringBuilder out) {
        out.append('{');
        for (Map.Entry<String, NodeTuple> entry : new java.util.TreeMap<>(entries).entrySet()) {
            if (IGNORED_KEYS.contains(entry.getKey())) {
                continue;
            }
            out.append(entry.getKey()).append('=');
            write(entry.getValue().getValueNode(), out);
            out.append('\u001e');
        }
        out.append('}');
    }

    private static void write(Node node, StringBuilder out) {
        if (node instanceof ScalarNode scalar) {
            out.append(YamlSource.isNull(node) ? "" : scalar.getValue().strip());
        } else if (node instanceof SequenceNode sequence) {
            out.append('[');
            for (Node item : sequence.getValue()) {
                write(item, out);
                out.append('\u001f');
            }
            out.append(']');
        } else if (node instanceof MappingNode mapping) {
            Map<String, NodeTuple> entries = new java.util.LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    entries.putIfAbsent(key.getValue(), tuple);
                }
            }
            writeEntries(entries, out);
        }
    }

    /** The body without trailing spaces on any line and without blank lines at its start or end. */
    static String normalizedBody(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
