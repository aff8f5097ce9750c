package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alias is written as a redirect page at its address and a line of {@code _redirects}: it may
 * not take an address the site already has (a page, a thank-you page, the 404 page, a generated
 * file), nor use wildcard or placeholder syntax, nor hold whitespace or control characters (issue
 * 13, case 2). Before the fix these built silently (the redirect replaced the page, or went into
 * {@code _redirects} as a wildcard) or failed with an I/O error naming no file.
 */
class ReservedAliasTest {
    @TempDir
    Path dir;

    private TestProject project(String alias) {
        return TestProject.create(dir)
                .write("content/site.yml", "title: Test site\nbaseUrl: https://test.example.org/\n"
                        + "forms: {provider: netlify}\n")
                .campaign("other.md", "Other")
                .page("privacy.md", "title: Privacy\nkind: page\n", "Text.\n")
                .page("a.md", "title: A\ndate: 2024-05-01\naction:\n  type: petition\naliases:\n  - /fine/\n  - "
                        + alias + "\n", "Body.\n");
    }

    private Problem refused(String alias) {
        List<Problem> problems = project(alias).buildFails();
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        assertThat(errors).as("errors for alias %s", alias).hasSize(1);
        Problem p = errors.get(0);
        assertThat(p.file()).isEqualTo("content/en/a.md");
        assertThat(p.line()).as("the alias's own line").isEqualTo(8);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/other/index.html", "/other/", "/privacy/", "/privacy/index.html",
            "/404.html", "/a/thanks/", "/a/thanks/index.html", "/tags/", "/a/", "/cover-your-tracks/"})
    void anAliasMayNotTakeAPagesAddress(String alias) {
        assertThat(refused(alias).message()).contains(alias);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_headers", "/_redirects", "/robots.txt", "/feed.xml", "/sitemap.xml", "/card.png",
            "/a/card.png", "/assets/style.css", "/es/feed.xml", "_headers"})
    void anAliasMayNotNameAGeneratedFile(String alias) {
        Problem p = refused(alias);
        assertThat(p.message()).doesNotContain("I/O");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/*", "/old/*", "/:splat", "/:lang/:page/", "/old/ 200!", "/x!", "\"/a\\n\\nb\"",
            "\"/a\\tb\"", "\"/a\\u2028b\"", "\"/a\\u0085b\"", "\"/a\\u202Eb\"", "\"/a\\rb\""})
    void anAliasMayNotHoldWildcardsPlaceholdersOrControlCharacters(String alias) {
        assertThat(refused(alias).message()).contains("is not a path on this site");
    }

    @Test
    void twoPagesMayNotShareAnAlias() {
        TestProject p = project("/shared/").page("b.md", "title: B\ndate: 2024-05-02\naliases: [/shared/]\n", "B.\n");
        assertThat(p.buildFails()).filteredOn(Problem::isError)
                .anySatisfy(e -> assertThat(e.message()).contains("also an alias"));
    }

    @Test
    void anOrdinaryAliasStillBuilds() {
        TestProject p = project("/older-name/");
        p.build();
        assertThat(p.read("site/_redirects")).contains("/older-name/ /a/ 301").contains("/fine/ /a/ 301");
        assertThat(p.read("site/index.html")).doesNotContain("http-equiv=\"refresh\"");
    }
}
