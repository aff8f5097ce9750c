package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder makes options relative to the project, and refuses a missing or impossible value as it is given. */
class BuildOptionsTest {
    @TempDir
    Path project;

    @Test
    void theBuilderStartsFromTheConventionalLayoutUnderTheProject() {
        BuildOptions options = BuildOptions.builder(project).build();
        assertThat(options.contentDir()).isEqualTo(project.resolve("content"));
        assertThat(options.themeDir()).isEqualTo(project.resolve("themes/default"));
        assertThat(options.outputDir()).isEqualTo(project.resolve("site"));
        assertThat(options.baseUrl()).isEmpty();
        assertThat(options.drafts()).isEmpty();
        assertThat(options.cacheDir()).isEmpty();
        assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.compress() || options.failOnStale() || options.force()).isFalse();
        assertThat(BuildOptions.defaults(project)).isEqualTo(options);
    }

    @Test
    void toBuilderKeepsEveryValueAndChangesOnlyWhatItIsTold() {
        BuildOptions options = BuildOptions.builder(project).content(Path.of("pages")).theme(Path.of("themes/ours"))
                .output(Path.of("../public")).baseUrl("https://example.org/").drafts(false).threads(3).compress(true)
                .failOnStale(true).cache(Path.of("cache")).force(true).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        BuildOptions moved = options.toBuilder().output(Path.of("elsewhere")).build();
        assertThat(moved.outputDir()).isEqualTo(project.resolve("elsewhere"));
        assertThat(moved.toBuilder().output(Path.of("../public")).build()).isEqualTo(options);
        assertThat(options.outputDir()).isEqualTo(project.getParent().resolve("public"));
        assertThat(options.cacheDir()).contains(project.resolve("cache"));
    }

    @Test
    void aMissingOrImpossibleValueIsRefusedAtTheDoorNamingIt() {
        BuildOptions.Builder builder = BuildOptions.builder(project);
        assertThatThrownBy(() -> BuildOptions.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("project folder");
        assertThatThrownBy(() -> builder.content(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("the content folder must be given (it was null)");
        assertThatThrownBy(() -> builder.output(null)).hasMessageContaining("the output folder");
        assertThatThrownBy(() -> builder.cache(null)).hasMessageContaining("the cache folder");
        assertThatThrownBy(() -> builder.threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, not 0");
        assertThatThrownBy(() -> builder.baseUrl(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave it out to use site.yml's");
        assertThat(builder.build()).as("a refused value leaves the builder as it was")
                .isEqualTo(BuildOptions.builder(project).build());
    }
}
