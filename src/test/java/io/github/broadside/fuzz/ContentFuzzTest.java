package io.github.broadside.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Action;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.yaml.SourceText;
import io.github.broadside.content.Update;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.publish.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes what users type: a campaign file (front matter + Markdown), {@code site.yml}, and the form
 * provider settings in it, through a whole build. Whatever the
 * bytes, the engine answers with a value or with {@link Problem}s, never an exception, never a hang,
 * and the HTML it makes from Markdown carries nothing a strict CSP or a signer's safety forbids.
 *
 * <p>In {@code verify} this runs as a plain test over the checked-in corpus under
 * {@code src/test/resources/io/github/broadside/fuzz/ContentFuzzTestInputs/<method>/} (Jazzer's
 * regression mode). To fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ContentFuzzTest#<method>}
 * (the {@code fuzz} profile then instruments SnakeYAML, flexmark and jsoup too);
 * new interesting inputs go to {@code .cifuzz-corpus/} (git-ignored), findings to the inputs folder,
 * where they stay as regression tests once fixed.
 */
class ContentFuzzTest {
    private static final String FILE = "content/en/fuzz.md";
    private static final CampaignParser PARSER = new CampaignParser("en");
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    /**
     * A hang in regression mode fails the input; when fuzzing, libFuzzer's own -timeout applies.
     * Generous, since a shared CI runner can be ten times slower than a quiet one: a hang is still
     * a hang at 30 s, while 10 s failed inputs that take 0.2 s on a quiet machine.
     */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty();

    @FuzzTest(maxDuration = "5m")
    void campaignFileGivesACampaignOrProblems(byte[] input) {
        withinLimit(() -> checkCampaignFile(input));
    }

    @FuzzTest(maxDuration = "5m")
    void siteSettingsGiveSettingsOrProblems(byte[] input) throws IOException {
        Path file = Files.createTempFile("site-", ".yml");
        try {
            Files.write(file, input);
            withinLimit(() -> checkSiteSettings(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Form-endpoint configuration: the input is a whole {@code site.yml} (its {@code forms:} block picks
     * the provider and its options), built with a campaign that has a petition and a letter with its own
     * {@code form:} override. The build succeeds or fails with problems; a successful build writes no
     * page whose forms or links could run script.
     */
    @FuzzTest(maxDuration = "5m")
    void formSettingsGiveFormsOrProblems(byte[] input) throws IOException {
        Path project = Files.createTempDirectory("forms-fuzz-");
        try {
            Path content = Files.createDirectories(project.resolve("content/en"));
            Files.write(project.resolve("content/site.yml"), input);
            Files.writeString(content.resolve("sign.md"), FORM_CAMPAIGN);
            withinLimit(() -> checkFormSettings(project));
        } finally {
            SiteWriter.deleteTree(project);
        }
    }

    /** Guards the guard: with valid settings the fuzzed build succeeds and the page has the provider's form. */
    @Test
    void validFormSettingsBuildACampaignWithTheProvidersForm(@TempDir Path project) throws Exception {
        Path content = Files.createDirectories(project.resolve("content/en"));
        Files.writeString(project.resolve("content/site.yml"),
                "title: Fuzz\nbaseUrl: https://example.org/\nprivacyUrl: /privacy/\nforms: {provider: formspree, formId: xyzabcde}\n");
        Files.writeString(content.resolve("sign.md"), FORM_CAMPAIGN);
        checkFormSettings(project);
        String page = Files.readString(project.resolve("out/sign/index.html"));
        assertThat(Jsoup.parse(page).select("form[data-bs-form]")).hasSize(2)
                .allSatisfy(f -> assertThat(f.attr("action")).startsWith("https://formspree.io/f/"));
    }

    private static final String FORM_CAMPAIGN = """
            ---
            title: Sign
            date: 2024-05-01
            actions:
              - type: petition
                goal: 100
                count: 3
              - type: letter
                optIn: true
                form:
                  formId: override1
            ---
            Body.
            """;

    private static void checkFormSettings(Path project) {
        Path theme = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("themes/default");
        BuildOptions options = BuildOptions.builder(project).theme(theme).output(project.resolve("out")).build();
        try {
            new SiteBuilder(options).build();
        } catch (BuildFailedException e) {
            assertThat(e.problems()).as("a failed build says why").anyMatch(Problem::isError);
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
            return;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("out"))) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertPageSafe(Files.readString(html));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A whole generated page: scripts only by src, no handler, no javascript: anywhere, forms post over http(s) or on the site. */
    private static void assertPageSafe(String html) {
        for (Element e : Jsoup.parse(html).getAllElements()) {
            if (e.tagName().equals("script")) {
                assertThat(e.data()).as("inline script").isBlank();
            }
            if (e.tagName().equals("form")) {
                String action = e.attr("action").strip().toLowerCase(java.util.Locale.ROOT);
                assertThat(action.startsWith("https:") || action.startsWith("http:") || action.startsWith("/"))
                        .as("form action %s", action).isTrue();
            }
            for (Attribute attribute : e.attributes()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT))
                        .as("%s=%s", name, attribute.getValue()).doesNotStartWith("javascript:");
            }
        }
    }

    private static void withinLimit(Runnable check) {
        if (FUZZING) {
            check.run();
        } else {
            assertTimeoutPreemptively(LIMIT, check::run, "no input may make the parser hang");
        }
    }

    private static void checkCampaignFile(byte[] input) {
        Problems problems = new Problems();
        SourceText.Result decoded = SourceText.decode(FILE, input);
        if (decoded instanceof SourceText.Invalid invalid) {
            assertThat(invalid.problem().isError()).isTrue();
            assertWellFormed(List.of(invalid.problem()), FILE);
            return;
        }
        String text = ((SourceText.Text) decoded).text();
        assertSafe(MARKDOWN.toHtml(text)); // the renderer takes any text, front matter or not
        Optional<Campaign> campaign = PARSER.parse(FILE, "en", "fuzz.md", text, problems);
        List<Problem> found = problems.sorted();
        assertWellFormed(found, FILE);
        if (campaign.isEmpty()) {
            assertThat(problems.hasErrors()).as("a file that yields no campaign must say why").isTrue();
            return;
        }
        assertThat(problems.hasErrors()).as("a campaign comes only from a file without errors").isFalse();
        Campaign c = campaign.get();
        assertThat(c.title()).isNotNull();
        assertThat(c.path()).startsWith("/").endsWith("/");
        for (String alias : c.aliases()) {
            // An alias becomes a line of _redirects: no wildcard, placeholder, force flag, space or control character.
            assertThat(alias).as("alias").startsWith("/").doesNotContain("*", "!", "/:", "/_")
                    .doesNotContainPattern("[\\s\\p{Cc}\\p{Cf}\\p{Z}]");
        }
        List<String> markdown = new ArrayList<>();
        markdown.add(c.body());
        for (Action a : c.actions()) {
            markdown.add(a.intro());
            markdown.add(a.script());
        }
        for (Update u : c.updates()) {
            markdown.add(u.text());
        }
        c.quote().ifPresent(q -> markdown.add(q.text()));
        for (String md : markdown) {
            assertSafe(MARKDOWN.toHtml(md));
            assertSafe(MARKDOWN.toInlineHtml(md));
        }
    }

    private static void checkSiteSettings(Path file) {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.load(file, "content/site.yml", problems);
        assertThat(config).isNotNull();
        assertThat(config.baseUrl()).isNotNull();
        assertWellFormed(problems.sorted(), "content/site.yml");
    }

    /** Problems point at the user's file and say something: the user must be able to act on them. */
    private static void assertWellFormed(List<Problem> problems, String file) {
        for (Problem p : problems) {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.message()).isNotBlank();
        }
    }

    /** Rendered Markdown has no script, no event handler, no inline style, no javascript: URL. */
    private static void assertSafe(String html) {
        for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
            assertThat(e.tagName()).isNotIn("script", "style", "iframe", "object", "embed", "form", "base",
                    "meta", "link");
            for (Attribute attribute : e.attributes()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                assertThat(value).as("%s=%s", name, value).doesNotStartWith("javascript:")
                        .doesNotStartWith("vbscript:").doesNotStartWith("data:text/html");
            }
        }
    }
}
