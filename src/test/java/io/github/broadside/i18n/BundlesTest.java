package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's real bundles, .properties bundles, and the per-language coverage warnings. */
class BundlesTest {
    @TempDir
    Path temp;

    private static Messages themeMessages(Problems problems) {
        return MessageLoader.load(List.of(SampleCopy.projectDir().resolve("themes/default")), Path::toString, "en",
                problems);
    }

    @Test
    void theArabicCounterHasSixPluralForms() {
        Problems problems = new Problems();
        Messages messages = themeMessages(problems);
        assertThat(problems.sorted()).isEmpty();
        Set<String> texts = new TreeSet<>();
        for (long count : new long[] {0, 1, 2, 3, 11, 100}) {
            texts.add(messages.format("ar", "counter.signed", Map.of("count", count)));
        }
        assertThat(texts).containsExactlyInAnyOrder("لم يوقّع أحد بعد.", "وقّع شخص واحد.", "وقّع شخصان.",
                "وقّع 3 أشخاص.", "وقّع 11 شخصًا.", "وقّع 100 شخص.");
        assertThat(messages.format("ar", "counter.signed", Map.of("count", 105L))).isEqualTo("وقّع 105 أشخاص.");
        assertThat(messages.format("ar", "counter.signed", Map.of("count", 1011L))).isEqualTo("وقّع 1,011 شخصًا.");
    }

    @Test
    void spanishFormatsCountsAndGoalsTheSpanishWay() {
        Messages messages = themeMessages(new Problems());
        assertThat(messages.format("es", "counter.signed", Map.of("count", 1L))).isEqualTo("1 persona ha firmado.");
        assertThat(messages.format("es", "counter.goal", Map.of("count", 2500L, "goal", 10000L)))
                .isEqualTo("2.500 personas han firmado. ¡Lleguemos a 10.000!");
    }

    @Test
    void theSpanishAndArabicBundlesHaveEveryEnglishKey() {
        Messages messages = themeMessages(new Problems());
        List<Problem> coverage = MessageLoader.coverage(messages, messages, List.of("en", "es", "ar"),
                "themes/default/i18n", "content/i18n");
        assertThat(coverage).extracting(Problem::format).isEmpty();
        assertThat(messages.keys("es")).containsAll(messages.keys());
        assertThat(messages.keys("ar")).containsAll(messages.keys());
    }

    @Test
    void propertiesBundlesAreReadAsUtf8AndYamlOverridesThemInTheSameFolder() throws IOException {
        Path i18n = Files.createDirectories(temp.resolve("theme/i18n"));
        Files.writeString(i18n.resolve("en.properties"), "# comment\nhello = Hello {name}\nbye: Bye\n");
        Files.writeString(i18n.resolve("es.properties"), "hello = ¡Hola, {name}!\nbye = Adiós\n",
                StandardCharsets.UTF_8);
        Files.writeString(i18n.resolve("es.yml"), "bye: Chao\n");
        Problems problems = new Problems();
        Messages messages = MessageLoader.load(List.of(temp.resolve("theme")), p -> "t/" + p.getFileName(), "en",
                problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(messages.format("es", "hello", Map.of("name", "Ana"))).isEqualTo("¡Hola, Ana!");
        assertThat(messages.format("es", "bye", Map.of())).isEqualTo("Chao");
        assertThat(messages.format("en", "bye", Map.of())).isEqualTo("Bye");
    }

    @Test
    void anInvalidPatternInAPropertiesBundleIsReportedAtItsLine() throws IOException {
        Path i18n = Files.createDirectories(temp.resolve("theme/i18n"));
        Files.writeString(i18n.resolve("en.properties"), "ok = Fine\n\nbroken = {count, plural, one {x}\n");
        Problems problems = new Problems();
        MessageLoader.load(List.of(temp.resolve("theme")), p -> "i18n/" + p.getFileName(), "en", problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("i18n/en.properties");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("the message 'broken' is not a valid ICU pattern");
        });
    }

    @Test
    void coverageIsOneWarningPerLanguageWhateverTheNumberOfKeys() {
        Map<String, String> english = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            english.put("key." + i, "Text " + i);
        }
        Messages theme = new Messages(Map.of("en", english, "es", Map.of("key.1", "Texto 1", "key.new", "Nuevo"),
                "de", Map.of("key.1", "Text eins")), "en");
        Messages messages = new Messages(Map.of("en", english, "es", Map.of("key.1", "Texto 1", "key.new", "Nuevo"),
                "de", Map.of("key.1", "Text eins", "kye.2", "Tippfehler")), "en");
        List<Problem> coverage = MessageLoader.coverage(messages, theme, List.of("en", "es", "de", "fr"),
                "themes/t/i18n", "content/i18n");
        // key.new is the theme's own (a theme ahead of its default language): not reported.
        assertThat(coverage).extracting(Problem::file).containsExactly("themes/t/i18n/es.yml",
                "themes/t/i18n/de.yml", "content/i18n/de.yml", "themes/t/i18n/fr.yml");
        assertThat(coverage.get(0).message()).startsWith("39 UI strings are not translated into 'es' and shown in "
                + "'en': key.0, key.10, key.11").doesNotContain("key.1,");
        assertThat(coverage.get(2).message()).isEqualTo(
                "UI string in 'de' that the theme does not have, so no page uses: kye.2");
        assertThat(coverage.get(3).message()).isEqualTo(
                "there are no UI strings in 'fr': all 40 buttons, labels and messages are shown in 'en'");
        assertThat(coverage).allMatch(p -> !p.isError());
    }
}
