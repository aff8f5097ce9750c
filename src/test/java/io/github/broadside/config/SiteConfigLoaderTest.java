package io.github.broadside.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigLoaderTest {
    @TempDir
    Path dir;
    private final Problems problems = new Problems();

    private SiteConfig load(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return SiteConfigLoader.load(file, "content/site.yml", problems);
    }

    @Test
    void readsEveryKey() throws IOException {
        SiteConfig config = load("""
                title: Campaigns
                description: For immigrant rights.
                baseUrl: https://broadside.github.io/repo
                defaultLanguage: es
                organization:
                  name: Coalition
                  url: https://example.org/
                navigation:
                  - label: Campaigns
                    url: /
                footer:
                  links:
                    - label: About
                      url: https://example.org/about
                privacyUrl: /privacy/
                drafts: true
                """);
        assertThat(problems.sorted()).isEmpty();
        assertThat(config.title()).isEqualTo("Campaigns");
        assertThat(config.description()).isEqualTo("For immigrant rights.");
        assertThat(config.baseUrl()).hasToString("https://broadside.github.io/repo/");
        assertThat(config.defaultLanguage()).isEqualTo("es");
        assertThat(config.organization()).isEqualTo("Coalition");
        assertThat(config.organizationUrl()).isEqualTo("https://example.org/");
        assertThat(config.navigation()).containsExactly(new Link("Campaigns", "/"));
        assertThat(config.footerLinks()).containsExactly(new Link("About", "https://example.org/about"));
        assertThat(config.privacyUrl()).isEqualTo("/privacy/");
        assertThat(config.drafts()).isTrue();
    }

    @Test
    void theSampleSiteYmlLoadsCleanly() {
        Path sample = Path.of(System.getProperty("basedir", ".")).resolve("content/site.yml");
        SiteConfig config = SiteConfigLoader.load(sample, "content/site.yml", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(config.baseUrl()).hasToString("https://broadside.example.org/");
        assertThat(config.privacyUrl()).isEqualTo("/privacy/");
    }

    @Test
    void missingFileIsAWarningAndDefaultsApply() {
        SiteConfig config = SiteConfigLoader.load(dir.resolve("nope.yml"), "content/site.yml", problems);
        assertThat(config).isEqualTo(SiteConfigLoader.defaults());
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.file()).isEqualTo("content/site.yml");
        });
    }

    @Test
    void emptyFileGivesDefaults() throws IOException {
        assertThat(load("")).isEqualTo(SiteConfigLoader.defaults());
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void badValuesAreErrorsAtTheirLine() throws IOException {
        SiteConfig config = load("""
                title: T
                baseUrl: /relative/
                defaultLanguage: "english!"
                privacyUrl: "javascript:alert(1)"
                navigation:
                  - label: Home
                  - url: /x/
                tittle: typo
                """);
        List<Problem> all = problems.sorted();
        assertThat(all).filteredOn(Problem::isError).extracting(Problem::line).containsExactly(2, 3, 4, 6, 7);
        assertThat(all).filteredOn(Problem::isError).extracting(Problem::message).anySatisfy(
                m -> assertThat(m).contains("not an absolute http(s) URL"));
        assertThat(all).filteredOn(p -> !p.isError()).singleElement()
                .satisfies(p -> assertThat(p.hint()).isEqualTo("did you mean 'title'?"));
        assertThat(config.baseUrl()).isEqualTo(SiteConfigLoader.defaults().baseUrl());
        assertThat(config.defaultLanguage()).isEqualTo("en");
        assertThat(config.privacyUrl()).isEmpty();
        assertThat(config.navigation()).isEmpty();
    }

    @Test
    void malformedYamlIsAnErrorWithItsLine() throws IOException {
        load("title: T\nbaseUrl: \"https://x.example.org/\n");
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.file()).isEqualTo("content/site.yml");
            assertThat(p.line()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void nonUtf8IsAnError() throws IOException {
        Path file = dir.resolve("site.yml");
        Files.write(file, "title: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        SiteConfigLoader.load(file, "content/site.yml", problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("content/site.yml:1:11"));
    }

    @Test
    void parseBaseUrlAcceptsOnlyAbsoluteHttp() {
        assertThat(SiteConfigLoader.parseBaseUrl("https://a.example.org")).hasValueSatisfying(
                u -> assertThat(u).hasToString("https://a.example.org/"));
        assertThat(SiteConfigLoader.parseBaseUrl("ftp://a.example.org/")).isEmpty();
        assertThat(SiteConfigLoader.parseBaseUrl("a.example.org")).isEmpty();
        assertThat(SiteConfigLoader.parseBaseUrl("https://a b/")).isEmpty();
    }
}
