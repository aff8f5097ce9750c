package io.github.broadside.i18n;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SampleProject;
import io.github.broadside.SiteBuilder;
import io.github.broadside.TestTrees;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A copy of the project's sample site ({@code content/} and {@code themes/}) in a temporary folder,
 * so a test can edit sources, add a language or change site.yml, build it, and read the pages.
 */
public final class SampleCopy {
    public final Path root;

    private SampleCopy(Path root) {
        this.root = root;
    }

    /** The project folder: Surefire's {@code basedir}, or the working directory. */
    public static Path projectDir() {
        return TestTrees.REPOSITORY;
    }

    /** Copies content/ and themes/ of the project into {@code dir}. */
    public static SampleCopy in(Path dir) {
        SampleProject.copyInto(dir);
        return new SampleCopy(dir);
    }

    public Path content(String path) {
        return root.resolve("content").resolve(path);
    }

    public Path site() {
        return root.resolve("site");
    }

    public String read(String contentPath) {
        try {
            return Files.readString(content(contentPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String contentPath, String text) {
        try {
            Files.createDirectories(content(contentPath).getParent());
            Files.writeString(content(contentPath), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code old} in a content file. */
    public void replace(String contentPath, String old, String replacement) {
        String text = read(contentPath);
        if (!text.contains(old)) {
            throw new AssertionError(contentPath + " does not contain: " + old);
        }
        write(contentPath, text.replace(old, replacement));
    }

    public BuildOptions options() {
        return BuildOptions.builder(root).output(site()).build();
    }

    /** Builds the copy; a failed build fails the test with its problems. */
    BuildResult build() {
        return build(options());
    }

    BuildResult build(BuildOptions options) {
        try {
            return new SiteBuilder(options).build();
        } catch (BuildFailedException e) {
            throw new AssertionError("the site did not build:\n" + e.problems().stream().map(Problem::format)
                    .collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page at site path {@code /es/x/}, parsed. */
    Document page(String sitePath) {
        return parse(site(), sitePath);
    }

    static Document parse(Path site, String sitePath) {
        Path file = site.resolve(sitePath.substring(1)).resolve("index.html");
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://broadside.example.org" + sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every HTML file under {@code site}, relative, with forward slashes, sorted. */
    static List<String> htmlFiles(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
