package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {
    @TempDir
    Path dir;

    private void bundle(String folder, String language, String yaml) throws IOException {
        Path file = dir.resolve(folder).resolve("i18n").resolve(language + ".yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    @Test
    void pluralsFallbackAndMissingKeys() {
        Messages messages = new Messages(Map.of(
                "en", Map.of("signed", "{count, plural, =0 {No one yet.} one {# person} other {# people}}",
                        "goal", "Let’s get to {goal, number}!"),
                "es", Map.of("signed", "{count, plural, one {# persona} other {# personas}}")), "en");
        assertThat(messages.format("en", "signed", Map.of("count", 0))).isEqualTo("No one yet.");
        assertThat(messages.format("en", "signed", Map.of("count", 1))).isEqualTo("1 person");
        assertThat(messages.format("en", "signed", Map.of("count", 400))).isEqualTo("400 people");
        assertThat(messages.format("es", "signed", Map.of("count", 2))).isEqualTo("2 personas");
        assertThat(messages.format("en", "goal", Map.of("goal", 10000))).isEqualTo("Let’s get to 10,000!");
        assertThat(messages.format("es", "goal", Map.of("goal", 10000))).isEqualTo("Let’s get to 10,000!");
        assertThat(messages.format("es", "nope", Map.of())).isEqualTo("nope");
        assertThat(messages.has("es", "goal")).isFalse();
        assertThat(messages.keys()).containsExactlyInAnyOrder("signed", "goal");
    }

    @Test
    void laterFoldersOverrideSingleKeys() throws IOException {
        bundle("theme", "en", "a: Theme A\nb: Theme B\n");
        bundle("content", "en", "b: Site B\n");
        Problems problems = new Problems();
        Messages messages = MessageLoader.load(List.of(dir.resolve("theme"), dir.resolve("content"), dir.resolve("none")),
                p -> dir.relativize(p).toString(), "en", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(messages.format("en", "a", Map.of())).isEqualTo("Theme A");
        assertThat(messages.format("en", "b", Map.of())).isEqualTo("Site B");
    }

    @Test
    void invalidPatternIsAProblemAtItsLine() throws IOException {
        bundle("theme", "en", "ok: fine\nbroken: \"{count, plural, one {#}\"\n");
        Problems problems = new Problems();
        Messages messages = MessageLoader.load(List.of(dir.resolve("theme")), p -> "themes/default/i18n/en.yml", "en",
                problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.location()).isEqualTo("themes/default/i18n/en.yml:2:1");
            assertThat(p.message()).contains("'broken'");
        });
        assertThat(messages.format("en", "ok", Map.of())).isEqualTo("fine");
    }

    @Test
    void theDefaultThemeBundleIsValid() {
        Path theme = Path.of(System.getProperty("basedir", ".")).resolve("themes/default");
        Problems problems = new Problems();
        Messages messages = MessageLoader.load(List.of(theme), Path::toString, "en", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(messages.format("en", "counter.goal", Map.of("count", 0L, "goal", 10000L)))
                .isEqualTo("0 have signed. Let’s get to 10,000!");
    }

    @Test
    void everyStringOfTheDefaultThemeFormatsAsIcuWould() {
        Path theme = Path.of(System.getProperty("basedir", ".")).resolve("themes/default");
        Messages messages = MessageLoader.load(List.of(theme), Path::toString, "en", new Problems());
        for (String language : List.of("en", "es", "ar")) {
            for (String key : messages.keys()) {
                String pattern = messages.pattern(language, key).orElseThrow();
                Map<String, Object> args = Map.of("count", 3L, "goal", 10L, "title", "T", "name", "N", "n", 2L,
                        "total", 5L, "date", "D", "language", "L", "organization", "O", "amount", "A");
                String icu = new com.ibm.icu.text.MessageFormat(pattern,
                        com.ibm.icu.util.ULocale.forLanguageTag(messages.has(language, key) ? language : "en"))
                        .format(args);
                assertThat(messages.format(language, key, args)).as(language + " " + key).isEqualTo(icu);
            }
        }
        // Plain text is returned as it is; an apostrophe still goes through ICU's quoting rules.
        Messages own = new Messages(Map.of("en", Map.of("plain", "Sign now", "quoted", "It''s '{'x'}'")), "en");
        assertThat(own.format("en", "plain", Map.of())).isEqualTo("Sign now");
        assertThat(own.format("en", "quoted", Map.of())).isEqualTo("It's {x}");
    }
}
