package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of user error the issue lists: each builds a small project with the real engine
 * and checks that the build fails with a problem naming the file, line (and column where known),
 * and a hint, or, for BOM and CRLF, that the build succeeds.
 */
class ProblemKindsTest {
    @TempDir
    Path dir;
    private TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(dir);
        project.campaign("fine.md", "A fine campaign");
    }

    private static void located(Problem problem, String file, int line, int column) {
        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("line of " + problem).isEqualTo(line);
        if (column > 0) {
            assertThat(problem.column()).as("column of " + problem).isEqualTo(column);
        }
        assertThat(problem.hint()).as("hint of " + problem).isNotBlank();
        assertThat(problem.format()).startsWith(file + ":" + line + ":");
    }

    @Test
    void malformedYaml() {
        project.page("bad.md", "title: \"Update: we won\ndate: 2024-01-01\nsummary: [unclosed\n", "Text");
        Problem problem = project.onlyError();
        assertThat(problem.file()).isEqualTo("content/en/bad.md");
        assertThat(problem.line()).isBetween(2, 5);
        assertThat(problem.column()).isPositive();
        assertThat(problem.message()).startsWith("invalid YAML");
    }

    @Test
    void valueWithAColon() {
        project.page("bad.md", "title: Update: we won\ndate: 2024-01-01\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 2, 14);
        assertThat(problem.hint()).contains("quotes");
    }

    @Test
    void unterminatedFrontMatter() {
        project.write("content/en/bad.md", "---\ntitle: A\ndate: 2024-01-01\n\nThe body, but no closing line.\n");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 1, 1);
        assertThat(problem.message()).contains("never closed");
    }

    @Test
    void missingFrontMatter() {
        project.write("content/en/bad.md", "# Title\n\nJust Markdown.\n");
        located(project.onlyError(), "content/en/bad.md", 1, 1);
    }

    @Test
    void aMisspelledRequiredKeyIsNamedWhereItStands() {
        project.page("bad.md", "titel: A petition\ndate: 2024-01-01\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 2, 1);
        assertThat(problem.message()).isEqualTo("'title' is missing: every page needs a title;"
                + " you wrote 'titel' on line 2: did you mean 'title'?");
        assertThat(problem.hint()).isEqualTo("rename 'titel' to 'title'");
    }

    @Test
    void wrongType() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\ntags:\n  detention: yes\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 5, 3);
        assertThat(problem.message()).isEqualTo("'tags' must be a list of texts, not a block");
    }

    @Test
    void goalWithCommas() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\naction:\n  type: petition\n  goal: 10,000\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 6, 9);
        assertThat(problem.hint()).contains("goal: 10000");
    }

    @Test
    void missingRequiredKey() {
        project.page("bad.md", "date: 2024-01-01\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 2, 1);
        assertThat(problem.message()).startsWith("'title' is missing");
    }

    @Test
    void unknownStatus() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nstatus: paused\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 4, 9);
        assertThat(problem.message()).isEqualTo("unknown status 'paused'");
        assertThat(problem.hint()).contains("active, closed, won");
    }

    @Test
    void unknownActionType() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nactions:\n  - type: petition\n  - type: march\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 6, 11);
        assertThat(problem.message()).isEqualTo("unknown action type 'march'");
    }

    @Test
    void invalidDate() {
        project.page("bad.md", "title: A\ndate: 2024-02-30\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 3, 7);
        assertThat(problem.message()).contains("not a real date");
    }

    @Test
    void dateInWords() {
        project.page("bad.md", "title: A\ndate: July 4, 2019\n", "Text");
        located(project.onlyError(), "content/en/bad.md", 3, 7);
    }

    @Test
    void duplicateSlug() {
        project.page("other.md", "title: B\ndate: 2024-01-01\nslug: fine\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/other.md", 1, 1);
        assertThat(problem.message()).isEqualTo("the slug 'fine' is already used by content/en/fine.md");
    }

    @Test
    void slugWithAPathSeparator() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nslug: \"campaigns/stop\"\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 4, 1);
        assertThat(problem.message()).contains("path separator");
        assertThat(problem.hint()).contains("campaigns-stop");
    }

    @Test
    void slugWithDotDot() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nslug: \"../../etc\"\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 4, 1);
        assertThat(problem.message()).contains("slug");
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void reservedSlug() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nslug: tags\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 1, 1);
        assertThat(problem.message()).contains("reserved");
    }

    @Test
    void unsafeAddress() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\ndonate:\n  url: \"javascript:alert(1)\"\n", "Text");
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 5, 8);
        assertThat(problem.message()).contains("'javascript:' addresses are not allowed");
    }

    @Test
    void missingThemeTemplate() throws Exception {
        Files.delete(dir.resolve("themes/default/templates/campaign.peb"));
        Problem problem = project.onlyError();
        assertThat(problem.file()).isEqualTo("themes/default/templates/campaign.peb");
        assertThat(problem.message()).isEqualTo("the theme has no template 'campaign.peb'");
        assertThat(problem.hint()).contains("templates/campaign.peb");
    }

    @Test
    void missingIncludedTemplate() throws Exception {
        Files.delete(dir.resolve("themes/default/templates/campaign-card.peb"));
        Problem problem = project.onlyError();
        located(problem, "themes/default/templates/campaign-list.peb", 2, 20);
        assertThat(problem.message()).isEqualTo("the theme has no template 'campaign-card.peb'");
    }

    @Test
    void pebbleTemplateErrorWithTheTemplatesLine() throws Exception {
        project.write("content/en/privacy.md", "---\ntitle: Privacy\nkind: page\n---\nText\n");
        Path page = dir.resolve("themes/default/templates/page.peb");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(page));
        lines.add(3, "  <p>{{ campaign.title | nosuchfilter }}</p>");
        Files.write(page, lines);
        Problem problem = project.onlyError();
        assertThat(problem.location()).isEqualTo("themes/default/templates/page.peb:4");
        assertThat(problem.message()).startsWith("template error:").contains("nosuchfilter");
    }

    @Test
    void pebbleSyntaxErrorAtAKnownLine() throws Exception {
        Path base = dir.resolve("themes/default/templates/base.peb");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(base));
        lines.set(5, "<title>{{ page.title | }}</title>");
        Files.write(base, lines);
        Problem problem = project.onlyError();
        assertThat(problem.location()).isEqualTo("themes/default/templates/base.peb:6");
        assertThat(problem.message()).startsWith("template error:");
    }

    @Test
    void nonUtf8File() {
        byte[] latin1 = "---\ntitle: Año nuevo\ndate: 2024-01-01\n---\nText\n".getBytes(StandardCharsets.ISO_8859_1);
        project.writeBytes("content/en/bad.md", latin1);
        Problem problem = project.onlyError();
        located(problem, "content/en/bad.md", 2, 9);
        assertThat(problem.message()).contains("not valid UTF-8");
    }

    @Test
    void bomAndCrlfAreAccepted() {
        String text = "---\r\ntitle: \"Año nuevo\"\r\ndate: 2024-01-01\r\nstatus: closed\r\n---\r\nFirst line.\r\n\r\n"
                + "## Heading\rLone CR line.\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        project.writeBytes("content/en/windows.md", withBom);
        BuildResult result = project.build();
        assertThat(result.warnings()).isEmpty();
        Document page = Jsoup.parse(project.read("site/windows/index.html"));
        assertThat(page.select("h1").text()).isEqualTo("Año nuevo");
        assertThat(page.select(".badge-closed")).isNotEmpty();
        assertThat(page.select(".campaign-body h2#heading").text()).isEqualTo("Heading");
        assertThat(page.html()).doesNotContain("\r").doesNotContain("\uFEFF");
    }

    @Test
    void billionLaughsInAPage() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n", "Text");
        Problem problem = onlyErrorWithinBound();
        located(problem, "content/en/bad.md", 2, 1);
        assertThat(problem.message()).contains("too many aliases");
    }

    @Test
    void hugeFrontMatter() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nsummary: \"" + "x".repeat(1024 * 1024) + "\"\n", "Text");
        Problem problem = onlyErrorWithinBound();
        located(problem, "content/en/bad.md", 2, 1);
        assertThat(problem.message()).contains("larger than 256 KiB");
    }

    @Test
    void tenMegabyteFile() {
        project.page("bad.md", "title: A\ndate: 2024-01-01\nsummary: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n", "Text");
        Problem problem = onlyErrorWithinBound();
        assertThat(problem.file()).isEqualTo("content/en/bad.md");
        assertThat(problem.message()).contains("larger than 4 MiB");
    }

    @Test
    void allProblemsOfABuildAreReportedTogether() {
        project.page("a.md", "title: A\ndate: 2024-02-30\n", "Text");
        project.page("b.md", "title: B\ndate: 2024-01-01\nstatus: paused\n", "Text");
        project.write("content/en/c.md", "no front matter");
        project.page("d.md", "title: D\ndate: 2024-01-01\nsumary: typo\n", "Text");
        List<Problem> problems = project.buildFails();
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::file)
                .containsExactly("content/en/a.md", "content/en/b.md", "content/en/c.md");
        assertThat(problems).filteredOn(p -> !p.isError()).singleElement()
                .satisfies(p -> assertThat(p.hint()).isEqualTo("did you mean 'summary'?"));
    }

    @Test
    void unknownKeyIsOnlyAWarning() {
        project.page("typo.md", "title: T\ndate: 2024-01-01\ncatgories: [x]\n", "Text");
        BuildResult result = project.build();
        assertThat(result.warnings()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("content/en/typo.md:4:1");
            assertThat(p.hint()).isEqualTo("did you mean 'categories'?");
        });
    }

    @Test
    void badSiteYml() {
        project.write("content/site.yml", "title: T\nbaseUrl: example.org\n");
        Problem problem = project.onlyError();
        located(problem, "content/site.yml", 2, 1);
    }

    @Test
    void badBaseUrlOverride() {
        Problem problem = project.buildFails(project.options().toBuilder().baseUrl("not a url").build()).get(0);
        assertThat(problem.file()).isEqualTo("-Dbroadside.baseUrl");
        assertThat(problem.hint()).contains("https://");
    }

    @Test
    void missingThemeFolder() {
        Problem problem = project.buildFails(project.options().toBuilder().theme(Path.of("themes/nope")).build()).get(0);
        assertThat(problem.file()).isEqualTo("themes/nope");
    }

    @Test
    void outputFolderThatWouldReplaceTheSources() {
        for (String output : List.of(".", "content", "content/en/site", "themes", "..")) {
            Problem problem = project.buildFails(project.options().toBuilder().output(Path.of(output)).build()).get(0);
            assertThat(problem.file()).isEqualTo("-Dbroadside.output");
            assertThat(problem.hint()).contains("-Dbroadside.output=site");
        }
        assertThat(dir.resolve("content/en/fine.md")).exists();
        assertThat(dir.resolve("themes/default/templates/base.peb")).exists();
    }

    /**
     * The bound on a build refusing a hostile page: a bounded parse fails in about a second, an
     * unbounded one (alias expansion, a 10 MB document in memory) takes minutes or runs out of
     * memory. Generous, so that a machine under heavy load does not fail it.
     */
    private static final java.time.Duration HOSTILE_PAGE_BOUND = java.time.Duration.ofSeconds(30);

    /** The build's only error, asserting that the build ended within {@link #HOSTILE_PAGE_BOUND}. */
    private Problem onlyErrorWithinBound() {
        long start = System.nanoTime();
        Problem problem = project.onlyError();
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time for the build to refuse the page").isLessThan(HOSTILE_PAGE_BOUND);
        return problem;
    }
}
