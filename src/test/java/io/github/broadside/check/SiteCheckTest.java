package io.github.broadside.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCheckTest {
    @TempDir
    Path dir;
    Path raids;

    @BeforeEach
    void sample() {
        SampleProject.copyInto(dir);
        raids = dir.resolve("content/en/stop-unjust-raids.md");
        // These tests edit this campaign; without its translations, an edit adds no stale-translation warning.
        try {
            Files.delete(dir.resolve("content/es/stop-unjust-raids.md"));
            Files.delete(dir.resolve("content/ar/stop-unjust-raids.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    SiteCheck.Report check() throws IOException {
        return new SiteCheck(BuildOptions.defaults(dir)).run();
    }

    void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    @Test
    void checkKeepsShareCardsInTheBuildsCacheAndDrawsThemOnce() throws IOException {
        BuildOptions cached = BuildOptions.builder(dir).cache(Path.of("target/broadside")).build();
        new SiteCheck(cached).run();
        Path cards = dir.resolve("target/broadside/cards");
        java.util.List<Path> kept;
        try (java.util.stream.Stream<Path> files = Files.list(cards)) {
            kept = files.sorted().toList();
        }
        assertThat(kept).as("the cards check drew, kept for the next check or build").isNotEmpty();
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        for (Path card : kept) {
            Files.setLastModifiedTime(card, longAgo);
        }
        new SiteCheck(cached).run();
        try (java.util.stream.Stream<Path> files = Files.list(cards)) {
            assertThat(files.sorted().toList()).isEqualTo(kept);
        }
        for (Path card : kept) {
            assertThat(Files.getLastModifiedTime(card)).as("%s was taken from the cache, not drawn again", card)
                    .isEqualTo(longAgo);
        }
    }

    @Test
    void theSampleSiteIsCleanAndSiteIsNotWritten() throws IOException {
        SiteCheck.Report report = check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.pagesChecked()).isGreaterThan(10);
        assertThat(report.fails(Severity.WARNING)).isFalse();
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void brokenInternalLinksAndAnchorsAreReportedAtTheirSourceLine() throws IOException {
        long lines = Files.readAllLines(raids).size();
        append(raids, "\nSee [the other campaign](/end-family-detentoin/) and [the letter](#no-such-heading)"
                + " and [detention](/end-family-detention/#nowhere).\n\n## Our demands\n\n[Demands](#our-demands)\n");
        SiteCheck.Report report = check();
        assertThat(report.problems()).extracting(Problem::format).anySatisfy(line -> assertThat(line)
                .startsWith("content/en/stop-unjust-raids.md:" + (lines + 2) + ": error: the link /end-family-detentoin/"
                        + " leads to no page"));
        assertThat(report.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("#no-such-heading"))
                .anySatisfy(m -> assertThat(m).contains("/end-family-detention/#nowhere", "#nowhere"))
                .noneSatisfy(m -> assertThat(m).contains("#our-demands"));
        assertThat(report.fails(Severity.ERROR)).isTrue();
    }

    @Test
    void imagesMustExistAndHaveAltText() throws IOException {
        append(raids, "\n![](/images/missing.png)\n");
        SiteCheck.Report report = check();
        assertThat(report.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("/images/missing.png", "does not exist"))
                .anySatisfy(m -> assertThat(m).contains("/images/missing.png", "empty text alternative"));
        Files.createDirectories(dir.resolve("content/static/images"));
        Files.writeString(dir.resolve("content/static/images/missing.png.svg"), SVG);
        Files.writeString(raids, Files.readString(raids).replace("![](/images/missing.png)",
                "![Marchers with banners](/images/missing.png.svg)"));
        assertThat(check().problems()).isEmpty();
    }

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n";

    @Test
    void anImageFromAnotherSiteFailsTheCheck() throws IOException {
        append(raids, "\n![A tracker](https://tracker.example.com/pixel.gif)\n");
        SiteCheck.Report report = check();
        assertThat(report.fails(Severity.ERROR)).isTrue();
        assertThat(report.problems()).filteredOn(Problem::isError).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("tracker.example.com"));
    }

    @Test
    void aBrokenNavigationLinkIsReportedOnceInSiteYml() throws IOException {
        Path siteYml = dir.resolve("content/site.yml");
        Files.writeString(siteYml, Files.readString(siteYml).replace("url: /tags/", "url: /tagz/"));
        SiteCheck.Report report = check();
        assertThat(report.problems()).hasSize(1);
        Problem problem = report.problems().get(0);
        assertThat(problem.file()).isEqualTo("content/site.yml");
        assertThat(problem.line()).isEqualTo(Files.readAllLines(siteYml).indexOf("    url: /tagz/") + 1);
        assertThat(problem.message()).contains("/tagz/", "pages)");
    }

    @Test
    void buildErrorsAreReportedAndFailTheCheck() throws IOException {
        Files.writeString(raids, Files.readString(raids).replace("status: active", "status: runing"));
        SiteCheck.Report report = check();
        assertThat(report.fails(Severity.ERROR)).isTrue();
        assertThat(report.problems().get(0).format()).startsWith("content/en/stop-unjust-raids.md:5");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("not checked"));
    }

    @Test
    void warningsFailOnlyWhenAskedTo() throws IOException {
        Files.createDirectories(dir.resolve("content/static/images"));
        Files.writeString(dir.resolve("content/static/images/rule.svg"), SVG);
        append(raids, "\n![](/images/rule.svg)\n");
        SiteCheck.Report report = check();
        assertThat(report.count(Severity.ERROR)).isZero();
        assertThat(report.count(Severity.WARNING)).isEqualTo(1);
        assertThat(report.fails(Severity.ERROR)).isFalse();
        assertThat(report.fails(Severity.WARNING)).isTrue();
    }

    @Test
    void translationsBehindTheirSourceAreWarningsAndCoverageIsNoted() throws Exception {
        Path es = dir.resolve("content/es/stop-unjust-raids.md");
        Files.createDirectories(es.getParent());
        Files.writeString(es, "---\ntitle: \"Alto\"\ndate: 2016-01-07\ntranslationOf:\n  source: en/stop-unjust-raids.md\n"
                + "  hash: 000000000000\n---\n\nTexto.\n");
        new SiteBuilder(BuildOptions.defaults(dir)).recordTranslation("es/stop-unjust-raids.md");
        SiteCheck.Report fresh = check();
        assertThat(fresh.problems()).noneMatch(p -> p.message().contains("older version"));
        assertThat(fresh.notes()).anySatisfy(n -> assertThat(n).startsWith("Translations: ").contains(" 0 stale"));
        append(raids, "\nOne more paragraph.\n");
        SiteCheck.Report stale = check();
        assertThat(stale.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/es/stop-unjust-raids.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("was translated from an older version of en/stop-unjust-raids.md");
        });
        // -Dbroadside.failOnStale: the same finding fails the check.
        SiteCheck.Report strict = new SiteCheck(BuildOptions.builder(dir).failOnStale(true).build()).run();
        assertThat(strict.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("was translated from an older version of en/stop-unjust-raids.md");
        });
        assertThat(strict.fails(Severity.ERROR)).isTrue();
    }
}
