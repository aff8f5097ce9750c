package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    /**
     * Issue 13: flexmark copied the whole paragraph for every link (quadratic). 20,000 links took
     * about 23 s of CPU before the fix and under 1 s after; CPU time, not wall time, so a busy
     * machine does not make the test flaky.
     */
    @Test
    void aParagraphOfTwentyThousandLinksRendersInLinearTime() {
        String md = "[a](b) ".repeat(20_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        String html = renderer.toHtml(md);
        double seconds = (threads.getCurrentThreadCpuTime() - before) / 1e9;
        assertThat(MarkdownLimits.check(md)).as("an ordinary paragraph of links is within the limits").isEmpty();
        assertThat(html).startsWith("<p><a href=\"b\">a</a> <a href=\"b\">a</a>");
        assertThat(html.split("<a href", -1)).hasSize(20_001);
        assertThat(seconds).as("CPU seconds for 140 KB of links").isLessThan(8);
    }

    @Test
    void aParagraphOfTooManyLinesIsReportedAtItsFirstLine() {
        String md = "intro\n\n" + "a line\n".repeat(MarkdownLimits.MAX_PARAGRAPH_LINES) + "\n"
                + "| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(MarkdownLimits.MAX_PARAGRAPH_LINES);
        assertThat(MarkdownLimits.check(md)).get().satisfies(e -> {
            assertThat(e.line()).isEqualTo(MarkdownLimits.MAX_PARAGRAPH_LINES + 4);
            assertThat(e.message()).contains("more than " + MarkdownLimits.MAX_PARAGRAPH_LINES + " lines");
            assertThat(e.hint()).contains("blank line");
        });
        String fine = "a line\n".repeat(MarkdownLimits.MAX_PARAGRAPH_LINES) + "\n" + "more\n".repeat(10);
        assertThat(MarkdownLimits.check(fine)).isEmpty();
        assertThat(MarkdownLimits.check("- item\n".repeat(3000))).as("a long tight list").isEmpty();
        assertThat(MarkdownLimits.check("1. item\n   more\n".repeat(3000))).as("a long numbered list").isEmpty();
        assertThat(MarkdownLimits.check("```\n" + "code\n".repeat(3000) + "```\n")).as("a long code block").isEmpty();
    }

    @Test
    void linksWithoutASpaceBetweenThemAreBounded() {
        String unclosed = "text " + "[a](b".repeat(MarkdownLimits.MAX_LINKS_WITHOUT_SPACE + 1);
        assertThat(MarkdownLimits.check("ok\n" + unclosed)).get().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("without a space");
        });
        assertThat(MarkdownLimits.check("[a](b)".repeat(MarkdownLimits.MAX_LINKS_WITHOUT_SPACE))).isEmpty();
        assertThat(MarkdownLimits.check("[a](b) ".repeat(5000))).isEmpty();
        assertThat(renderer.toHtml(unclosed)).startsWith("<p>text [a](b");
    }

    @Test
    void aCampaignWithTooLongAParagraphIsAProblemAtItsLine() {
        Problems problems = new Problems();
        String text = "---\ntitle: t\ndate: 2024-01-01\n---\nintro\n\n" + "line\n".repeat(1000);
        assertThat(new CampaignParser("en").parse("content/en/x.md", "en", "x.md", text, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/x.md");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("paragraph");
            assertThat(p.hint()).contains("blank line");
        });
    }
}
