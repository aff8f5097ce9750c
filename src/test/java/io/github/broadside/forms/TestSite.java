package io.github.broadside.forms;

import io.github.broadside.BuildOptions;
import io.github.broadside.Pipeline;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small throwaway site for a test: a site.yml and a few pages in {@code content/en/}, built with
 * the project's default theme.
 */
final class TestSite {
    static final String PETITION = """
            ---
            title: "Close the Riverside center"
            date: 2024-03-01
            organization: "Example Coalition"
            hashtags: ["#CloseRiverside"]
            handles: ["@ExampleCounty"]
            action:
              type: petition
              goal: 5000
              count: 1200
              cta: "Sign now"
            %s
            ---
            Body text.
            """;

    private final Path root;
    private final Map<String, String> pages = new LinkedHashMap<>();
    private String siteYml = "title: Test site\nbaseUrl: https://campaigns.example.org/\nprivacyUrl: /privacy/\n";
    private FormEndpoints endpoints = FormEndpoints.load(TestSite.class.getClassLoader());

    TestSite(Path root) {
        this.root = root;
    }

    /** Appends lines to site.yml. */
    TestSite siteYml(String more) {
        siteYml += more.endsWith("\n") ? more : more + "\n";
        return this;
    }

    /** Replaces site.yml as a whole. */
    TestSite siteYmlExactly(String text) {
        siteYml = text;
        return this;
    }

    /** A petition page at /riverside/ whose action block gets {@code actionLines} (indented two spaces). */
    TestSite petition(String actionLines) {
        return page("riverside.md", PETITION.formatted(actionLines.stripTrailing()));
    }

    TestSite page(String name, String text) {
        pages.put(name, text);
        return this;
    }

    TestSite endpoints(FormEndpoints value) {
        this.endpoints = value;
        return this;
    }

    private BuildOptions write() {
        try {
            Path content = root.resolve("content");
            Files.createDirectories(content.resolve("en"));
            Files.writeString(content.resolve("site.yml"), siteYml, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(content.resolve("en").resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
            return BuildOptions.builder(SampleSite.PROJECT).content(content)
                    .output(root.resolve("site")).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the site; fails the test with every problem when the build fails. */
    Path build() {
        return build(false);
    }

    /** Builds the site as serve previews it: every form posts to the local sink. */
    Path buildPreview() {
        return build(true);
    }

    private Path build(boolean preview) {
        try {
            SiteBuilder builder = new SiteBuilder(write(), endpoints);
            (preview ? builder.forPreview() : builder).build();
            return root.resolve("site");
        } catch (BuildFailedException e) {
            throw new AssertionError("the build failed:\n" + e.problems(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the site, expecting it to fail; returns the build's problems. */
    List<Problem> buildFailure() {
        try {
            new SiteBuilder(write(), endpoints).build();
            throw new AssertionError("the build succeeded");
        } catch (BuildFailedException e) {
            return e.problems();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the site and plans its forms, returning every problem found. */
    List<Problem> problems() {
        Pipeline pipeline = new Pipeline(write(), endpoints);
        Problems problems = new Problems();
        Site site = pipeline.load(problems);
        pipeline.forms(site, problems);
        return problems.sorted();
    }

    /** Plans the forms of the site (which must load without errors). */
    FormPlan plan() {
        Pipeline pipeline = new Pipeline(write(), endpoints);
        Problems problems = new Problems();
        Site site = pipeline.load(problems);
        FormPlan plan = pipeline.forms(site, problems);
        if (problems.hasErrors()) {
            throw new AssertionError("unexpected problems:\n" + problems.sorted());
        }
        return plan;
    }

    Document page(String path) {
        return SampleSite.page(root.resolve("site"), path);
    }

    static Document parse(Path file) throws IOException {
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
