package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.SiteBuilder;
import io.github.broadside.i18n.SampleCopy;
import io.github.broadside.problem.Problems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaigns × languages table and its JSON. */
class TranslationReportTest {
    @TempDir
    Path temp;

    @Test
    void reportsOriginalCurrentStaleUntrackedAndMissing() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("en/privacy.md", "## Questions", "## Any questions?");
        copy.replace("es/protect-immigrants-asylum-seekers.md", "translationOf:", "x-translationOf:");
        copy.replace("es/protect-immigrants-asylum-seekers.md", "x-translationOf:\n  source: en/protect-immigrants-"
                + "asylum-seekers.md\n", "");
        String es = copy.read("es/protect-immigrants-asylum-seekers.md");
        copy.write("es/protect-immigrants-asylum-seekers.md", es.replaceAll("\n  hash: [0-9a-f]+\n", "\n"));
        Site site = new SiteBuilder(copy.options()).load(new Problems());
        TranslationReport report = TranslationReport.of(site);

        assertThat(report.languages()).containsExactly("en", "es", "ar");
        assertThat(report.rows()).extracting(TranslationReport.Row::key).containsExactly("end-family-detention",
                "fund-family-case-management", "join-us-protect-immigrants", "privacy",
                "protect-immigrants-asylum-seekers", "stop-unjust-raids");
        TranslationReport.Row privacy = report.rows().get(3);
        assertThat(privacy.kind()).isEqualTo("page");
        assertThat(privacy.status()).containsExactly(
                java.util.Map.entry("en", TranslationReport.Status.ORIGINAL),
                java.util.Map.entry("es", TranslationReport.Status.STALE),
                java.util.Map.entry("ar", TranslationReport.Status.STALE));
        assertThat(report.rows().get(4).status()).containsEntry("es", TranslationReport.Status.UNTRACKED)
                .containsEntry("ar", TranslationReport.Status.MISSING);
        assertThat(report.rows().get(1).status()).containsEntry("es", TranslationReport.Status.CURRENT);

        assertThat(report.table().get(0)).isEqualTo("page                               en         es         ar");
        assertThat(report.table()).contains(
                "privacy                            original   stale      stale",
                "  content/es/stop-unjust-raids.md: action.targets[0].name (en), action.signatories[0].role (en)",
                "6 pages: 4 current, 2 stale, 1 untracked, 5 missing translations, 2 partly untranslated");
        assertThat(report.json()).contains("\"languages\": [\"en\", \"es\", \"ar\"]",
                "{\"key\": \"privacy\", \"title\": \"Privacy\", \"kind\": \"page\", \"status\": {\"en\": \"original\", "
                        + "\"es\": \"stale\", \"ar\": \"stale\"}}",
                "\"totals\": {\"original\": 6, \"current\": 4, \"stale\": 2, \"untracked\": 1, \"missing\": 5}");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(TranslationReport.quote("a \"b\" \\ \n\u0001 ü")).isEqualTo("\"a \\\"b\\\" \\\\ \\n\\u0001 ü\"");
    }
}
