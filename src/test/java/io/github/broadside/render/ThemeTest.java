package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @TempDir
    Path themes;
    private final Problems problems = new Problems();

    private Path theme(String name, String themeYml) throws IOException {
        Path folder = themes.resolve(name);
        Files.createDirectories(folder.resolve("templates"));
        Files.createDirectories(folder.resolve("assets"));
        if (themeYml != null) {
            Files.writeString(folder.resolve("theme.yml"), themeYml);
        }
        return folder;
    }

    private Optional<Theme> open(String name) {
        return Theme.open(themes.resolve(name), "themes/" + name, problems);
    }

    @Test
    void aThemeWithoutParent() throws IOException {
        Path own = theme("default", "name: Default\n");
        Theme theme = open("default").orElseThrow();
        assertThat(theme.folders()).containsExactly(own);
        assertThat(theme.templateFolders()).containsExactly(own.resolve("templates"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void extendsChainIsFollowedChildFirst() throws IOException {
        Path base = theme("default", null);
        Path middle = theme("brand", "extends: default\n");
        Path site = theme("site", "extends: brand\n");
        Theme theme = open("site").orElseThrow();
        assertThat(theme.folders()).containsExactly(site, middle, base);
        assertThat(theme.foldersParentFirst()).containsExactly(base, middle, site);
        assertThat(theme.templateFolders()).containsExactly(site.resolve("templates"), middle.resolve("templates"),
                base.resolve("templates"));
        assertThat(theme.assetFoldersParentFirst()).containsExactly(base.resolve("assets"), middle.resolve("assets"),
                site.resolve("assets"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aLoopIsAnError() throws IOException {
        theme("a", "extends: b\n");
        theme("b", "extends: a\n");
        assertThat(open("a")).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.location()).isEqualTo("themes/b/theme.yml:1:1");
            assertThat(p.message()).isEqualTo("the themes extend each other in a loop: a -> b -> a");
        });
    }

    @Test
    void aThemeExtendingItselfIsALoop() throws IOException {
        theme("a", "extends: a\n");
        assertThat(open("a")).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message()).contains("loop"));
    }

    @Test
    void missingParentIsAnError() throws IOException {
        theme("site", "name: Site\nextends: defualt\n");
        assertThat(open("site")).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("themes/site/theme.yml:2:1");
            assertThat(p.message()).contains("'defualt' does not exist");
        });
    }

    @Test
    void parentOutsideTheThemesFolderIsRefused() throws IOException {
        theme("site", "extends: ../../etc\n");
        assertThat(open("site")).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void missingFolderIsAnError() {
        assertThat(open("nope")).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("themes/nope");
            assertThat(p.hint()).contains("-Dbroadside.theme");
        });
    }

    @Test
    void badThemeYmlIsReportedWithItsLine() throws IOException {
        theme("site", "name: x\nextends: [a, b]\nextend: default\n");
        open("site");
        assertThat(problems.sorted()).extracting(p -> p.location() + " " + p.severity())
                .containsExactly("themes/site/theme.yml:2:10 ERROR", "themes/site/theme.yml:3:1 WARNING");
    }
}
