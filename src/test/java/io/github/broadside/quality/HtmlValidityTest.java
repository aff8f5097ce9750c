package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated page and stylesheet of the sample site passes the Nu HTML Checker with no errors.
 * Failures list each message as {@code file:line:column: message}, relative to the built site.
 */
class HtmlValidityTest {
    private static NuHtmlChecker checker;

    @BeforeAll
    static void loadSchema() {
        checker = new NuHtmlChecker();
    }

    static List<String> pages() {
        return SampleSite.get().htmlPages();
    }

    static List<String> stylesheets() {
        return SampleSite.get().stylesheets();
    }

    @Test
    void theSampleSiteHasPagesAndAStylesheetToCheck() {
        assertThat(pages()).contains("index.html").hasSizeGreaterThan(5);
        assertThat(stylesheets()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageIsValidHtml(String page) {
        List<String> errors = checker.checkHtml(SampleSite.get().root().resolve(page), page);
        assertThat(errors).as("Nu HTML Checker errors in %s", page).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stylesheets")
    void stylesheetIsValidCss(String css) {
        List<String> errors = checker.checkCss(SampleSite.get().root().resolve(css), css);
        assertThat(errors).as("Nu CSS errors in %s", css).isEmpty();
    }

    /** The numbered list pages (not in the sample, which fits on one page): page navigation included. */
    @Test
    void numberedListPagesAreValidHtml(@TempDir Path dir) {
        io.github.broadside.TestProject project = io.github.broadside.TestProject.create(dir);
        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\npagination: {pageSize: 1}\n");
        for (int i = 1; i <= 7; i++) {
            project.page("c" + i + ".md", "title: C" + i + "\ndate: 2024-01-1" + i + "\ntags: [water]\n", "Text.\n");
        }
        project.build();
        for (String page : List.of("index.html", "page/4/index.html", "page/7/index.html",
                "tags/water/page/2/index.html")) {
            assertThat(checker.checkHtml(project.site().resolve(page), page)).as(page).isEmpty();
        }
    }

    /** Guards the guard: a checker that silently accepts everything would make the tests above pass. */
    @Test
    void theCheckerReportsBrokenHtmlWithItsLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>t</title></head>
                <body>
                <p>one <div>block in a paragraph</p>
                <img src="x.png">
                <label for="nowhere">Name</label>
                </body>
                </html>
                """);
        List<String> errors = checker.checkHtml(broken, "broken.html");
        assertThat(errors).anyMatch(e -> e.startsWith("broken.html:6:") && e.contains("alt"));
        assertThat(errors).anyMatch(e -> e.startsWith("broken.html:7:") && e.contains("label"));
        assertThat(checker.checkHtml(dir.resolve("broken.html"), "again.html"))
                .as("the checker is reusable and reports per file").allMatch(e -> e.startsWith("again.html:"));
    }

    @Test
    void theCheckerReportsBrokenCss(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.css");
        Files.writeString(broken, "/* a comment */\nbody {\n  margin: 0;\n  color: notacolor;\n}\n");
        assertThat(checker.checkCss(broken, "broken.css")).singleElement(STRING)
                .startsWith("broken.css:4:").contains("notacolor");
    }
}
