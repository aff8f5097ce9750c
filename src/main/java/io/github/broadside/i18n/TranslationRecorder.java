package io.github.broadside.i18n;

import io.github.broadside.files.AtomicFile;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.content.ContentFile;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.content.FrontMatter;
import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records in a translation's front matter that it is up to date with its source: writes
 * {@code translationOf: {source: en/x.md, hash: <current version>}}, changing only those lines of
 * the file (its other lines, comments, line ends and byte-order mark stay as they were).
 *
 * <p>A translator runs it after bringing a stale translation up to date; it is also how a new
 * translation starts being tracked.
 */
public final class TranslationRecorder {
    private static final Pattern HASH_VALUE = Pattern.compile("(hash\\s*:\\s*)(\"[^\"]*\"|'[^']*'|[^\\s#,}]+)");

    private final Path projectDir;
    private final Path contentDir;
    private final String contentDisplay;
    private final ContentLoader loader;
    private final CampaignParser parser;

    /** What was recorded: the translation, its source, and the source version before and now. */
    public record Recorded(String file, String source, Optional<String> previousHash, String hash) {
        public Recorded {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(previousHash, "previousHash");
            Objects.requireNonNull(hash, "hash");
        }

        /** Whether the file changed (false when it already recorded the current version). */
        public boolean changed() {
            return previousHash.filter(hash::equals).isEmpty();
        }
    }

    /**
     * @param projectDir     the folder a file argument may be relative to
     * @param contentDir     the content folder
     * @param contentDisplay how the content folder is named in problems, e.g. {@code content}
     */
    public TranslationRecorder(Path projectDir, Path contentDir, String contentDisplay, CampaignParser parser) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.contentDisplay = contentDisplay;
        this.parser = parser;
        this.loader = new ContentLoader(this.contentDir, contentDisplay, parser);
    }

    /**
     * Records the current version of {@code file}'s source in {@code file}, given as
     * {@code es/x.md} (inside the content folder), {@code content/es/x.md} or a full path.
     * Problems (no such file, not a translation, errors in the file) go to {@code problems}.
     */
    public Optional<Recorded> record(String file, Problems problems) throws IOException {
        Optional<Path> path = resolve(file, problems);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String display = contentDisplay + "/" + contentDir.relativize(path.get()).toString().replace('\\', '/');
        Problems own = new Problems();
        Optional<Campaign> translation = loader.loadOne(path.get(), own);
        problems.addAll(own.sorted());
        if (translation.isEmpty() || own.hasErrors()) {
            return Optional.empty();
        }
        Optional<String> source = translation.get().translation().source();
        if (source.isEmpty()) {
            problems.add(Problem.error(display, 1, 1, display + " is not a translation: there is no "
                            + parser.defaultLanguage() + "/" + translation.get().sourcePath()
                            + " and it does not name the page it translates",
                    "add to its front matter:\ntranslationOf:\n  source: " + parser.defaultLanguage() + "/"
                            + translation.get().sourcePath()));
            return Optional.empty();
        }
        Optional<Campaign> original = loader.loadOne(contentDir.resolve(source.get()), own);
        problems.addAll(own.sorted());
        if (original.isEmpty()) {
            return Optional.empty();
        }
        String hash = original.get().translation().contentHash();
        Optional<String> previous = translation.get().translation().recordedHash();
        Recorded recorded = new Recorded(display, source.get(), previous, hash);
        if (recorded.changed()) {
            write(path.get(), display, source.get(), hash, problems);
        }
        return problems.hasErrors() ? Optional.empty() : Optional.of(recorded);
    }

    private Optional<Path> resolve(String file, Problems problems) {
        String written = file.strip();
        List<Path> candidates = new ArrayList<>();
        Path given = Path.of(written);
        if (given.isAbsolute()) {
            candidates.add(given);
        } else {
            candidates.add(projectDir.resolve(written));
            candidates.add(contentDir.resolve(written));
            if (!written.endsWith(".md")) {
                candidates.add(contentDir.resolve(written + ".md"));
            }
        }
        for (Path candidate : candidates) {
            Path normal = candidate.toAbsolutePath().normalize();
            if (normal.startsWith(contentDir) && normal.toString().endsWith(".md") && Files.isRegularFile(normal)) {
                return Optional.of(normal);
            }
        }
        problems.add(Problem.error(written, 0, 0, "there is no page '" + written + "' in " + contentDisplay + "/",
                "give the translation's path inside the content folder, e.g. -Dbroadside.file=es/stop-unjust-raids.md"));
        return Optional.empty();
    }

    private void write(Path path, String display, String source, String hash, Problems problems) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        String raw = new String(bytes, StandardCharsets.UTF_8);
        boolean crlf = raw.contains("\r\n");
        String text = ((SourceText.Text) SourceText.decode(display, bytes)).text();
        Optional<String> edited = edit(text, display, source, hash, problems);
        if (edited.isEmpty()) {
            return;
        }
        String out = crlf ? edited.get().replace("\n", "\r\n") : edited.get();
        byte[] encoded = ((bom ? "\uFEFF" : "") + out).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(path, encoded);
    }

    /**
     * {@code text} with {@code translationOf} naming {@code source} and {@code hash}: the hash line
     * replaced when there is one, the missing lines added otherwise. Package-private for tests.
     */
    Optional<String> edit(String text, String display, String source, String hash, Problems problems) {
        Problems ignored = new Problems();
        Optional<ContentFile> composed = parser.compose(display, "", "", text, ignored);
        if (composed.isEmpty()) {
            problems.addAll(ignored.sorted());
            return Optional.empty();
        }
        YamlMap map = composed.get().frontMatter();
        FrontMatter.Parts parts = composed.get().parts();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String block = "translationOf:\n  source: " + source + "\n  hash: " + hash;
        if (!map.has("translationOf")) {
            int closing = parts.bodyLine() - 1; // the 1-based line of the closing '---'
            lines.add(closing - 1, block);
        } else if (!map.isBlock("translationOf") || map.lineOf("translationOf") == blockLine(map, "source")
                || map.lineOf("translationOf") == blockLine(map, "hash")) {
            // The short form (translationOf: en/x.md) or a one-line {source: ..., hash: ...}: rewrite it whole.
            int line = map.lineOf("translationOf");
            if (!lines.get(line - 1).stripLeading().startsWith("translationOf")) {
                problems.add(Problem.error(display, line, 1, "cannot update 'translationOf' written over several lines",
                        "write it as a block:\n" + block));
                return Optional.empty();
            }
            lines.set(line - 1, block);
        } else {
            YamlMap of = map.map("translationOf").orElseThrow();
            if (of.has("hash")) {
                int line = of.lineOf("hash");
                Matcher m = HASH_VALUE.matcher(lines.get(line - 1));
                if (!m.find()) {
                    problems.add(Problem.error(display, line, 1, "cannot find the hash value to update",
                            "write it on one line: hash: " + hash));
                    return Optional.empty();
                }
                lines.set(line - 1, m.replaceFirst(Matcher.quoteReplacement(m.group(1) + hash)));
            } else {
                int after = of.keys().stream().mapToInt(of::lineOf).max().orElse(map.lineOf("translationOf"));
                String indent = " ".repeat(Math.max(2, of.keys().stream().mapToInt(of::columnOf).min().orElse(3) - 1));
                lines.add(after, indent + "hash: " + hash);
            }
        }
        return Optional.of(String.join("\n", lines));
    }

    private static int blockLine(YamlMap map, String key) {
        return map.map("translationOf").filter(b -> b.has(key)).map(b -> b.lineOf(key)).orElse(-1);
    }
}
