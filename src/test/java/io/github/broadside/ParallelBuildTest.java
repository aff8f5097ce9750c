package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.bench.CorpusGenerator;
import io.github.broadside.problem.BuildFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel build writes exactly what the sequential one does, and still publishes atomically. */
class ParallelBuildTest {
    private static final Path THEME = Path.of("themes", "default").toAbsolutePath();

    @TempDir
    Path project;

    @Test
    void parallelOutputIsByteIdenticalToSequentialOutput() throws Exception {
        CorpusGenerator.generate(project, 60, 3, CorpusGenerator.Flavour.BROADSIDE);
        BuildResult one = new SiteBuilder(options(1, "site-1")).build();
        BuildResult four = new SiteBuilder(options(4, "site-4")).build();

        Map<String, byte[]> sequential = TestTrees.contents(project.resolve("site-1"));
        Map<String, byte[]> parallel = TestTrees.contents(project.resolve("site-4"));
        assertThat(sequential).hasSizeGreaterThan(60);
        assertThat(parallel.keySet()).isEqualTo(sequential.keySet());
        sequential.forEach((path, bytes) -> assertThat(parallel.get(path)).as(path).isEqualTo(bytes));
        assertThat(four.pagesPerLanguage()).isEqualTo(one.pagesPerLanguage()).containsOnlyKeys("en", "es", "fr");
        assertThat(four.filesWritten()).isEqualTo(one.filesWritten());
    }

    @Test
    void aPageThatFailsToRenderLeavesThePreviousSiteAsItWas() throws Exception {
        CorpusGenerator.generate(project, 12, 1, CorpusGenerator.Flavour.BROADSIDE);
        Path theme = project.resolve("theme");
        TestTrees.copy(THEME, theme);
        BuildOptions options = options(2, "site").toBuilder().theme(theme).build();
        new SiteBuilder(options).build();
        Map<String, byte[]> before = TestTrees.contents(project.resolve("site"));

        // One page of twelve fails while the others are being written into the staging folder.
        Path template = theme.resolve("templates/campaign.peb");
        Files.writeString(template, Files.readString(template).replace("{% block main %}",
                "{% block main %}{% if campaign.slug == 'campaign-00007' %}{% include 'no-such-template' %}{% endif %}"));
        assertThatThrownBy(() -> new SiteBuilder(options).build()).isInstanceOf(BuildFailedException.class);

        Map<String, byte[]> after = TestTrees.contents(project.resolve("site"));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        try (Stream<Path> siblings = Files.list(project)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".site."));
        }
    }

    private BuildOptions options(int threads, String output) {
        return BuildOptions.builder(project).theme(THEME).output(Path.of(output)).threads(threads).build();
    }
}
