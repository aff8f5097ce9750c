package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.check.SiteCheck;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local} provider is serve's preview sink: a static host has none, so a form posting to
 * it would lose every signature. {@code build} and {@code check} refuse to publish one, at the line
 * that chose it, with the one-line fix; {@code serve} previews every form through its sink whatever
 * provider is named; the sample site names a provider that works on a static host.
 */
class PreviewOnlyFormsTest {
    @TempDir
    Path tmp;

    private static Problem only(List<Problem> problems, String messagePart) {
        List<Problem> matching = problems.stream().filter(p -> p.message().contains(messagePart)).toList();
        assertThat(matching).as("problems mentioning '%s' in %s", messagePart, problems).hasSize(1);
        return matching.get(0);
    }

    @Test
    void buildFailsAtTheProviderLineWhenALocalFormWouldBePublished() throws Exception {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: local\n").petition("")
                .page("other.md", TestSite.PETITION.formatted("").replace("Riverside", "Other"));
        Path out = tmp.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "previous site", StandardCharsets.UTF_8);

        Problem p = only(site.buildFailure(), "'local' form provider");

        assertThat(p.isError()).isTrue();
        assertThat(p.file()).endsWith("content/site.yml");
        assertThat(p.line()).as("the provider: line").isEqualTo(5);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).contains("every signature would be lost");
        assertThat(p.hint()).contains("forms: {provider: netlify}").contains("serve still previews");
        assertThat(Files.readString(out.resolve("index.html"))).as("the previous site is untouched")
                .isEqualTo("previous site");
    }

    @Test
    void anActionThatChoosesTheLocalProviderIsReportedAtItsOwnLine() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: netlify\n").petition("  form:\n    provider: local");
        Problem p = only(site.buildFailure(), "'local' form provider");
        assertThat(p.file()).endsWith("riverside.md");
        assertThat(p.line()).as("the provider: line under form:").isEqualTo(13);
    }

    @Test
    void aSiteWithActionsButNoProviderFailsToBuildWithTheOneLineFix() {
        Problem p = only(new TestSite(tmp).petition("").buildFailure(), "no form provider is set");
        assertThat(p.isError()).isTrue();
        assertThat(p.hint()).contains("forms: {provider: netlify}").contains("docs/form-providers.md");
    }

    @Test
    void checkFailsTooWithTheSameProblem() throws Exception {
        TestSite site = new TestSite(tmp).siteYml("forms: {provider: local}\n").petition("");
        site.problems(); // writes the project
        SiteCheck.Report report = new SiteCheck(BuildOptions.builder(SampleSite.PROJECT)
                .content(tmp.resolve("content")).output(tmp.resolve("site")).build()).run();
        assertThat(report.fails(Severity.ERROR)).isTrue();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("'local' form provider");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void servePreviewsEveryFormThroughItsSinkWhateverProviderIsNamed() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n  formId: xyzabcde\n").petition("");
        site.buildPreview();
        Document page = site.page("riverside/index.html");
        Element form = page.getElementById("form-1");
        assertThat(form.attr("data-bs-form")).isEqualTo("local");
        assertThat(form.attr("action")).isEqualTo("/_broadside/submit/riverside");
        assertThat(page.selectFirst(".counter").attr("data-bs-count-url")).as("the live count works in preview")
                .isEqualTo("/_broadside/count/riverside");
    }

    @Test
    void servePreviewStillReportsTheNamedProvidersProblems() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n").petition("");
        assertThat(site.problems()).anySatisfy(p -> assertThat(p.message()).contains("needs 'formId'"));
    }

    @Test
    void theSampleSitePublishesNoFormThatPostsToThePreviewSink() throws Exception {
        Path out = SampleSite.build(tmp.resolve("site"));
        int forms = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document page = TestSite.parse(file);
                for (Element form : page.select("form.bs-form")) {
                    forms++;
                    assertThat(form.attr("data-bs-form")).as(file.toString()).isEqualTo("netlify");
                    assertThat(form.attr("action")).as(file.toString()).doesNotContain("_broadside");
                }
                assertThat(page.select("[data-bs-count-url*=_broadside]")).as(file.toString()).isEmpty();
            }
        }
        assertThat(forms).isGreaterThan(10);
        assertThat(Files.readString(SampleSite.PROJECT.resolve("content/site.yml")))
                .contains("forms:\n  provider: netlify\n");
    }
}
