package io.github.broadside.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.incremental.IncrementalBuild;
import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger's pull request can hold symbolic links: each place that reads the project's files
 * refuses them with a problem naming the link, so no file outside the project is read or
 * published (issue 13, case 1). Each test failed before {@link ProjectFiles}: the linked file
 * was read, and its text published.
 */
class SymbolicLinkBuildTest {
    private static final String SECRET = "CI_TOKEN=ghp_planted_secret_value";

    @TempDir
    Path dir;
    Path outside;
    TestProject project;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("environ"), SECRET + "\n");
        project = TestProject.create(dir.resolve("project")).campaign("a.md", "A campaign");
    }

    private void link(String relative, Path target) throws IOException {
        Path link = project.root().resolve(relative);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    private void assertRefused(String linkPath) {
        List<Problem> problems = project.buildFails();
        assertThat(problems).filteredOn(Problem::isError)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(linkPath);
                    assertThat(p.message()).contains("symbolic link");
                    assertThat(p.hint()).contains("copy");
                });
        assertThat(problems.toString()).doesNotContain("ghp_planted");
        assertThat(project.site()).doesNotExist();
    }

    @Test
    void aLinkedStaticFileIsRefused() throws IOException {
        link("content/static/env.txt", outside.resolve("environ"));
        assertRefused("content/static/env.txt");
    }

    @Test
    void aLinkedStaticFolderIsRefused() throws IOException {
        link("content/static/etc", outside);
        assertRefused("content/static/etc");
    }

    @Test
    void aLinkedContentPageIsRefused() throws IOException {
        Files.writeString(outside.resolve("page.md"), "---\ntitle: \"" + SECRET + "\"\n---\nBody\n");
        link("content/en/linked.md", outside.resolve("page.md"));
        assertRefused("content/en/linked.md");
    }

    @Test
    void aLinkedI18nBundleIsRefused() throws IOException {
        Files.writeString(outside.resolve("en.yml"), "site.title: \"" + SECRET + "\"\n");
        link("content/i18n/en.yml", outside.resolve("en.yml"));
        assertRefused("content/i18n/en.yml");
    }

    @Test
    void aLinkedSiteYmlIsRefused() throws IOException {
        Files.writeString(outside.resolve("site.yml"), "title: \"" + SECRET + "\"\n");
        Files.delete(project.root().resolve("content/site.yml"));
        link("content/site.yml", outside.resolve("site.yml"));
        assertRefused("content/site.yml");
    }

    @Test
    void aLinkedThemeAssetIsRefused() throws IOException {
        link("themes/default/assets/env.css", outside.resolve("environ"));
        assertRefused("themes/default/assets/env.css");
    }

    @Test
    void aLinkedTemplateIncludeIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret.peb"), SECRET);
        link("themes/default/templates/secret.peb", outside.resolve("secret.peb"));
        Path base = project.root().resolve("themes/default/templates/base.peb");
        Files.writeString(base, Files.readString(base).replaceFirst("</body>", "{% include \"secret\" %}</body>"));
        assertRefused("themes/default/templates/secret.peb");
    }

    @Test
    void aLinkedThemeYmlIsRefused() throws IOException {
        Files.writeString(outside.resolve("theme.yml"), "name: x\n");
        Files.deleteIfExists(project.root().resolve("themes/default/theme.yml"));
        link("themes/default/theme.yml", outside.resolve("theme.yml"));
        assertRefused("themes/default/theme.yml");
    }

    @Test
    void aLinkedFontIsRefused() throws IOException {
        link("themes/default/fonts/z.ttf", outside.resolve("environ"));
        assertRefused("themes/default/fonts/z.ttf");
    }

    @Test
    void hiddenFilesAtAnyDepthAreNotPublished() throws IOException {
        project.write("content/static/img/.DS_Store", "junk").write("content/static/img/logo.txt", "logo")
                .write("content/static/.well-known/x.txt", "x").write("content/static/img/.cache/y.txt", "y");
        project.build();
        assertThat(project.site().resolve("img/logo.txt")).exists();
        assertThat(project.site().resolve("img/.DS_Store")).doesNotExist();
        assertThat(project.site().resolve("img/.cache")).doesNotExist();
        assertThat(project.site().resolve(".well-known")).doesNotExist();
    }

    @Test
    void serveNeitherCopiesNorServesALinkedStaticFile() throws IOException {
        link("content/static/env.txt", outside.resolve("environ"));
        Path output = dir.resolve("serve-site");
        IncrementalBuild build = new IncrementalBuild(project.options().toBuilder().output(output).drafts(true).build());
        IncrementalBuild.Update update = build.full();
        assertThat(update.copies()).doesNotContainKey("env.txt");
        assertThat(build.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("content/static/env.txt"));
    }

    @Test
    void theGuardRefusesALinkedFolderOnTheWayAndARealLocationOutside() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("via"), outside);
        ProjectFiles files = ProjectFiles.trusting(root);
        assertThat(files.refusal(root.resolve("via/environ"))).isPresent();
        assertThat(files.refusal(outside.resolve("environ"))).isPresent();
        Files.writeString(root.resolve("plain.txt"), "ok", StandardCharsets.UTF_8);
        assertThat(files.refusal(root.resolve("plain.txt"))).isEmpty();
        assertThat(ProjectFiles.hidden("img/.DS_Store")).isTrue();
        assertThat(ProjectFiles.hidden("img/logo.png")).isFalse();
    }
}
