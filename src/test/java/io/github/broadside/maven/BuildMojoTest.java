package io.github.broadside.maven;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build goal passes what the command line says to the engine: each {@code -Dbroadside.*}
 * property of the generated descriptor reaches the {@link BuildOptions}, and an absent one leaves
 * the conventional layout with the card cache in Maven's build folder.
 */
class BuildMojoTest {
    @TempDir
    Path project;

    private BuildOptions options(Map<String, String> commandLine) throws MojoExecutionException {
        return MavenConfiguration.<BuildMojo>configure("build", project, commandLine).mojo().options();
    }

    @Test
    void everyPropertyReachesTheEngine() throws MojoExecutionException {
        Map<String, String> given = Map.ofEntries(entry("broadside.content", "pages"),
                entry("broadside.theme", "themes/ours"), entry("broadside.output", "public"),
                entry("broadside.baseUrl", " https://preview.example.org/ "), entry("broadside.drafts", "true"),
                entry("broadside.threads", "3"), entry("broadside.compress", "true"),
                entry("broadside.failOnStale", "true"), entry("broadside.cache", "build-cache"),
                entry("broadside.force", "true"), entry("broadside.skip", "false"));
        assertThat(MavenConfiguration.<BuildMojo>configureEvery("build", project, given).mojo().options()).isEqualTo(BuildOptions.builder(project).content(Path.of("pages"))
                .theme(Path.of("themes/ours")).output(Path.of("public")).baseUrl("https://preview.example.org/")
                .drafts(true).threads(3).compress(true).failOnStale(true).cache(Path.of("build-cache")).force(true)
                .build());
    }

    @Test
    void withoutPropertiesItBuildsTheConventionalLayoutWithTheCardCache() throws MojoExecutionException {
        assertThat(options(Map.of())).isEqualTo(BuildOptions.builder(project).cache(Path.of("target/broadside"))
                .build());
        assertThat(options(Map.of("broadside.baseUrl", "  ")).baseUrl()).as("a blank override is no override")
                .isEmpty();
        assertThat(options(Map.of("broadside.drafts", "false")).drafts()).contains(false);
    }

    @Test
    void aNegativeThreadCountIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> options(Map.of("broadside.threads", "-2"))).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dbroadside.threads=-2").hasMessageContaining("0 for one per processor");
    }

    @Test
    void skipLeavesAnEmptyFolderAlone() throws Exception {
        BuildMojo skipped = MavenConfiguration.<BuildMojo>configure("build", project,
                Map.of("broadside.skip", "true")).mojo();
        skipped.execute();
        BuildMojo run = MavenConfiguration.<BuildMojo>configure("build", project, Map.of()).mojo();
        assertThatThrownBy(run::execute).as("without skip, a folder with no content fails the build")
                .isInstanceOf(org.apache.maven.plugin.MojoFailureException.class);
    }
}
