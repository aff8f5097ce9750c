package io.github.broadside.yaml;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML safely: no object construction from tags, and hard limits so that hostile input
 * (a "billion laughs" of aliases, deep nesting, megabytes of front matter) fails fast with a
 * {@link Problem} instead of eating memory.
 *
 * <p>YAML is composed into SnakeYAML's node tree, never constructed into objects, so every value
 * keeps its line and column for later problems; {@link YamlMap} reads typed values from that tree.
 */
public final class YamlSource {
    /** Front matter and site.yml are small; 256 KiB is far beyond any real page and stops abuse early. */
    public static final int MAX_CODE_POINTS = 256 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;

    private YamlSource() {
    }

    /**
     * Parses {@code yaml}, which starts on line {@code firstLine} of {@code displayPath}, into a mapping.
     * Returns empty after adding a problem when the text is not valid YAML or not a mapping. Empty text
     * is an empty mapping.
     */
    public static Optional<YamlMap> parseMapping(String displayPath, int firstLine, String yaml, Problems problems) {
        Location location = new Location(displayPath, firstLine, problems);
        if (yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
            problems.add(Problem.error(displayPath, firstLine, 1,
                    "the YAML is larger than " + (MAX_CODE_POINTS / 1024) + " KiB",
                    "keep long texts in the Markdown body below the front matter, not in YAML"));
            return Optional.empty();
        }
        Node root;
        try {
            root = newYaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            problems.add(fromMarked(location, e));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(Problem.error(displayPath, firstLine, 1, limitMessage(e.getMessage()),
                    "front matter holds short values; remove repeated anchors (&name / *name) and deep nesting"));
            return Optional.empty();
        }
        if (root == null || isNull(root)) {
            return Optional.of(YamlMap.empty(location, firstLine));
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(location.error(root, "the front matter must be a list of 'key: value' lines",
                    "write each setting as 'key: value', e.g. 'title: Stop the raids'"));
            return Optional.empty();
        }
        return Optional.of(new YamlMap(mapping, location));
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        return new Yaml(new SafeConstructor(options));
    }

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String limitMessage(String message) {
        String text = message == null ? "the YAML could not be read" : message;
        if (text.contains("aliases")) {
            return "the YAML uses too many aliases (*name), which could make it expand without end";
        }
        if (text.contains("Nesting Depth")) {
            return "the YAML is nested more than " + MAX_DEPTH + " levels deep";
        }
        if (text.contains("code points")) {
            return "the YAML is larger than " + (MAX_CODE_POINTS / 1024) + " KiB";
        }
        return "the YAML could not be read: " + text;
    }

    private static Problem fromMarked(Location location, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String hint = hintFor(problem, e.getContext());
        String message = "invalid YAML: " + problem
                + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
        if (mark == null) {
            return Problem.error(location.file(), location.firstLine(), 1, message, hint);
        }
        return Problem.error(location.file(), location.firstLine() + mark.getLine(), mark.getColumn() + 1,
                message, hint);
    }

    private static String hintFor(String problem, String context) {
        if (problem.contains("mapping values are not allowed")) {
            return "a value contains ': '. Put the whole value in quotes: title: \"Update: we won\"";
        }
        if (problem.contains("(TAB)") || problem.contains("\\t")) {
            return "YAML indents with spaces only; replace the tab characters with spaces";
        }
        if (problem.contains("found character '@'") || problem.contains("found character '`'")) {
            return "values that start with @ or ` must be quoted: handle: \"@POTUS\"";
        }
        if (problem.contains("tag is not allowed")) {
            return "YAML tags (!!name) are not allowed in front matter; remove the '!!...' before the value";
        }
        if (problem.contains("found duplicate key")) {
            return "each key may appear once; remove or rename the second one";
        }
        if (context != null && context.contains("quoted scalar")) {
            return "a quoted value is missing its closing quote";
        }
        if (problem.contains("expected <block end>") || problem.contains("did not find expected")) {
            return "check the indentation: keys of one block start in the same column, list items start with '- '";
        }
        return "check the YAML syntax near this line; quote values that contain ':' or start with a symbol";
    }

    /** Where a YAML fragment sits in its file, and where its problems go. */
    record Location(String file, int firstLine, Problems problems) {
        int lineOf(Node node) {
            return firstLine + node.getStartMark().getLine();
        }

        int columnOf(Node node) {
            return node.getStartMark().getColumn() + 1;
        }

        Problem error(Node node, String message, String hint) {
            return Problem.error(file, lineOf(node), columnOf(node), message, hint);
        }

        Problem warning(Node node, String message, String hint) {
            return Problem.warning(file, lineOf(node), columnOf(node), message, hint);
        }
    }
}
