package io.github.broadside.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multilingual keys of site.yml. */
class LocalizationConfigTest {
    @TempDir
    Path temp;
    final Problems problems = new Problems();

    private SiteConfig load(String yaml) throws IOException {
        Path file = temp.resolve("site.yml");
        Files.writeString(file, yaml);
        return SiteConfigLoader.load(file, "content/site.yml", problems);
    }

    @Test
    void noLanguagesBlockMeansDefaults() throws IOException {
        SiteConfig config = load("title: T\n");
        assertThat(config.localization()).isEqualTo(Localization.defaults());
        assertThat(config.homePath("en")).isEqualTo("/");
        assertThat(config.homePath("es")).isEqualTo("/es/");
    }

    @Test
    void readsNamesTitlesNavigationOrderAndChoices() throws IOException {
        SiteConfig config = load("""
                title: Campaigns
                navigation:
                  - label: Home
                    url: /
                languages:
                  es:
                    name: Español (España)
                    title: Campañas
                    description: Descripción
                    navigation:
                      - label: Inicio
                        url: /
                    footer:
                      links:
                        - label: Acerca de
                          url: https://example.org/about
                  en: English
                  ar:
                defaultLanguageInSubfolder: true
                untranslatedCampaigns: omit
                """);
        assertThat(problems.sorted()).isEmpty();
        Localization l = config.localization();
        assertThat(l.languages()).extracting(LanguageSettings::tag).containsExactly("es", "en", "ar");
        assertThat(l.settings("es").name()).contains("Español (España)");
        assertThat(l.settings("es").line()).isEqualTo(6);
        assertThat(l.settings("en").name()).contains("English");
        assertThat(l.settings("ar").name()).isEmpty();
        assertThat(l.settings("fr")).isEqualTo(LanguageSettings.of("fr"));
        assertThat(l.defaultLanguageInSubfolder()).isTrue();
        assertThat(l.showUntranslated()).isFalse();
        assertThat(config.homePath("en")).isEqualTo("/en/");

        SiteConfig es = config.localized("es", path -> path.equals("/") ? "/es/" : path);
        assertThat(es.title()).isEqualTo("Campañas");
        assertThat(es.description()).isEqualTo("Descripción");
        assertThat(es.navigation()).containsExactly(new Link("Inicio", "/es/"));
        assertThat(es.footerLinks()).containsExactly(new Link("Acerca de", "https://example.org/about"));
        SiteConfig fr = config.localized("fr", path -> path);
        assertThat(fr.title()).isEqualTo("Campaigns");
        assertThat(fr.navigation()).containsExactly(new Link("Home", "/"));
    }

    @Test
    void wrongValuesAreReportedAtTheirLines() throws IOException {
        load("""
                languages:
                  Spanish:
                    name: Español
                  es:
                    nam: Español
                untranslatedCampaigns: hide
                """);
        List<String> formatted = problems.sorted().stream().map(Problem::format).toList();
        assertThat(formatted).containsExactly(
                "content/site.yml:2:3: error: 'Spanish' is not a language tag" + System.lineSeparator()
                        + "    hint: use the name of the language's folder in content/, e.g. es or pt-BR",
                "content/site.yml:6:1: error: unknown value 'hide'" + System.lineSeparator()
                        + "    hint: use 'show' (list them, marked with their language) or 'omit' (leave them out)",
                "content/site.yml:5:5: warning: unknown key 'nam' in languages: es is ignored"
                        + System.lineSeparator() + "    hint: did you mean 'name'?");
    }

    @Test
    void aLanguagesListInsteadOfABlockIsAnError() throws IOException {
        SiteConfig config = load("languages: [en, es]\n");
        assertThat(problems.sorted()).extracting(Problem::message)
                .contains("'languages' must be a block with one line per language folder");
        assertThat(config.localization().languages()).isEmpty();
        assertThat(config.localization().find("en")).isEqualTo(Optional.empty());
    }
}
