package io.github.broadside.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translated goal maps its properties to the translations it records; {@code -Dfile} still works, with a warning. */
class TranslatedMojoTest {
    @TempDir
    Path project;

    private MavenConfiguration.Configured<TranslatedMojo> configure(Map<String, String> commandLine) {
        return MavenConfiguration.configure("translated", project, commandLine);
    }

    @Test
    void everyPropertyReachesTheEngine() throws MojoExecutionException, MojoFailureException {
        Map<String, String> given = Map.of("broadside.content", "pages",
                "broadside.file", " es/a.md, ,content/ar/a.md ");
        MavenConfiguration.Configured<TranslatedMojo> configured = MavenConfiguration.configureEvery("translated", project, given);
        assertThat(configured.mojo().options()).isEqualTo(BuildOptions.builder(project).content(Path.of("pages"))
                .build());
        assertThat(configured.mojo().files()).containsExactly("es/a.md", "content/ar/a.md");
        assertThat(configured.warnings()).isEmpty();
    }

    @Test
    void theOldNameStillWorksWithAWarningNamingTheNewOne() throws MojoFailureException {
        MavenConfiguration.Configured<TranslatedMojo> configured = configure(Map.of("file", "es/a.md"));
        assertThat(configured.mojo().files()).containsExactly("es/a.md");
        assertThat(configured.warnings()).containsExactly(
                "-Dfile is deprecated: use -Dbroadside.file instead (the old name will stop working)");
    }

    @Test
    void withoutAFileItSaysWhatToGive() {
        assertThatThrownBy(() -> configure(Map.of()).mojo().files()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dbroadside.file=es/");
    }
}
