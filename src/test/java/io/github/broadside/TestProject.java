package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small Broadside project in a temporary folder for tests: a copy of the real default theme, a
 * {@code content/site.yml}, and whatever content files a test writes. Builds it with the real
 * engine, the way the Maven goal does.
 */
public final class TestProject {
    /** The repository root (Maven runs tests there), which holds content/ and themes/default/. */
    public static final Path REPOSITORY = TestTrees.REPOSITORY;

    private final Path root;

    private TestProject(Path root) {
        this.root = root;
    }

    /** A project with the default theme, a minimal site.yml and no pages yet. */
    public static TestProject create(Path folder) {
        TestProject project = new TestProject(folder);
        TestTrees.copy(REPOSITORY.resolve("themes/default"), folder.resolve("themes/default"));
        project.write("content/site.yml", "title: Test site\nbaseUrl: https://test.example.org/\n");
        return project;
    }

    /** A copy of the repository's sample site: its content/ and themes/. */
    public static TestProject sample(Path folder) {
        SampleProject.copyInto(folder);
        return new TestProject(folder);
    }

    public Path root() {
        return root;
    }

    public Path site() {
        return root.resolve("site");
    }

    /** Writes a UTF-8 text file relative to the project root, creating folders. */
    public TestProject write(String relative, String text) {
        return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestProject writeBytes(String relative, byte[] bytes) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code content/en/<name>} with the given front matter lines and body. */
    public TestProject page(String name, String frontMatter, String body) {
        return write("content/en/" + name, "---\n" + frontMatter + (frontMatter.endsWith("\n") ? "" : "\n")
                + "---\n" + body);
    }

    /** A valid campaign: the smallest front matter that builds. */
    public TestProject campaign(String name, String title) {
        return page(name, "title: \"" + title + "\"\ndate: 2024-05-01\n", "Some text.\n");
    }

    public BuildOptions options() {
        return BuildOptions.builder(root).threads(2).build();
    }

    public BuildResult build() {
        return build(options());
    }

    public BuildResult build(BuildOptions options) {
        try {
            return new SiteBuilder(options).build();
        } catch (BuildFailedException e) {
            throw new AssertionError("the build failed:\n" + e.problems().stream().map(Problem::format)
                    .reduce((a, b) -> a + "\n" + b).orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds, expecting failure, and returns the problems the build reported. */
    public List<Problem> buildFails() {
        return buildFails(options());
    }

    public List<Problem> buildFails(BuildOptions options) {
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class,
                () -> new SiteBuilder(options).build());
        assertThat(failure).as("the build should have failed").isNotNull();
        assertThat(failure.problems()).anyMatch(Problem::isError);
        return failure.problems();
    }

    /** The only error of a failed build (fails the test when there are several). */
    public Problem onlyError() {
        List<Problem> errors = buildFails().stream().filter(Problem::isError).toList();
        assertThat(errors).as("errors of the build").hasSize(1);
        return errors.get(0);
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
