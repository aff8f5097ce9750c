package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildResult;
import io.github.broadside.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New language folders, the site.yml language settings, and plural forms on built pages. */
class LanguageFoldersTest {
    @TempDir
    Path temp;

    @Test
    void aNewItalianFolderWithOneFileIsPublishedUnderItWithEnglishUiAndAWarning() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.write("it/stop-unjust-raids.md", """
                ---
                title: "Basta con le retate ingiuste della polizia dell’immigrazione"
                ---

                Alziamo la voce contro le retate ingiuste.
                """);
        BuildResult result = copy.build();

        Document page = copy.page("/it/stop-unjust-raids/");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("it");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Basta con le retate ingiuste della polizia dell’immigrazione");
        // No Italian UI strings (no bundle ships for it): English ones, but numbers and dates follow
        // Italian conventions.
        assertThat(page.selectFirst("a.skip-link").text()).isEqualTo("Skip to content");
        assertThat(page.selectFirst(".counter p").text()).isEqualTo("400 people have signed.");
        assertThat(page.selectFirst("time").text()).isEqualTo("7 gennaio 2016");
        assertThat(page.select("nav.language-switcher a").eachText())
                .containsExactly("English", "Español", "العربية", "Italiano");
        assertThat(copy.page("/it/").select(".card h3 a").eachAttr("href")).contains("/it/stop-unjust-raids/",
                "/fund-family-case-management/");
        assertThat(result.pagesPerLanguage()).containsKey("it");

        List<Problem> warnings = result.warnings().stream().filter(p -> p.message().contains("UI strings")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).file()).isEqualTo("themes/default/i18n/it.yml");
        assertThat(warnings.get(0).message()).startsWith("there are no UI strings in 'it': all ")
                .endsWith(" buttons, labels and messages are shown in 'en'");
        assertThat(warnings.get(0).hint()).contains("content/i18n/it.yml", "docs/translating.md");

        // The other versions now name the Italian one too: the sets stay reciprocal.
        assertThat(copy.page("/stop-unjust-raids/").select("link[hreflang=it]").attr("href"))
                .isEqualTo("https://broadside.example.org/it/stop-unjust-raids/");
    }

    @Test
    void aPartialBundleGetsOneWarningListingTheMissingKeys() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.write("it/x.md", "---\ntitle: X\ndate: 2020-01-01\n---\n");
        copy.write("i18n/it.yml", "skip.link: Salta al contenuto\nhome.active: Agisci ora\nhome.activ: typo\n");
        BuildResult result = copy.build();
        List<Problem> it = result.warnings().stream().filter(p -> p.file().endsWith("i18n/it.yml")).toList();
        assertThat(it).extracting(Problem::file).containsExactly("content/i18n/it.yml", "themes/default/i18n/it.yml");
        assertThat(it.get(1).message()).contains("UI strings are not translated into 'it'", "campaign.to",
                "counter.signed", "nav.main").doesNotContain("skip.link", "home.active,");
        assertThat(it.get(0).message()).isEqualTo(
                "UI string in 'it' that the theme does not have, so no page uses: home.activ");
        assertThat(copy.page("/it/x/").selectFirst("a.skip-link").text()).isEqualTo("Salta al contenuto");
    }

    @Test
    void arabicCounterUsesAllSixPluralForms() {
        SampleCopy copy = SampleCopy.in(temp);
        Map<Integer, String> expected = Map.of(
                0, "لم يوقّع أحد بعد.",
                1, "وقّع شخص واحد.",
                2, "وقّع شخصان.",
                3, "وقّع 3 أشخاص.",
                11, "وقّع 11 شخصًا.",
                100, "وقّع 100 شخص.");
        for (int count : expected.keySet()) {
            copy.write("ar/count-" + count + ".md", "---\ntitle: \"عدد " + count + "\"\ndate: 2020-01-01\n"
                    + "action:\n  type: petition\n  count: " + count + "\n---\n");
        }
        copy.build();
        expected.forEach((count, text) -> assertThat(copy.page("/ar/count-" + count + "/").selectFirst(".counter p")
                .text()).as("count %d", count).isEqualTo(text));
    }

    @Test
    void untranslatedCampaignsCanBeLeftOutOfOtherLanguages() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("site.yml", "untranslatedCampaigns: show", "untranslatedCampaigns: omit");
        copy.build();
        assertThat(copy.page("/es/").select(".card h3 a").eachAttr("href")).containsExactlyInAnyOrder(
                "/es/financiar-gestion-de-casos-familiares/", "/es/alto-a-las-redadas-injustas/",
                "/es/protege-a-inmigrantes-y-solicitantes-de-asilo/");
        assertThat(copy.page("/es/").select(".in-language")).isEmpty();
    }

    @Test
    void theDefaultLanguageCanHaveItsOwnFolderWithALanguageChooserAtTheRoot() {
        SampleCopy copy = SampleCopy.in(temp);
        copy.replace("site.yml", "untranslatedCampaigns: show", "untranslatedCampaigns: show\n"
                + "defaultLanguageInSubfolder: true");
        copy.build();
        assertThat(Files.exists(copy.site().resolve("en/stop-unjust-raids/index.html"))).isTrue();
        assertThat(Files.exists(copy.site().resolve("stop-unjust-raids"))).isFalse();

        Document root = copy.page("/");
        assertThat(root.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(root.select(".language-list a").eachAttr("href")).containsExactly("/en/", "/es/", "/ar/");
        assertThat(root.select(".language-list a").eachText()).containsExactly("English", "Español", "العربية");
        assertThat(root.select("link[hreflang=x-default]").attr("href")).isEqualTo("https://broadside.example.org/");
        assertThat(root.select("nav.language-switcher")).as("the chooser is the switcher").isEmpty();

        Document home = copy.page("/en/");
        assertThat(home.select("link[hreflang=x-default]").attr("href")).isEqualTo("https://broadside.example.org/");
        assertThat(home.select("link[hreflang=en]").attr("href")).isEqualTo("https://broadside.example.org/en/");
        assertThat(home.select("header nav a").eachAttr("href")).startsWith("/en/", "/en/categories/", "/en/tags/");
        assertThat(copy.page("/es/alto-a-las-redadas-injustas/").select("link[hreflang=x-default]").attr("href"))
                .isEqualTo("https://broadside.example.org/en/stop-unjust-raids/");
        assertThat(copy.page("/es/").select(".card h3 a[lang=en]").eachAttr("href"))
                .contains("/en/join-us-protect-immigrants/");
    }

    @Test
    void siteYmlOrdersTheLanguagesAndNamesThem() {
        SampleCopy copy = SampleCopy.in(temp);
        // Listed languages come first, in the order written; es, not listed, follows.
        String yml = copy.read("site.yml");
        copy.write("site.yml", yml.substring(0, yml.indexOf("languages:")) + "languages:\n  ar:\n  en: English (US)\n");
        copy.build();
        Element switcher = copy.page("/es/alto-a-las-redadas-injustas/").selectFirst("nav.language-switcher");
        assertThat(switcher.select("a").eachText()).containsExactly("العربية", "English (US)", "Español");
    }
}
