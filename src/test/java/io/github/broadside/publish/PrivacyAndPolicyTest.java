package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.broadside.BuildResult;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy check fails a build whose pages or stylesheets load from a third party, naming the
 * file that caused it, unless site.yml allows the origin; the CSP lists exactly the form provider's
 * origin for form-action and connect-src; raw HTML in Markdown never needs the CSP relaxed.
 */
class PrivacyAndPolicyTest {
    @TempDir
    Path tmp;

    static final String TRACKED = """
            ---
            title: "Tracked"
            date: 2020-02-02
            ---

            A first paragraph.

            ![A chart](https://images.example-cdn.net/chart.png)

            A [link to another site](https://news.example.com/story) is fine: it loads nothing.
            """;

    @Test
    void thirdPartyImageInMarkdownFailsTheBuildAtItsLine() throws Exception {
        SampleProject project = SampleProject.copy(tmp).write("content/en/tracked.md", TRACKED);
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure).isNotNull();
        List<Problem> errors = failure.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).hasSize(1);
        Problem problem = errors.get(0);
        assertThat(problem.file()).isEqualTo("content/en/tracked.md");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.message()).contains("an image", "https://images.example-cdn.net");
        assertThat(problem.hint()).contains("allowOrigins: [https://images.example-cdn.net]");
        assertThat(project.site()).doesNotExist();
    }

    @Test
    void anAllowedOriginPassesAndIsAddedToImgSrcOnly() throws Exception {
        SampleProject project = SampleProject.copy(tmp).write("content/en/tracked.md", TRACKED);
        String siteYml = SampleProject.text(project.root, "content/site.yml");
        project.write("content/site.yml", siteYml + "privacy:\n  allowOrigins: [\"https://images.example-cdn.net/\"]\n");
        BuildResult result = project.build();
        assertThat(result.warnings()).isEmpty();
        Map<String, List<String>> csp = csp(project.site());
        assertThat(csp.get("img-src")).containsExactly("'self'", "https://images.example-cdn.net");
        assertThat(csp.get("script-src")).containsExactly("'self'");
        assertThat(csp.get("form-action")).containsExactly("'self'");
    }

    @Test
    void aBadOriginInSiteYmlIsReported() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        String siteYml = SampleProject.text(project.root, "content/site.yml");
        project.write("content/site.yml", siteYml + "privacy:\n  allowOrigins: [\"https://cdn.example.net/fonts/\"]\n");
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/site.yml");
            assertThat(p.message()).contains("is not an origin");
        });
    }

    @Test
    void webFontInTheThemeNamesTheStylesheetOrTemplate() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        String css = SampleProject.text(project.root, "themes/default/assets/style.css");
        project.write("themes/default/assets/style.css",
                "@import url(\"https://fonts.googleapis.com/css2?family=Inter\");\n" + css);
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("themes/default/assets/style.css");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("a stylesheet", "https://fonts.googleapis.com");
        });

        SampleProject other = SampleProject.copy(tmp.resolve("other"));
        String base = SampleProject.text(other.root, "themes/default/templates/base.peb");
        other.write("themes/default/templates/base.peb", base.replace("{% block head %}",
                "<script src=\"https://cdn.example-analytics.com/a.js\" defer></script>\n{% block head %}"));
        failure = catchThrowableOfType(BuildFailedException.class, other::build);
        assertThat(failure.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("themes/default/templates/base.peb");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("a script", "https://cdn.example-analytics.com");
        });
    }

    @Test
    void formProviderOriginIsTheOnlyFormAndConnectSource() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        // A stand-in for a provider's form until the form endpoints are in: the theme's action form.
        project.write("themes/default/templates/action-form.peb", """
                <form class="signup" action="https://formspree.io/f/xyzabc" method="post">
                  <label for="email-{{ loop.index }}">Email</label>
                  <input id="email-{{ loop.index }}" name="email" type="email" required>
                  <button type="submit">Sign</button>
                </form>
                """);
        BuildResult result = project.build();
        assertThat(result.warnings()).isEmpty();
        Map<String, List<String>> csp = csp(project.site());
        assertThat(csp.get("form-action")).containsExactly("'self'", "https://formspree.io");
        assertThat(csp.get("connect-src")).containsExactly("'self'", "https://formspree.io");
        for (Map.Entry<String, List<String>> directive : csp.entrySet()) {
            if (!List.of("form-action", "connect-src").contains(directive.getKey())) {
                assertThat(directive.getValue()).as(directive.getKey()).doesNotContain("https://formspree.io");
            }
        }
    }

    @Test
    void rawScriptAndStyleInMarkdownAreSanitizedSoThePolicyStaysStrict() throws Exception {
        SampleProject project = SampleProject.copy(tmp).write("content/en/raw.md", """
                ---
                title: "Raw HTML"
                date: 2020-03-03
                ---

                Before.

                <script>document.body.innerHTML = 'pwned'</script>
                <p style="color: red" onclick="alert(1)">Styled <a href="javascript:alert(2)">link</a></p>
                <style>body { display: none }</style>
                <iframe src="https://video.example.com/embed/1"></iframe>

                After.
                """);
        BuildResult result = project.build();
        assertThat(result.warnings()).isEmpty();
        Document page = SampleProject.html(project.site(), "raw/index.html");
        assertThat(page.select("main script, main style, main [style], main [onclick], main iframe")).isEmpty();
        assertThat(page.select("main a[href^=javascript]")).isEmpty();
        assertThat(page.select(".campaign-body").text()).contains("Before.", "Styled", "After.");
        Map<String, List<String>> csp = csp(project.site());
        assertThat(String.join(" ", csp.values().stream().flatMap(List::stream).toList()))
                .doesNotContain("unsafe").doesNotContain("video.example.com");
    }

    @Test
    void inlineStyleFromATemplateFailsTheBuild() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        String page = SampleProject.text(project.root, "themes/default/templates/page.peb");
        project.write("themes/default/templates/page.peb",
                page.replace("<h1>", "<h1 style=\"color: red\">"));
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("themes/default/templates/page.peb");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("privacy/index.html", "style=\"\" attribute", "Content-Security-Policy");
        });
    }

    @Test
    void unhashedAssetAddressIsReported() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        String base = SampleProject.text(project.root, "themes/default/templates/base.peb");
        project.write("themes/default/templates/base.peb", base.replace("{% block head %}",
                "<script src=\"{{ url('/assets/broadside.js') }}\" defer></script>\n{% block head %}"));
        BuildResult result = project.build();
        assertThat(result.warnings()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("themes/default/templates/base.peb");
            assertThat(p.message()).contains("/assets/broadside.js", "the site has no assets/broadside.js");
            assertThat(p.hint()).contains("asset('name')");
        });
    }

    static Map<String, List<String>> csp(Path site) {
        String headers = SampleProject.text(site, "_headers");
        return ContentSecurityPolicy.parse(PublishedSiteTest.headerBlock(headers, "/*").get("Content-Security-Policy"));
    }
}
