package io.github.broadside.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.CampaignParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, log injection: what content wrote is printed escaped, never as lines of its own. */
class LogTextTest {
    private static final String CRAFTED = "a\r\n::warning file=x::pwned\u001b[2J\u0007\u2028::error::x\u202e";

    @Test
    void controlCharactersAreEscaped() {
        String line = LogText.line(CRAFTED);
        assertThat(line).isEqualTo("a\\r\\n::warning file=x::pwned\\u001b[2J\\u0007\\u2028::error::x\\u202e");
        assertThat(line.chars()).noneMatch(LogText::isUnsafe);
        assertThat(LogText.line("plain C:\\path 'x' é 中文")).isEqualTo("plain C:\\path 'x' é 中文");
    }

    @Test
    void aLineOfContentNeverStartsWithTwoColons() {
        assertThat(LogText.line("::warning::x")).isEqualTo("\\::warning::x");
        assertThat(LogText.line("  ::set-output name=a::b")).isEqualTo("  \\::set-output name=a::b");
        assertThat(LogText.lines("ours\n::add-mask::x\n    hint: fine")).isEqualTo("ours\n\\::add-mask::x\n    hint: fine");
        assertThat(LogText.lines("keeps\r\nits breaks\u001b")).isEqualTo("keeps\nits breaks\\u001b");
    }

    @Test
    void aProblemWithACraftedValuePrintsAsTwoLinesAtMost() {
        Problem problem = Problem.error("content/en/x\n::error::.md", 3, 1, "title '" + CRAFTED + "' is wrong",
                "fix\u0085 it");
        String printed = LogText.lines(problem.format());
        List<String> lines = Arrays.asList(printed.split("\\R", -1));
        assertThat(lines).hasSize(2);
        assertThat(lines).noneMatch(l -> l.strip().startsWith("::"));
        assertThat(printed.chars().filter(c -> c != '\n' && c != '\r')).noneMatch(LogText::isUnsafe);
        assertThat(lines.get(1)).isEqualTo("    hint: fix\\u0085 it");
    }

    @Test
    void aFrontMatterTitleWithALineBreakIsPrintedEscapedInItsProblem() {
        Problems problems = new Problems();
        String crafted = "\"x\\n::warning file=x::pwned\\e\\a\\L\\r\"";
        String text = "---\ntitle: " + crafted + "\ndate: 2024-01-01\naliases: [" + crafted + "]\n" + crafted
                + ": 1\n---\nbody\n";
        new CampaignParser("en").parse("content/en/x.md", "en", "x.md", text, problems);
        assertThat(problems.sorted()).extracting(Problem::format).as("the value is shown, escaped")
                .anyMatch(m -> m.contains("x\\n::warning file=x::pwned\\u001b\\u0007\\u2028\\r"));
        for (Problem problem : problems.sorted()) {
            String printed = LogText.lines(problem.format());
            assertThat(printed.split("\\R")).allSatisfy(l -> assertThat(l.strip()).doesNotStartWith("::"))
                    .hasSizeLessThanOrEqualTo(2);
            assertThat(printed.chars().filter(c -> c != '\n' && c != '\r')).noneMatch(LogText::isUnsafe);
        }
    }
}
