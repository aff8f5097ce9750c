package io.github.broadside.publish;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import io.github.broadside.TestTrees;
import io.github.broadside.problem.BuildFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A copy of the sample project (content/ and themes/) in a temporary folder, for tests that change
 * content or theme before building; and helpers to read what a build wrote.
 */
final class SampleProject {
    /** The repository root, where the sample content and default theme live. */
    static final Path REPO = TestTrees.REPOSITORY;

    final Path root;

    private SampleProject(Path root) {
        this.root = root;
    }

    /** Copies content/ and themes/ of the repository into {@code dir}. */
    static SampleProject copy(Path dir) throws IOException {
        io.github.broadside.SampleProject.copyInto(dir);
        return new SampleProject(dir);
    }

    SampleProject write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    BuildOptions options() {
        return BuildOptions.builder(root).output(root.resolve("site")).build();
    }

    BuildResult build() throws IOException, BuildFailedException {
        return new SiteBuilder(options()).build();
    }

    Path site() {
        return root.resolve("site");
    }

    /** Every file under {@code dir} by its path relative to it, forward slashes, sorted. */
    static Map<String, Path> files(Path dir) {
        return TestTrees.files(dir);
    }

    static List<String> htmlFiles(Path dir) {
        return files(dir).keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    static Document html(Path dir, String path) {
        try {
            return Jsoup.parse(Files.readString(dir.resolve(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path dir, String path) {
        try {
            return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
