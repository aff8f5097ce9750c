package io.github.broadside.yaml;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Suggestions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located reads from one YAML mapping (front matter, a nested block, site.yml).
 *
 * <p>Every accessor reports a wrong type or a missing required key as a {@link Problem} at the
 * value's own line and column, then returns an empty result so that reading goes on and the user
 * sees every problem of the file at once. Keys with an empty value ({@code summary:}) count as absent.
 *
 * <p>A mapping may {@linkplain #inheriting inherit} from another (a translation from its source page):
 * a key it does not set is read from the other mapping, nested blocks and list items merge key by key
 * (list items by position; items beyond the mapping's own list are inherited whole), and problems
 * about an inherited value name the file and line it comes from.
 */
public final class YamlMap {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final YamlSource.Location location;
    private final int line;
    private final int column;
    /** Where keys this mapping does not set are read from; null when it inherits nothing. */
    private final YamlMap parent;
    private final Set<String> notInherited;

    YamlMap(MappingNode node, YamlSource.Location location) {
        this.parent = null;
        this.notInherited = Set.of();
        this.location = location;
        this.line = location.lineOf(node);
        this.column = location.columnOf(node);
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                location.problems().add(location.error(keyNode, "a key must be a plain word",
                        "write keys as 'name: value'"));
                continue;
            }
            String key = scalar.getValue();
            if (entries.containsKey(key)) {
                location.problems().add(location.error(keyNode, "the key '" + key + "' appears twice",
                        "each key may appear once; remove or merge the second '" + key + ":'"));
                continue;
            }
            entries.put(key, tuple);
        }
    }

    private YamlMap(YamlSource.Location location, int line) {
        this.location = location;
        this.line = line;
        this.column = 1;
        this.parent = null;
        this.notInherited = Set.of();
    }

    private YamlMap(YamlMap own, YamlSource.Location location, YamlMap parent, Set<String> notInherited) {
        this.entries.putAll(own.entries);
        this.location = location;
        this.line = own.line;
        this.column = own.column;
        this.parent = parent;
        this.notInherited = Set.copyOf(notInherited);
    }

    /**
     * This mapping reading every key it does not set itself from {@code source}, except the keys in
     * {@code notInherited}. Problems found in inherited values are still added to this mapping's
     * problems, located in {@code source}'s file.
     */
    public YamlMap inheriting(YamlMap source, Set<String> notInherited) {
        return new YamlMap(this, location, source.reportingTo(location.problems()), notInherited);
    }

    /** The same mapping (and its inherited ones) adding its problems to {@code problems}. */
    private YamlMap reportingTo(io.github.broadside.problem.Problems problems) {
        return new YamlMap(this, new YamlSource.Location(location.file(), location.firstLine(), problems),
                parent == null ? null : parent.reportingTo(problems), notInherited);
    }

    /** Whether {@code key} is read from the parent: this mapping does not set it and the parent chain does. */
    private boolean inherited(String key) {
        return parent != null && !entries.containsKey(key) && !notInherited.contains(key) && parent.sets(key);
    }

    /**
     * The mapping whose own entries answer for {@code key}: this one, or for a key it leaves to its
     * source, the one up the source chain that writes it. Every read resolves inheritance here, once.
     */
    private YamlMap writer(String key) {
        return inherited(key) ? parent.writer(key) : this;
    }

    /** The value of {@code key} (own or inherited) with the mapping that writes it; empty when absent or empty. */
    private Optional<Found> found(String key) {
        YamlMap writer = writer(key);
        return writer.value(key).map(node -> new Found(node, writer));
    }

    /** A value read for a key and the mapping that writes it, where problems about it are located. */
    private record Found(Node node, YamlMap writer) {
        /** Adds an error at the value, in the file that writes it. */
        void error(String message, String hint) {
            errorAt(node, message, hint);
        }

        /** Adds an error at a part of the value (an item of a list), in the file that writes it. */
        void errorAt(Node part, String message, String hint) {
            writer.location.problems().add(writer.location.error(part, message, hint));
        }
    }

    /** Whether this mapping or one it inherits from writes {@code key} (even with an empty value). */
    private boolean sets(String key) {
        return entries.containsKey(key) || (parent != null && !notInherited.contains(key) && parent.sets(key));
    }

    /** The block {@code key} of the parent chain, to merge an own block with. */
    private Optional<YamlMap> inheritedBlock(String key) {
        return parent != null && !notInherited.contains(key) ? parent.map(key) : Optional.empty();
    }

    /** The items of list {@code key} in the parent chain, to merge own items with by position. */
    private List<YamlMap> inheritedBlocks(String key) {
        return parent != null && !notInherited.contains(key) ? parent.maps(key) : List.of();
    }

    static YamlMap empty(YamlSource.Location location, int line) {
        return new YamlMap(location, line);
    }

    /** The file this mapping was read from, as shown in problems. */
    public String file() {
        return location.file();
    }

    /** The file line on which this mapping starts. */
    public int line() {
        return line;
    }

    public boolean has(String key) {
        return found(key).isPresent();
    }

    /** Whether the value of {@code key} is a block of {@code key: value} lines (rather than a text or list). */
    public boolean isBlock(String key) {
        return found(key).filter(f -> f.node() instanceof MappingNode).isPresent();
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /**
     * The mapping that writes {@code key}: this one, or for an inherited value the one in the source
     * chain it is read from (its {@link #file()} names the page that wrote it).
     */
    public Optional<YamlMap> writerOf(String key) {
        YamlMap writer = writer(key);
        return writer.entries.containsKey(key) ? Optional.of(writer) : Optional.empty();
    }

    /** The key/value pairs this mapping writes itself (not inherited ones), in file order. */
    public Map<String, NodeTuple> ownEntries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** The line of a key, or of the mapping when the key is absent: where a problem about it belongs. */
    public int lineOf(String key) {
        YamlMap writer = writer(key);
        NodeTuple tuple = writer.entries.get(key);
        return tuple == null ? writer.line : writer.location.lineOf(tuple.getKeyNode());
    }

    public int columnOf(String key) {
        YamlMap writer = writer(key);
        NodeTuple tuple = writer.entries.get(key);
        return tuple == null ? writer.column : writer.location.columnOf(tuple.getKeyNode());
    }

    /** Adds an error located at {@code key} (or at the mapping when the key is absent). */
    public void error(String key, String message, String hint) {
        YamlMap writer = writer(key);
        writer.location.problems().add(Problem.error(writer.file(), lineOf(key), columnOf(key), message, hint));
    }

    /** Adds an error located at the value of {@code key} (a wrong word rather than a wrong key). */
    public void valueError(String key, String message, String hint) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            error(key, message, hint);
            return;
        }
        found.get().error(message, hint);
    }

    public void warning(String key, String message, String hint) {
        YamlMap writer = writer(key);
        writer.location.problems().add(Problem.warning(writer.file(), lineOf(key), columnOf(key), message, hint));
    }

    /** Text value; numbers and booleans are accepted as their text. */
    public Optional<String> string(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().node() instanceof ScalarNode scalar) {
            String text = scalar.getValue().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        typeError(key, found.get(), "a text");
        return Optional.empty();
    }

    /** Text value that must be present; reports it missing otherwise (and returns ""). */
    public String requiredString(String key, String what) {
        Optional<String> value = string(key);
        if (value.isEmpty() && !hasWrongType(key)) {
            writer(key).missing(key, "'" + key + "' is missing" + (what.isEmpty() ? "" : ": " + what),
                    "add a line '" + key + ": ...'");
        }
        return value.orElse("");
    }

    /**
     * Reports the required {@code key} as missing. When a key of this block is a near miss
     * ({@code titel} for {@code title}) the error names it and stands on its line, so the fix is a
     * rename, not a second key; otherwise it stands at the block with {@code hint}.
     */
    public void missing(String key, String message, String hint) {
        Optional<NodeTuple> nearMiss = entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(key) && Suggestions.closest(e.getKey(), List.of(key)).isPresent())
                .map(Map.Entry::getValue).findFirst();
        if (nearMiss.isEmpty()) {
            error(key, message, hint);
            return;
        }
        Node wrong = nearMiss.get().getKeyNode();
        String written = ((ScalarNode) wrong).getValue();
        location.problems().add(location.error(wrong, message + "; you wrote '" + written + "' on line "
                + location.lineOf(wrong) + ": " + Suggestions.didYouMean(key),
                "rename '" + written + "' to '" + key + "'"));
    }

    /**
     * An address for {@code use} (see {@link SafeUrl}); anything that could run script when clicked
     * ({@code javascript:}, {@code data:} ...) is an error at the value and reads as absent.
     */
    public Optional<String> url(String key, SafeUrl.Use use) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return text;
        }
        Optional<String> problem = SafeUrl.problemWith(text.get(), use);
        if (problem.isPresent()) {
            found(key).orElseThrow().error(problem.get(), "write " + use.allowed() + "; encode spaces as %20");
            return Optional.empty();
        }
        return text;
    }

    /** An address that must be present; reports it missing or unsafe otherwise (and returns ""). */
    public String requiredUrl(String key, String what, SafeUrl.Use use) {
        if (!has(key)) {
            return requiredString(key, what);
        }
        return url(key, use).orElse("");
    }

    public Optional<LocalDate> date(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().node() instanceof ScalarNode scalar) {
            Matcher m = ISO_DATE.matcher(scalar.getValue().strip());
            if (m.matches()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } catch (DateTimeException e) {
                    found.get().error("'" + scalar.getValue() + "' is not a real date (" + e.getMessage() + ")",
                            "write the date as YYYY-MM-DD, e.g. 2019-07-04");
                    return Optional.empty();
                }
            }
            found.get().error("'" + scalar.getValue() + "' is not a date",
                    "write the date as YYYY-MM-DD, e.g. 2019-07-04");
            return Optional.empty();
        }
        typeError(key, found.get(), "a date (YYYY-MM-DD)");
        return Optional.empty();
    }

    public OptionalLong integer(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        if (found.get().node() instanceof ScalarNode scalar) {
            String text = scalar.getValue().strip().replace("_", "");
            if (scalar.getTag().equals(Tag.INT) || text.matches("[0-9]{1,18}")) {
                try {
                    long value = Long.parseLong(text);
                    if (value >= 0) {
                        return OptionalLong.of(value);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            found.get().error("'" + key + "' must be a whole number, not '" + scalar.getValue() + "'",
                    "write digits only, without commas or words: " + key + ": 10000");
            return OptionalLong.empty();
        }
        typeError(key, found.get(), "a whole number");
        return OptionalLong.empty();
    }

    public boolean bool(String key, boolean fallback) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return fallback;
        }
        if (found.get().node() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            String text = scalar.getValue().toLowerCase(Locale.ROOT);
            return text.equals("true") || text.equals("yes") || text.equals("on");
        }
        typeError(key, found.get(), "true or false");
        return fallback;
    }

    /** A list of texts; a single text is accepted as a list of one. */
    public List<String> strings(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.get().node() instanceof ScalarNode scalar) {
            String text = scalar.getValue().strip();
            return text.isEmpty() ? List.of() : List.of(text);
        }
        if (found.get().node() instanceof SequenceNode sequence) {
            List<String> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !YamlSource.isNull(item)) {
                    String text = scalar.getValue().strip();
                    if (!text.isEmpty()) {
                        out.add(text);
                    }
                } else if (!YamlSource.isNull(item)) {
                    found.get().errorAt(item, "each item of '" + key + "' must be a text",
                            "write the list as '" + key + ": [first, second]' or one '- item' per line");
                }
            }
            return List.copyOf(out);
        }
        typeError(key, found.get(), "a list of texts");
        return List.of();
    }

    /** One item of a list of texts and where it is written. */
    public record Item(String text, int line, int column) {
    }

    /**
     * {@link #strings(String)} with each item's line and column, so that a problem with one item
     * is reported at its own line; problems with the list's shape are reported as there.
     */
    public List<Item> items(String key) {
        List<String> texts = strings(key);
        Optional<Found> found = found(key);
        List<Item> out = new ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        YamlSource.Location at = found.get().writer().location;
        if (found.get().node() instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !YamlSource.isNull(item) && !scalar.getValue().strip().isEmpty()) {
                    out.add(new Item(scalar.getValue().strip(), at.lineOf(item), at.columnOf(item)));
                }
            }
        } else {
            Node node = found.get().node();
            texts.forEach(t -> out.add(new Item(t, at.lineOf(node), at.columnOf(node))));
        }
        return out;
    }

    /** Adds an error at {@code item}'s line and column, in this map's file. */
    public void itemError(Item item, String message, String hint) {
        location.problems().add(Problem.error(file(), item.line(), item.column(), message, hint));
    }

    /** Whether {@code key} holds a block of {@code key: value} lines (without reporting anything). */
    public boolean isMap(String key) {
        return value(key).filter(n -> n instanceof MappingNode).isPresent();
    }

    /** Whether {@code key} holds a list (without reporting anything). */
    public boolean isList(String key) {
        return value(key).filter(n -> n instanceof SequenceNode).isPresent();
    }

    public Optional<YamlMap> map(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().node() instanceof MappingNode mapping) {
            YamlMap writer = found.get().writer();
            YamlMap block = new YamlMap(mapping, writer.location);
            return Optional.of(writer.inheritedBlock(key).map(p -> block.inheriting(p, Set.of())).orElse(block));
        }
        typeError(key, found.get(), "a block of 'key: value' lines");
        return Optional.empty();
    }

    /** A list of blocks ({@code - name: ...}); a single block is accepted as a list of one. */
    public List<YamlMap> maps(String key) {
        Optional<Found> found = found(key);
        if (found.isEmpty()) {
            return List.of();
        }
        YamlMap writer = found.get().writer();
        List<YamlMap> fromParent = writer.inheritedBlocks(key);
        if (found.get().node() instanceof MappingNode mapping) {
            List<YamlMap> out = new ArrayList<>();
            out.add(merged(new YamlMap(mapping, writer.location), fromParent, 0));
            out.addAll(fromParent.subList(Math.min(1, fromParent.size()), fromParent.size()));
            return List.copyOf(out);
        }
        if (found.get().node() instanceof SequenceNode sequence) {
            List<YamlMap> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping) {
                    out.add(merged(new YamlMap(mapping, writer.location), fromParent, out.size()));
                } else if (!YamlSource.isNull(item)) {
                    found.get().errorAt(item, "each item of '" + key + "' must be a block of 'key: value' lines",
                            "start each item with '- ' followed by its keys, e.g. '- name: Jane Doe'");
                }
            }
            // Items the inherited list has beyond this one's are kept: a translation that translates the
            // first action only still offers the others.
            for (int i = out.size(); i < fromParent.size(); i++) {
                out.add(fromParent.get(i));
            }
            return List.copyOf(out);
        }
        typeError(key, found.get(), "a list of blocks");
        return List.of();
    }

    /** Item {@code index} of an own list, inheriting from the parent's item at the same position. */
    private static YamlMap merged(YamlMap own, List<YamlMap> fromParent, int index) {
        return index < fromParent.size() ? own.inheriting(fromParent.get(index), Set.of()) : own;
    }

    /**
     * Reports each key not in {@code known} as a warning, suggesting the closest known key when one
     * is near (a typo such as {@code tittle} or {@code catgories}).
     */
    public void warnUnknownKeys(Collection<String> known, String where) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (known.contains(key)) {
                continue;
            }
            String hint = Suggestions.didYouMean(key, known)
                    .orElse("known keys" + (where.isEmpty() ? "" : " in " + where) + ": "
                            + String.join(", ", known.stream().sorted().toList()));
            location.problems().add(location.warning(entry.getValue().getKeyNode(),
                    "unknown key '" + key + "'" + (where.isEmpty() ? "" : " in " + where) + " is ignored", hint));
        }
    }

    private Optional<Node> value(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || YamlSource.isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    private boolean hasWrongType(String key) {
        return found(key).filter(f -> !(f.node() instanceof ScalarNode)).isPresent();
    }

    private static void typeError(String key, Found found, String expected) {
        Node node = found.node();
        String actual = node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a block" : "a text";
        found.error("'" + key + "' must be " + expected + ", not " + actual,
                "see docs/front-matter.md for the form of '" + key + "'");
    }
}
