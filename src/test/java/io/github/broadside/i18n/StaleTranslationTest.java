package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a source in a copy of the sample site makes its translations stale, until they are refreshed. */
class StaleTranslationTest {
    @TempDir
    Path temp;

    private static List<Problem> staleWarnings(BuildResult result) {
        return result.warnings().stream().filter(p -> p.message().contains("older version")).toList();
    }

    @Test
    void editingTheSourceMakesItsTranslationsStaleWithANoticeInTheReadersLanguage() throws Exception {
        SampleCopy copy = SampleCopy.in(temp);
        assertThat(staleWarnings(copy.build())).isEmpty();

        copy.replace("en/stop-unjust-raids.md", "An estimated 90% of these families",
                "An estimated 92% of these families");
        BuildResult result = copy.build();

        assertThat(staleWarnings(result)).extracting(Problem::format).containsExactly(
                "content/ar/stop-unjust-raids.md:24:1: warning: ar/stop-unjust-raids.md was translated from an older "
                        + "version of en/stop-unjust-raids.md\n    hint: bring the translation up to date with "
                        + "content/en/stop-unjust-raids.md, then record that with: ./mvnw broadside:translated "
                        + "-Dbroadside.file=ar/stop-unjust-raids.md",
                "content/es/stop-unjust-raids.md:22:1: warning: es/stop-unjust-raids.md was translated from an older "
                        + "version of en/stop-unjust-raids.md\n    hint: bring the translation up to date with "
                        + "content/en/stop-unjust-raids.md, then record that with: ./mvnw broadside:translated "
                        + "-Dbroadside.file=es/stop-unjust-raids.md");

        Element es = copy.page("/es/alto-a-las-redadas-injustas/").selectFirst(".translation-notice");
        assertThat(es.text()).isEqualTo("Esta traducción se hizo a partir de una versión anterior de la página. "
                + "Lee la versión actual en inglés");
        assertThat(es.selectFirst("a").attr("href")).isEqualTo("/stop-unjust-raids/");
        assertThat(es.selectFirst("a").attr("hreflang")).isEqualTo("en");
        Element ar = copy.page("/ar/stop-unjust-raids/").selectFirst(".translation-notice");
        assertThat(ar.text()).startsWith("تُرجمت هذه الصفحة عن نسخة أقدم من الأصل.")
                .endsWith("اقرأ النسخة الحالية باللغة الإنجليزية");
        // Other translations and the source itself carry no notice.
        assertThat(copy.page("/stop-unjust-raids/").select(".translation-notice")).isEmpty();
        assertThat(copy.page("/es/financiar-gestion-de-casos-familiares/").select(".translation-notice")).isEmpty();
    }

    @Test
    void failOnStaleTurnsTheWarningIntoAnErrorAndLeavesTheSiteAlone() throws Exception {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("en/privacy.md", "## Questions", "## Questions and answers");
        assertThatThrownBy(() -> new SiteBuilder(copy.options().toBuilder().failOnStale(true).build()).build())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .filteredOn(Problem::isError).extracting(Problem::message).containsExactly(
                                "ar/privacy.md was translated from an older version of en/privacy.md",
                                "es/privacy.md was translated from an older version of en/privacy.md"));
        assertThat(copy.site()).doesNotExist();
        // The check goal reads the same through load(): the stale list of the translation graph.
        Problems problems = new Problems();
        assertThat(new SiteBuilder(copy.options()).load(problems).translations().stale())
                .extracting(s -> s.translation().contentPath()).containsExactly("ar/privacy.md", "es/privacy.md");
    }

    @Test
    void recordingTheTranslationClearsTheWarningForThatFileOnly() throws Exception {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("en/stop-unjust-raids.md", "Please don’t stand by", "Please do not stand by");
        assertThat(staleWarnings(copy.build())).hasSize(2);

        java.util.regex.Matcher old = java.util.regex.Pattern.compile("hash: ([0-9a-f]{12})")
                .matcher(copy.read("es/stop-unjust-raids.md"));
        assertThat(old.find()).isTrue();
        var recorded = new SiteBuilder(copy.options()).recordTranslation("es/stop-unjust-raids.md");
        assertThat(recorded.changed()).isTrue();
        assertThat(recorded.previousHash()).contains(old.group(1));
        assertThat(copy.read("es/stop-unjust-raids.md")).contains("  hash: " + recorded.hash() + "\n")
                .doesNotContain(old.group(1));

        BuildResult after = copy.build();
        assertThat(staleWarnings(after)).extracting(Problem::file).containsExactly("content/ar/stop-unjust-raids.md");
        assertThat(copy.page("/es/alto-a-las-redadas-injustas/").select(".translation-notice")).isEmpty();
        // Recording again changes nothing.
        assertThat(new SiteBuilder(copy.options()).recordTranslation("content/es/stop-unjust-raids.md").changed())
                .isFalse();
    }

    @Test
    void updatingTheCountOrStatusOrReformattingTheSourceDoesNotMakeTranslationsStale() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("en/stop-unjust-raids.md", "  count: 400", "  count: 512");
        copy.replace("en/stop-unjust-raids.md", "status: active", "status: won");
        copy.replace("en/stop-unjust-raids.md", "title: \"Stop Unjust Immigration Raids\"",
                "title:   'Stop Unjust Immigration Raids'   ");
        copy.write("en/stop-unjust-raids.md", copy.read("en/stop-unjust-raids.md").replace("\n", "\r\n"));
        BuildResult result = copy.build();
        assertThat(staleWarnings(result)).isEmpty();
        // ... and the translations follow: they inherit the count and the status.
        Document es = copy.page("/es/alto-a-las-redadas-injustas/");
        assertThat(es.selectFirst(".counter p").text()).isEqualTo("512 personas han firmado.");
        assertThat(es.selectFirst(".badge").text()).isEqualTo("Ganada");
    }
}
