package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed build leaves the previous site byte for byte; a successful one leaves nothing stale. */
class AtomicBuildTest {
    @TempDir
    Path dir;
    private TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(dir);
        project.page("first.md", "title: First\ndate: 2024-01-01\ntags: [one]\n", "First text.\n");
        project.page("second.md", "title: Second\ndate: 2024-01-02\n", "Second text.\n");
    }

    /** Every file of the site with its bytes. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(project.site())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(project.site().relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private List<String> hiddenLeftovers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList();
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteByteForByte() throws IOException {
        project.build();
        Map<String, byte[]> before = snapshot();
        assertThat(before).containsKeys("index.html", "first/index.html", "second/index.html", "tags/one/index.html");

        // A good edit and a broken campaign: neither may reach site/.
        project.page("first.md", "title: First, edited\ndate: 2024-01-01\n", "Edited.\n");
        project.page("broken.md", "title: Broken\ndate: 2024-01-01\nstatus: paused\n", "Text\n");
        List<Problem> problems = project.buildFails();

        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("content/en/broken.md:4:9");
            assertThat(p.message()).isEqualTo("unknown status 'paused'");
        });
        Map<String, byte[]> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void aTemplateErrorAlsoLeavesThePreviousSite() throws IOException {
        project.build();
        Map<String, byte[]> before = snapshot();
        Files.writeString(dir.resolve("themes/default/templates/campaign.peb"), "{% if %}");
        project.buildFails();
        assertThat(snapshot().keySet()).isEqualTo(before.keySet());
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void staleFilesDoNotSurviveARebuild() throws IOException {
        project.build();
        Files.writeString(project.site().resolve("left-by-hand.html"), "stale");
        Files.delete(dir.resolve("content/en/second.md"));
        project.page("first.md", "title: First\ndate: 2024-01-01\n", "No tags now.\n");
        project.build();
        Map<String, byte[]> after = snapshot();
        assertThat(after).doesNotContainKeys("second/index.html", "tags/one/index.html", "tags/index.html",
                "left-by-hand.html");
        assertThat(after).containsKeys("index.html", "first/index.html");
        assertThat(after.keySet()).anyMatch(path -> path.matches("assets/style\\.[0-9a-f]{8}\\.css"));
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void leftoversOfAnInterruptedBuildAreCleanedUp() throws IOException {
        Files.createDirectories(dir.resolve(".site.tmp-1/first"));
        Files.createDirectories(dir.resolve(".site.old-2"));
        project.build();
        assertThat(hiddenLeftovers()).isEmpty();
        assertThat(project.site().resolve("index.html")).isRegularFile();
    }

    @Test
    void aFailedFirstBuildCreatesNoSite() throws IOException {
        project.page("broken.md", "title: Broken\n", "Text\n");
        project.buildFails();
        assertThat(project.site()).doesNotExist();
        assertThat(hiddenLeftovers()).isEmpty();
    }
}
