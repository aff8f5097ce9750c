package io.github.broadside.maven;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.content.ActionType;
import io.github.broadside.scaffold.NewPage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new goal maps its properties to the page it asks for; the names it read before they took
 * the {@code broadside.} prefix ({@code -Dtitle}, {@code -Daction}...) still work, with a warning.
 */
class NewMojoTest {
    private static final NewPage.Request TRANSLATION = new NewPage.Request(Optional.of("Alto a las redadas"),
            ActionType.LETTER, Optional.of("es"), Optional.of("en/stop.md"), Optional.of("alto"), LocalDate.now());

    @TempDir
    Path project;

    private MavenConfiguration.Configured<NewMojo> configure(Map<String, String> commandLine) {
        return MavenConfiguration.configure("new", project, commandLine);
    }

    @Test
    void everyPropertyReachesTheEngine() throws MojoExecutionException, MojoFailureException {
        Map<String, String> given = Map.ofEntries(entry("broadside.content", "pages"),
                entry("broadside.title", "Alto a las redadas"), entry("broadside.action", "letter"),
                entry("broadside.lang", "es"), entry("broadside.from", "en/stop.md"), entry("broadside.slug", "alto"));
        MavenConfiguration.Configured<NewMojo> configured = MavenConfiguration.configureEvery("new", project, given);
        assertThat(configured.mojo().options()).isEqualTo(BuildOptions.builder(project).content(Path.of("pages"))
                .build());
        assertThat(configured.mojo().request()).isEqualTo(TRANSLATION);
        assertThat(configured.warnings()).isEmpty();
    }

    @Test
    void theOldNamesStillWorkWithAWarningNamingTheNewOnes() throws MojoFailureException {
        MavenConfiguration.Configured<NewMojo> configured = configure(Map.of("title", "Alto a las redadas",
                "action", "letter", "lang", "es", "from", "en/stop.md", "slug", "alto"));
        assertThat(configured.mojo().request()).isEqualTo(TRANSLATION);
        assertThat(configured.warnings()).containsExactlyInAnyOrder(
                "-Dtitle is deprecated: use -Dbroadside.title instead (the old name will stop working)",
                "-Daction is deprecated: use -Dbroadside.action instead (the old name will stop working)",
                "-Dlang is deprecated: use -Dbroadside.lang instead (the old name will stop working)",
                "-Dfrom is deprecated: use -Dbroadside.from instead (the old name will stop working)",
                "-Dslug is deprecated: use -Dbroadside.slug instead (the old name will stop working)");
        assertThat(MavenConfiguration.properties("new")).as("each warning names a property new reads")
                .contains("broadside.title", "broadside.action", "broadside.lang", "broadside.from", "broadside.slug");
    }

    @Test
    void theNewNameWinsOverTheOldOneEvenAtItsDefault() throws MojoFailureException {
        MavenConfiguration.Configured<NewMojo> configured = configure(Map.of("broadside.action", "petition",
                "action", "call"));
        assertThat(configured.mojo().request().action()).isEqualTo(ActionType.PETITION);
        assertThat(configured.warnings()).containsExactly(
                "-Daction is deprecated and ignored, since -Dbroadside.action is given too");
    }

    @Test
    void withoutPropertiesItAsksForAPetitionInTheDefaultLanguage() throws MojoFailureException {
        assertThat(configure(Map.of()).mojo().request()).isEqualTo(new NewPage.Request(Optional.empty(),
                ActionType.PETITION, Optional.empty(), Optional.empty(), Optional.empty(), LocalDate.now()));
    }

    @Test
    void anUnknownActionIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> configure(Map.of("broadside.action", "march")).mojo().request())
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("-Dbroadside.action=march")
                .hasMessageContaining("petition, letter, call, statement");
    }
}
