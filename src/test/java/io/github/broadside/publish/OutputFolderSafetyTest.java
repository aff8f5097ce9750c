package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build replaces its output folder as a whole, so a folder Broadside did not write is refused
 * unless forced (issue 13, case 6: {@code -Dbroadside.output=$HOME} deleted a home folder), and a
 * build stopped between the swap's two renames leaves a site that the next build restores, even
 * a failing one (case 8 of the report, item 7 of the work).
 */
class OutputFolderSafetyTest {
    @TempDir
    Path dir;
    TestProject project;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        project = TestProject.create(dir.resolve("project")).campaign("a.md", "A");
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings/>");
        Files.createDirectories(home.resolve("Documents"));
    }

    @Test
    void aFolderOfSomeoneElsesFilesIsRefused() {
        List<Problem> problems = project.buildFails(project.options().toBuilder().output(home).build());
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("-Dbroadside.output");
            assertThat(p.message()).contains("did not write");
            assertThat(p.hint()).contains("-Dbroadside.force=true");
        });
        assertThat(home.resolve(".m2/settings.xml")).exists();
        assertThat(home.resolve("Documents")).isDirectory();
    }

    @Test
    void aFileGivenAsTheOutputIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(project.buildFails(project.options().toBuilder().output(file).build())).filteredOn(Problem::isError)
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is a file"));
        assertThat(file).hasContent("mine");
    }

    @Test
    void forcingReplacesIt() {
        project.build(project.options().toBuilder().output(home).force(true).build());
        assertThat(home.resolve(SiteWriter.MARKER)).exists();
        assertThat(home.resolve(".m2")).doesNotExist();
    }

    @Test
    void aMissingOrEmptyFolderAndOurOwnSitesAreReplaced() throws IOException {
        project.build();
        assertThat(project.site().resolve(SiteWriter.MARKER)).exists();
        project.build(); // marked by the first build
        Files.createDirectories(dir.resolve("empty"));
        project.build(project.options().toBuilder().output(dir.resolve("empty")).build());
    }

    @Test
    void aSiteOfAVersionBeforeTheMarkerIsReplaced() throws IOException {
        project.build();
        Files.delete(project.site().resolve(SiteWriter.MARKER)); // as an older version left it
        assertThat(project.site().resolve("_headers")).exists();
        project.build();
        assertThat(project.site().resolve(SiteWriter.MARKER)).exists();
    }

    @Test
    void aStopBetweenTheTwoRenamesIsRepairedByTheNextBuildEvenAFailingOne() throws IOException {
        project.build();
        Path site = project.site();
        // What a kill after the first rename leaves: no site/, the old site aside.
        Path aside = site.resolveSibling(".site.old-123");
        Files.move(site, aside);
        project.page("broken.md", "title: [unclosed\n", "x");
        project.buildFails();
        assertThat(site.resolve("index.html")).as("the old site is back").exists();
        assertThat(aside).doesNotExist();
    }

    @Test
    void theWriterRestoresTheNewestOldSiteBeforeStaging() throws IOException {
        Path output = dir.resolve("out/site");
        Files.createDirectories(output.resolveSibling(".site.old-1"));
        Files.writeString(output.resolveSibling(".site.old-1/index.html"), "old");
        SiteWriter writer = new SiteWriter(output);
        assertThat(writer.recover()).isPresent();
        assertThat(output.resolve("index.html")).hasContent("old");
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(new Page("index.html", "new".getBytes(StandardCharsets.UTF_8)));
            staging.commit();
        }
        assertThat(output.resolve("index.html")).hasContent("new");
        assertThat(output.resolve(SiteWriter.MARKER)).exists();
    }
}
