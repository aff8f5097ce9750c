package io.github.broadside.maven;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.scaffold.SiteScaffold;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The init goal maps its properties to the project it creates; {@code -Dtitle} and {@code -DbaseUrl} still work, with a warning. */
class InitMojoTest {
    @TempDir
    Path folder;

    private MavenConfiguration.Configured<InitMojo> configure(Map<String, String> commandLine) {
        return MavenConfiguration.configure("init", folder, commandLine);
    }

    @Test
    void everyPropertyReachesTheEngine() {
        Map<String, String> given = Map.ofEntries(entry("broadside.dir", "friends"),
                entry("broadside.title", "Friends of the Library"),
                entry("broadside.baseUrl", "https://friends.example.org/"), entry("broadside.pluginVersion", "1.2.0"),
                entry("broadside.addMissing", "true"));
        MavenConfiguration.Configured<InitMojo> configured = MavenConfiguration.configureEvery("init", folder, given);
        assertThat(configured.mojo().request()).isEqualTo(new SiteScaffold.Request(folder.resolve("friends"),
                "Friends of the Library", "https://friends.example.org/", "1.2.0", LocalDate.now()));
        assertThat(configured.mojo().addMissing()).isTrue();
        assertThat(configured.warnings()).isEmpty();
    }

    @Test
    void withoutPropertiesItCreatesTheExampleSiteHereForThisVersion() {
        MavenConfiguration.Configured<InitMojo> configured = configure(Map.of());
        assertThat(configured.mojo().request()).isEqualTo(new SiteScaffold.Request(folder, "Our campaigns",
                "https://campaigns.example.org/", MavenConfiguration.PLUGIN_VERSION, LocalDate.now()));
        assertThat(configured.mojo().addMissing()).isFalse();
    }

    @Test
    void theOldNamesStillWorkWithAWarningNamingTheNewOnes() {
        MavenConfiguration.Configured<InitMojo> configured = configure(Map.of("title", "Friends of the Library",
                "baseUrl", "https://friends.example.org/"));
        SiteScaffold.Request request = configured.mojo().request();
        assertThat(request.title()).isEqualTo("Friends of the Library");
        assertThat(request.baseUrl()).isEqualTo("https://friends.example.org/");
        assertThat(configured.warnings()).containsExactlyInAnyOrder(
                "-Dtitle is deprecated: use -Dbroadside.title instead (the old name will stop working)",
                "-DbaseUrl is deprecated: use -Dbroadside.baseUrl instead (the old name will stop working)");
    }

    @Test
    void theNewNameWinsOverTheOldOne() {
        MavenConfiguration.Configured<InitMojo> configured = configure(Map.of("title", "Old",
                "broadside.title", "New"));
        assertThat(configured.mojo().request().title()).isEqualTo("New");
        assertThat(configured.warnings()).containsExactly(
                "-Dtitle is deprecated and ignored, since -Dbroadside.title is given too");
    }
}
