package io.github.broadside.maven;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.serve.ServeOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve goal maps its properties to the server's options, and refuses a folder that would overwrite the site. */
class ServeMojoTest {
    @TempDir
    Path project;

    private ServeOptions options(Map<String, String> commandLine) throws MojoExecutionException {
        return MavenConfiguration.<ServeMojo>configure("serve", project, commandLine).mojo().serveOptions();
    }

    @Test
    void everyPropertyReachesTheServer() throws MojoExecutionException {
        Map<String, String> given = Map.ofEntries(entry("broadside.content", "pages"),
                entry("broadside.theme", "themes/ours"), entry("broadside.output", "public"),
                entry("broadside.threads", "2"), entry("broadside.port", "8181"), entry("broadside.host", "0.0.0.0"),
                entry("broadside.serveOutput", "preview"), entry("broadside.submissions", "signed.jsonl"));
        assertThat(MavenConfiguration.<ServeMojo>configureEvery("serve", project, given).mojo().serveOptions()).isEqualTo(new ServeOptions(BuildOptions.builder(project).content(Path.of("pages"))
                .theme(Path.of("themes/ours")).output(Path.of("public")).threads(2).build(), "0.0.0.0", 8181,
                Path.of("preview"), Path.of("signed.jsonl")));
    }

    @Test
    void byDefaultItServesOnLoopbackFromMavensBuildFolder() throws MojoExecutionException {
        assertThat(options(Map.of())).isEqualTo(ServeOptions.defaults(BuildOptions.builder(project).build()));
    }

    @Test
    void aServeFolderInsideTheSiteFolderIsRefused() {
        // serve empties its folder: inside the site build wrote, it would delete the site.
        assertThatThrownBy(() -> options(Map.of("broadside.output", "public", "broadside.serveOutput", "public/x")))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("-Dbroadside.serveOutput");
        assertThatThrownBy(() -> options(Map.of("broadside.port", "70000")))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("-Dbroadside.port=70000");
    }
}
