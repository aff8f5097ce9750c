package io.github.broadside.maven;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.problem.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check goal reads the same overrides as build, its own thread count and the build's card
 * cache (so a check does not draw every share card again), and its failure level.
 */
class CheckMojoTest {
    @TempDir
    Path project;

    private CheckMojo mojo(Map<String, String> commandLine) {
        return MavenConfiguration.<CheckMojo>configure("check", project, commandLine).mojo();
    }

    @Test
    void everyPropertyReachesTheEngine() throws MojoExecutionException {
        Map<String, String> given = Map.ofEntries(entry("broadside.content", "pages"),
                entry("broadside.theme", "themes/ours"), entry("broadside.baseUrl", "https://preview.example.org/"),
                entry("broadside.drafts", "false"), entry("broadside.threads", "5"),
                entry("broadside.failOnStale", "true"), entry("broadside.cache", "build-cache"),
                entry("broadside.failOn", "Warnings"), entry("broadside.skip", "false"));
        CheckMojo mojo = MavenConfiguration.<CheckMojo>configureEvery("check", project, given).mojo();
        assertThat(mojo.options()).isEqualTo(BuildOptions.builder(project).content(Path.of("pages"))
                .theme(Path.of("themes/ours")).baseUrl("https://preview.example.org/").drafts(false).threads(5)
                .failOnStale(true).cache(Path.of("build-cache")).build());
        assertThat(mojo.threshold()).isEqualTo(Severity.WARNING);
    }

    @Test
    void byDefaultItUsesEveryProcessorAndTheBuildsCardCacheAndFailsOnErrors() throws MojoExecutionException {
        CheckMojo mojo = mojo(Map.of());
        assertThat(mojo.options()).isEqualTo(BuildOptions.builder(project).cache(Path.of("target/broadside")).build());
        assertThat(mojo.options().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(mojo.threshold()).isEqualTo(Severity.ERROR);
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> mojo(Map.of("broadside.failOn", "never")).threshold())
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("-Dbroadside.failOn=never");
    }
}
