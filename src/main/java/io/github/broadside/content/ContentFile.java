package io.github.broadside.content;

import io.github.broadside.yaml.YamlMap;
import io.github.broadside.problem.Problems;
import java.util.Objects;
import java.util.Optional;

/**
 * A content file between the load and parse stages: decoded, split, its front matter composed into
 * a {@link YamlMap} but not yet read into a {@link Campaign}. The loader links translations at this
 * point, so that a translation's front matter can inherit what it leaves out from its source.
 *
 * @param file        the file as shown to users, e.g. {@code content/es/stop-unjust-raids.md}
 * @param sourcePath  the path inside the language folder
 * @param frontMatter the front matter; for a linked translation, inheriting from its source's
 * @param problems    this file's own problems (the YAML reports into it)
 * @param key         the translation key (see {@link Translation#key()})
 * @param source      the linked source file as {@code <lang>/<path>}, once linked
 */
public record ContentFile(
        String file,
        String language,
        String sourcePath,
        FrontMatter.Parts parts,
        YamlMap frontMatter,
        Problems problems,
        String key,
        Optional<String> source) {

    public ContentFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
    }

    /** The path inside {@code content/}: {@code es/stop-unjust-raids.md}. */
    public String contentPath() {
        return language + "/" + sourcePath;
    }
}
