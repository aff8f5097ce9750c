package io.github.broadside.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Editor temporary and backup files never trigger a rebuild; content files do. */
class SourceWatcherTest {
    @ParameterizedTest
    @ValueSource(strings = {"sedfADr7C", "sed0a1B2c", "a.md~", ".#a.md", ".a.md.swp", "#a.md#", "4913", "a.md.tmp",
        ".hidden"})
    void editorLeftoversAreIgnored(String name) {
        assertThat(SourceWatcher.ignored(Path.of("content/en", name))).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.md", "sed.md", "sediment.md", "seduce", "site.yml", "style.css"})
    void contentIsWatched(String name) {
        assertThat(SourceWatcher.ignored(Path.of("content/en", name))).as(name).isFalse();
    }
}
