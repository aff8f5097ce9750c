package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeVariablesTest {
    @TempDir
    Path tmp;

    @Test
    void colorsAndFontsBecomeCustomPropertiesOnRoot() {
        Problems problems = new Problems();
        ThemeVariables vars = ThemeVariables.parse("themes/ours/theme.yml", """
                name: Ours
                colors:
                  accent: "#005ea5"
                  accent-ink: white
                  link: rgb(0 48 120)
                fonts:
                  body: '"Atkinson Hyperlegible", system-ui, sans-serif'
                """, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(vars.css()).contains(":root {", "--accent: #005ea5;", "--accent-ink: white;", "--link: rgb(0 48 120);",
                "--font-body: \"Atkinson Hyperlegible\", system-ui, sans-serif;");
    }

    @Test
    void aValueThatCouldInjectCssIsAnErrorAtItsLine() {
        Problems problems = new Problems();
        ThemeVariables vars = ThemeVariables.parse("themes/ours/theme.yml", """
                colors:
                  accent: "red; } body { background: url(https://tracker.example/x)"
                fonts:
                  body: "x; } @import url(https://evil.example/a.css)"
                """, problems);
        assertThat(vars.css()).isEmpty();
        List<Problem> errors = problems.sorted().stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::line).containsExactly(2, 4);
        assertThat(errors.get(0).message()).contains("not a colour");
        assertThat(errors.get(0).hint()).contains("#a3161a");
        assertThat(errors.get(1).message()).contains("not a list of font family names");
    }

    @Test
    void anUnknownColourNameIsAWarningWithTheKnownOnes() {
        Problems problems = new Problems();
        ThemeVariables.parse("themes/ours/theme.yml", "colors:\n  acent: '#000'\n", problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.hint()).contains("accent");
        });
    }

    @Test
    void aChildThemeOverridesItsParentKeyByKeyAndTheBuildAppendsThemToTheStylesheet() throws IOException {
        TestProject project = TestProject.create(tmp);
        project.write("themes/default/theme.yml", "name: Default\ncolors:\n  accent: '#a3161a'\n  link: '#0b4f9c'\n");
        project.write("themes/ours/theme.yml", "extends: default\ncolors:\n  accent: '#005ea5'\n");
        project.campaign("a.md", "A");
        project.build(project.options().toBuilder().theme(Path.of("themes", "ours")).build());
        String css;
        try (Stream<Path> files = Files.list(project.site().resolve("assets"))) {
            Path style = files.filter(f -> f.getFileName().toString().matches("style\\.[0-9a-f]+\\.css")).findFirst()
                    .orElseThrow();
            css = Files.readString(style);
        }
        String appended = css.substring(css.lastIndexOf(":root {"));
        assertThat(appended).contains("--accent: #005ea5;", "--link: #0b4f9c;").doesNotContain("#a3161a");
        // the stylesheet reads the variables it is given
        assertThat(css).contains("background: var(--accent)");
    }
}
