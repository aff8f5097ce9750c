package io.github.broadside.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translations goal maps its properties to the content it reads, the report it writes and whether stale fails it. */
class TranslationsMojoTest {
    @TempDir
    Path project;

    private TranslationsMojo mojo(Map<String, String> commandLine) {
        return MavenConfiguration.<TranslationsMojo>configure("translations", project, commandLine).mojo();
    }

    @Test
    void everyPropertyReachesTheEngine() throws MojoExecutionException {
        Map<String, String> given = Map.of("broadside.content", "pages",
                "broadside.translationsReport", "reports/translations.json", "broadside.failOnStale", "true");
        TranslationsMojo mojo = MavenConfiguration.<TranslationsMojo>configureEvery("translations", project, given).mojo();
        assertThat(mojo.options()).isEqualTo(BuildOptions.builder(project).content(Path.of("pages")).build());
        assertThat(mojo.reportFile()).isEqualTo(project.resolve("reports/translations.json"));
        assertThat(mojo.failOnStale()).isTrue();
    }

    @Test
    void byDefaultItWritesTheReportInTargetAndWarnsAboutStaleTranslations() throws MojoExecutionException {
        TranslationsMojo mojo = mojo(Map.of());
        assertThat(mojo.options()).isEqualTo(BuildOptions.builder(project).build());
        assertThat(mojo.reportFile()).isEqualTo(project.resolve("target/broadside-translations.json"));
        assertThat(mojo.failOnStale()).isFalse();
    }
}
