package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nesting that would overflow flexmark's recursion is refused with a problem, never a crash (found by fuzzing). */
class MarkdownLimitsTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void ordinaryNestingIsWithinTheLimits() {
        String md = "> quote\n> > nested\n\n- a\n  - b\n    - c\n      1. d\n\n**bold** and [link](/x/)\n";
        assertThat(MarkdownLimits.check(md)).isEmpty();
        assertThat(renderer.toHtml(md)).contains("<blockquote>", "<strong>bold</strong>");
    }

    @Test
    void deepQuotesAreReportedAtTheirLine() {
        String md = "fine\n\n" + ">".repeat(2000) + " deep\n";
        assertThat(MarkdownLimits.check(md)).get().extracting(MarkdownLimits.Excess::line).isEqualTo(3);
    }

    @Test
    void deepListsAndLongDelimiterRunsAreReported() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            list.append("  ".repeat(i)).append("- item\n");
        }
        assertThat(MarkdownLimits.check(list.toString())).isPresent();
        assertThat(MarkdownLimits.check("*".repeat(MarkdownLimits.MAX_DELIMITER_RUN))).isEmpty();
        assertThat(MarkdownLimits.check("*".repeat(MarkdownLimits.MAX_DELIMITER_RUN + 1))).isPresent();
        assertThat(MarkdownLimits.check("-".repeat(5000))).as("a long rule is fine").isEmpty();
    }

    @Test
    void theRendererNeverThrowsOnTextPastTheLimits() {
        for (String md : List.of(">".repeat(5000) + " x", "*".repeat(5000) + "x" + "*".repeat(5000),
                "[".repeat(5000), "<b>".repeat(3000))) {
            String html = renderer.toHtml(md);
            assertThat(html).doesNotContain("<script");
        }
        assertThat(renderer.toHtml(">".repeat(5000) + " <script>")).startsWith("<p>").contains("&lt;script&gt;");
    }

    @Test
    void aCampaignWithTooDeepABodyIsAProblemAtItsLine() {
        Problems problems = new Problems();
        String text = "---\ntitle: t\ndate: 2024-01-01\n---\nintro\n\n" + ">".repeat(1000) + " deep\n";
        assertThat(new CampaignParser("en").parse("content/en/x.md", "en", "x.md", text, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("nest");
        });
    }

    @Test
    void aFrontMatterFieldTooDeepIsAProblemToo() {
        Problems problems = new Problems();
        String text = "---\ntitle: t\ndate: 2024-01-01\nquote:\n  text: \"" + "[".repeat(500) + "\"\n---\nbody\n";
        new CampaignParser("en").parse("content/en/x.md", "en", "x.md", text, problems);
        assertThat(problems.sorted()).extracting(Problem::message).anyMatch(m -> m.contains("'['"));
    }
}
