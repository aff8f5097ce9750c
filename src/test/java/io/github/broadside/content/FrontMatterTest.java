package io.github.broadside.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static FrontMatter.Parts split(String text) {
        FrontMatter.Result result = FrontMatter.split("content/en/f.md", text);
        assertThat(result).isInstanceOf(FrontMatter.Split.class);
        return ((FrontMatter.Split) result).parts();
    }

    private static Problem missing(String text) {
        FrontMatter.Result result = FrontMatter.split("content/en/f.md", text);
        assertThat(result).isInstanceOf(FrontMatter.Missing.class);
        return ((FrontMatter.Missing) result).problem();
    }

    @Test
    void splitsYamlFromBodyAndKeepsTheirLines() {
        FrontMatter.Parts parts = split("---\ntitle: x\ndate: 2024-01-01\n---\nBody\nmore\n");
        assertThat(parts.yaml()).isEqualTo("title: x\ndate: 2024-01-01\n");
        assertThat(parts.yamlLine()).isEqualTo(2);
        assertThat(parts.body()).isEqualTo("Body\nmore\n");
        assertThat(parts.bodyLine()).isEqualTo(5);
    }

    @Test
    void threeDotsAlsoCloseTheFrontMatter() {
        FrontMatter.Parts parts = split("---\ntitle: x\n...\nBody");
        assertThat(parts.yaml()).isEqualTo("title: x\n");
        assertThat(parts.body()).isEqualTo("Body");
        assertThat(parts.bodyLine()).isEqualTo(4);
    }

    @Test
    void emptyFrontMatterAndEmptyBody() {
        FrontMatter.Parts parts = split("---\n---");
        assertThat(parts.yaml()).isEmpty();
        assertThat(parts.body()).isEmpty();
    }

    @Test
    void dashesInsideTheBodyDoNotSplitAgain() {
        FrontMatter.Parts parts = split("---\ntitle: x\n---\nabove\n---\nbelow\n");
        assertThat(parts.body()).isEqualTo("above\n---\nbelow\n");
    }

    @Test
    void aLineThatOnlyStartsWithDashesDoesNotClose() {
        Problem problem = missing("---\ntitle: x\n----\nBody\n");
        assertThat(problem.message()).contains("never closed");
    }

    @Test
    void missingFrontMatterIsReportedAtLineOne() {
        Problem problem = missing("# Just Markdown\n\ntext\n");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location()).isEqualTo("content/en/f.md:1:1");
        assertThat(problem.message()).contains("no front matter");
        assertThat(problem.hint()).contains("---");
    }

    @Test
    void dashesWithSpacesGetAPreciseHint() {
        Problem problem = missing("--- \ntitle: x\n---\n");
        assertThat(problem.hint()).contains("exactly three dashes");
    }

    @Test
    void unterminatedFrontMatterNamesItsStart() {
        Problem problem = missing("---\ntitle: x\ndate: 2024-01-01\n\nBody without a closing line\n");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("never closed");
        assertThat(problem.hint()).contains("'---'");
    }

    @Test
    void aLoneOpeningLineIsUnterminated() {
        assertThat(missing("---").message()).contains("never closed");
    }
}
