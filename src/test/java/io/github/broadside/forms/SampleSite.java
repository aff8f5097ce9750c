package io.github.broadside.forms;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.TestTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The sample site of the repository, built once per test class into a temporary folder. */
final class SampleSite {
    /** The project root: tests run with the module folder as working directory. */
    static final Path PROJECT = Path.of("").toAbsolutePath();

    private SampleSite() {
    }

    static Path build(Path output) {
        try {
            new SiteBuilder(BuildOptions.builder(PROJECT).output(output).build()).build();
            return output;
        } catch (Exception e) {
            throw new IllegalStateException("the sample site did not build: " + e.getMessage()
                    + (e instanceof io.github.broadside.problem.BuildFailedException f ? "\n" + f.problems() : ""), e);
        }
    }

    /** A copy of the sample content in {@code dir}, to change site.yml or a page without touching the real one. */
    static Path copyContent(Path dir) {
        return TestTrees.copy(PROJECT.resolve("content"), dir);
    }

    static Document page(Path site, String path) {
        try {
            Path file = site.resolve(path);
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "https://broadside.example.org/" + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
