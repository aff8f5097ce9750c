package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildResult;
import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The interface languages the default theme ships beyond en/es/ar: a site with a folder in each
 * builds with no warning about missing or untranslated UI strings; and a bundle copied from English
 * and left untranslated is reported string by string.
 */
class InterfaceLanguagesTest {
    /** The bundles issue 19 asked for (Simplified Chinese as zh, CLDR's default script for zh). */
    static final List<String> SHIPPED = List.of("fr", "pt", "zh", "vi", "tl", "ko", "ru", "ht", "de");

    @TempDir
    Path dir;

    private TestProject siteIn(String language) {
        return TestProject.create(dir)
                .campaign("a.md", "A campaign")
                .write("content/" + language + "/a.md", "---\ntitle: \"Une campagne\"\ndate: 2024-05-01\n---\nTexte.\n");
    }

    static List<Problem> uiStringWarnings(BuildResult result) {
        return result.warnings().stream().filter(w -> w.file().contains("/i18n/")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "pt", "zh", "vi", "tl", "ko", "ru", "ht", "de"})
    void eachShippedBundleBuildsWithNoUiStringWarning(String language) {
        assertThat(TestProject.REPOSITORY.resolve("themes/default/i18n/" + language + ".yml")).exists();
        BuildResult result = siteIn(language).build();
        assertThat(uiStringWarnings(result)).isEmpty();
    }

    @Test
    void aFrenchPageReadsFrench() throws Exception {
        TestProject project = siteIn("fr");
        project.build();
        Document page = Jsoup.parse(project.site().resolve("fr/a/index.html").toFile());
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.text()).contains("Aller au contenu").doesNotContain("Skip to content");
    }

    @Test
    void anEnglishBundleCopiedForFrenchIsListedStringByString() throws Exception {
        TestProject project = siteIn("fr");
        project.write("content/i18n/fr.yml", Files.readString(TestProject.REPOSITORY.resolve("themes/default/i18n/en.yml")));
        List<Problem> warnings = uiStringWarnings(project.build());
        assertThat(warnings).hasSize(1);
        Problem leftovers = warnings.get(0);
        assertThat(leftovers.file()).isEqualTo("content/i18n/fr.yml");
        assertThat(leftovers.message()).contains("word for word the same as in 'en'", "form.required",
                "form.errorSummary.title", "translation.readCurrent");
        int count = Integer.parseInt(leftovers.message().substring(0, leftovers.message().indexOf(' ')));
        assertThat(count).isGreaterThan(100);
    }

    @Test
    void stringsRightlyTheSameAreAllowed() {
        TestProject project = siteIn("fr");
        project.write("content/i18n/fr.yml", "_sameAsDefault: [share.facebook]\nshare.facebook: Share on Facebook\n");
        assertThat(uiStringWarnings(project.build())).isEmpty();
        project.write("content/i18n/fr.yml", "share.facebook: Share on Facebook\n");
        assertThat(uiStringWarnings(project.build())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("1 UI string is in 'fr' word for word"));
    }

    @Test
    void patternsWithoutWordsAreNotCounted() {
        assertThat(MessageLoader.hasWords("{count}")).isFalse();
        assertThat(MessageLoader.hasWords("{goal, number} · {count}")).isFalse();
        assertThat(MessageLoader.hasWords("Donate")).isTrue();
        assertThat(MessageLoader.hasWords("{count, plural, one {# person} other {# people}}")).isTrue();
    }
}
