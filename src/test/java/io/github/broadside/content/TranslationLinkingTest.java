package io.github.broadside.content;

import io.github.broadside.yaml.SourceText;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the parse stage links translations to their sources and what a translation inherits. */
class TranslationLinkingTest {
    @TempDir
    Path content;
    final Problems problems = new Problems();

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Map<String, Campaign> load() {
        ContentLoader loader = new ContentLoader(content, "content", new CampaignParser("en"));
        return loader.load(loader.languages(problems), 2, problems).stream()
                .collect(Collectors.toMap(Campaign::contentPath, Function.identity()));
    }

    private List<String> errors() {
        return problems.sorted().stream().filter(Problem::isError).map(Problem::format).toList();
    }

    private static final String SOURCE = """
            ---
            title: "Call the board"
            date: 2024-03-01
            status: active
            summary: "English summary"
            tags: [detention]
            quickExit: true
            image: "images/vigil.jpg"
            imageAlt: "People at a vigil"
            actions:
              - type: call
                label: "Call the board"
                goal: 500
                count: 120
                targets:
                  - name: "Board office"
                    role: "Main line"
                    phone: "555-0100"
                  - name: "Chair"
                    phone: "555-0199"
                findRepresentativeUrl: "https://example.org/find"
              - type: petition
                label: "Sign"
            donate:
              url: "https://example.org/donate"
              label: "Donate"
            ---

            English body.
            """;

    @Test
    void aTranslationAtTheSamePathInheritsWhatItLeavesOut() throws IOException {
        write("en/board.md", SOURCE);
        write("es/board.md", """
                ---
                title: "Llama a la junta"
                actions:
                  - label: "Llama a la junta"
                    targets:
                      - name: "Oficina de la junta"
                        role: "Línea principal"
                      - role: "Presidencia"
                donate:
                  label: "Dona"
                ---

                Texto en español.
                """);
        Campaign es = load().get("es/board.md");
        assertThat(errors()).isEmpty();
        assertThat(es.translation().key()).isEqualTo("board");
        assertThat(es.translation().source()).contains("en/board.md");
        assertThat(es.title()).isEqualTo("Llama a la junta");
        assertThat(es.body()).contains("Texto en español.");
        assertThat(es.path()).isEqualTo("/es/board/");
        // Inherited: date, status, quick exit, image, the actions' structure, the donate address.
        assertThat(es.isoDate()).isEqualTo("2024-03-01");
        assertThat(es.quickExit()).isTrue();
        assertThat(es.image()).map(Image::alt).contains("People at a vigil");
        assertThat(es.actions()).hasSize(2);
        Action call = es.actions().get(0);
        assertThat(call.type()).isEqualTo(ActionType.CALL);
        assertThat(call.label()).isEqualTo("Llama a la junta");
        assertThat(call.goalValue()).isEqualTo(500);
        assertThat(call.countValue()).isEqualTo(120);
        assertThat(call.findRepresentativeUrl()).isEqualTo("https://example.org/find");
        assertThat(call.targets()).containsExactly(new Target("Oficina de la junta", "Línea principal", "555-0100", ""),
                new Target("Chair", "Presidencia", "555-0199", ""));
        assertThat(es.actions().get(1).label()).isEqualTo("Sign");
        assertThat(es.donate()).map(Donate::url).contains("https://example.org/donate");
        assertThat(es.donate()).map(Donate::label).contains("Dona");
        // Not inherited: the page's own words and taxonomy.
        assertThat(es.summary()).isEmpty();
        assertThat(es.tags()).isEmpty();
    }

    @Test
    void aRenamedTranslationIsLinkedByTranslationKeyAndKeepsItsOwnSlug() throws IOException {
        write("en/board.md", SOURCE);
        write("es/llama-a-la-junta.md", "---\ntitle: Llama\ntranslationKey: board\n---\n");
        Campaign es = load().get("es/llama-a-la-junta.md");
        assertThat(errors()).isEmpty();
        assertThat(es.translation().key()).isEqualTo("board");
        assertThat(es.translation().source()).contains("en/board.md");
        assertThat(es.slug()).isEqualTo("llama-a-la-junta");
        assertThat(es.actions()).hasSize(2);
    }

    @Test
    void aTranslationMayNameItsSourceInAnyLanguageAndChainsInherit() throws IOException {
        write("en/board.md", SOURCE);
        write("es/junta.md", "---\ntitle: Junta\ntranslationKey: board\nsummary: Resumen\n---\n");
        write("ar/board.md", """
                ---
                title: "مجلس"
                translationOf:
                  source: es/junta.md
                ---
                """);
        Map<String, Campaign> all = load();
        assertThat(errors()).isEmpty();
        Campaign ar = all.get("ar/board.md");
        assertThat(ar.translation().source()).contains("es/junta.md");
        assertThat(ar.translation().key()).isEqualTo("board");
        assertThat(ar.actions().get(0).countValue()).isEqualTo(120);
        assertThat(ar.summary()).as("summary is never inherited").isEmpty();
    }

    @Test
    void aMissingNamedSourceIsAnErrorAtItsLineWithASuggestion() throws IOException {
        write("en/board.md", SOURCE);
        write("es/board.md", "---\ntitle: Junta\ntranslationOf:\n  source: en/bord.md\n---\n");
        load();
        assertThat(errors()).contains("content/es/board.md:4:3: error: the translation source 'en/bord.md' "
                + "does not exist" + System.lineSeparator() + "    hint: did you mean 'en/board.md'?");
    }

    @Test
    void sourcesNamingEachOtherInALoopAreAnError() throws IOException {
        write("es/a.md", "---\ntitle: A\ndate: 2024-01-01\ntranslationOf: ar/a.md\n---\n");
        write("ar/a.md", "---\ntitle: B\ndate: 2024-01-01\ntranslationOf: es/a.md\n---\n");
        write("en/other.md", "---\ntitle: O\ndate: 2024-01-01\n---\n");
        load();
        assertThat(errors()).anyMatch(e -> e.contains("in a loop"));
    }

    @Test
    void withoutASourceATranslationIsAnOrdinaryPage() throws IOException {
        write("en/other.md", "---\ntitle: O\ndate: 2024-01-01\n---\n");
        write("es/solo.md", "---\ntitle: Solo\n---\n");
        load();
        assertThat(errors()).containsExactly("content/es/solo.md:2:1: error: 'date' is missing: every campaign needs "
                + "the date it was published" + System.lineSeparator() + "    hint: add a line 'date: 2024-05-01' "
                + "(year-month-day)");
    }

    @Test
    void writingActionReplacesTheSourcesActionsSlotWithoutAConflict() throws IOException {
        write("en/board.md", SOURCE);
        write("es/board.md", "---\ntitle: Junta\naction:\n  type: statement\n  label: Únete\n---\n");
        Campaign es = load().get("es/board.md");
        assertThat(errors()).isEmpty();
        assertThat(es.actions()).extracting(Action::type).containsExactly(ActionType.STATEMENT);
    }

    @Test
    void anErrorInAnInheritedValueIsReportedAtTheSourcesLine() throws IOException {
        write("en/board.md", SOURCE.replace("goal: 500", "goal: lots"));
        write("es/board.md", "---\ntitle: Junta\n---\n");
        Map<String, Campaign> all = load();
        assertThat(all).isEmpty();
        assertThat(errors()).containsExactly("content/en/board.md:13:11: error: 'goal' must be a whole number, "
                + "not 'lots'" + System.lineSeparator() + "    hint: write digits only, without commas or words: "
                + "goal: 10000");
    }

    @Test
    void loadOneLinksATranslationToo() throws IOException {
        write("en/board.md", SOURCE);
        write("es/board.md", "---\ntitle: Junta\n---\n");
        ContentLoader loader = new ContentLoader(content, "content", new CampaignParser("en"));
        Optional<Campaign> es = loader.loadOne(content.resolve("es/board.md"), problems);
        assertThat(errors()).isEmpty();
        assertThat(es).map(c -> c.actions().size()).contains(2);
        // Renamed originals and chains are found too.
        write("en/renamed.md", SOURCE.replace("title: \"Call the board\"", "title: Renamed\ntranslationKey: junta"));
        write("es/junta.md", "---\ntitle: Junta\n---\n");
        write("ar/junta.md", "---\ntitle: مجلس\ntranslationOf: es/junta.md\n---\n");
        Optional<Campaign> ar = loader.loadOne(content.resolve("ar/junta.md"), problems);
        assertThat(errors()).isEmpty();
        assertThat(ar.get().translation().source()).contains("es/junta.md");
        assertThat(ar.get().translation().key()).isEqualTo("junta");
        assertThat(ar.get().actions()).hasSize(2);
    }

    @Test
    void aBatchOfLoadOneCallsReadsTheDefaultLanguageOnceThroughItsIndex() throws IOException {
        write("en/renamed.md", SOURCE.replace("title: \"Call the board\"", "title: Renamed\ntranslationKey: junta"));
        write("es/junta.md", "---\ntitle: Junta\n---\n");
        write("fr/junta.md", "---\ntitle: Conseil\n---\n");
        ContentLoader loader = new ContentLoader(content, "content", new CampaignParser("en"));
        ContentLoader.KeyIndex index = loader.keyIndex();
        assertThat(loader.loadOne(content.resolve("es/junta.md"), problems, index).get().translation().source())
                .contains("en/renamed.md");
        // The index was built by the first call: a file written since is not in it, but is in a new one.
        write("en/other.md", SOURCE.replace("title: \"Call the board\"", "title: Other\ntranslationKey: conseil"));
        write("fr/conseil.md", "---\ntitle: Conseil\n---\n");
        Problems unlinked = new Problems(); // without its source, the page lacks the date it would inherit
        assertThat(loader.loadOne(content.resolve("fr/conseil.md"), unlinked, index)).isEmpty();
        assertThat(unlinked.hasErrors()).isTrue();
        assertThat(loader.loadOne(content.resolve("fr/conseil.md"), problems, loader.keyIndex()).get().translation()
                .source()).contains("en/other.md");
        assertThat(loader.loadOne(content.resolve("fr/junta.md"), problems, index).get().actions()).hasSize(2);
        assertThat(errors()).isEmpty();
    }

    @Test
    void theContentHashIgnoresFormattingCountsAndStatusButNotWords() {
        String base = "---\ntitle: \"Stop\"\ncount: 1\nstatus: active\naction:\n  type: petition\n  count: 4\n---\n\nBody.\n";
        String hash = hash(base);
        assertThat(hash).hasSize(ContentHash.LENGTH);
        assertThat(hash(base.replace("\"Stop\"", "'Stop'  ").replace("\n", "\r\n"))).isEqualTo(hash);
        assertThat(hash(base.replace("count: 4", "count: 999").replace("active", "won"))).isEqualTo(hash);
        assertThat(hash(base.replace("Body.\n", "Body.   \n\n\n"))).isEqualTo(hash);
        assertThat(hash(base.replace("translationOf", "x") + "")).isEqualTo(hash);
        assertThat(hash(base.replace("Body.", "Body!"))).isNotEqualTo(hash);
        assertThat(hash(base.replace("Stop", "Halt"))).isNotEqualTo(hash);
        assertThat(hash(base.replace("petition", "letter"))).isNotEqualTo(hash);
        // Keys in another order are the same page: editors such as Decap CMS write them in their own order.
        assertThat(hash("---\ncount: 1\naction:\n  count: 4\n  type: petition\nstatus: active\ntitle: \"Stop\"\n---\n"
                + "\nBody.\n")).isEqualTo(hash);
        // Composed "é" and decomposed "e + ◌́" are the same text.
        assertThat(hash(base.replace("Body.", "Caf\u00e9"))).isEqualTo(hash(base.replace("Body.", "Cafe\u0301")));
    }

    private static String hash(String text) {
        String decoded = ((SourceText.Text) SourceText.decode("x.md", text.getBytes(StandardCharsets.UTF_8))).text();
        ContentFile file = new CampaignParser("en").compose("x.md", "en", "x.md", decoded, new Problems()).orElseThrow();
        return ContentHash.of(file.frontMatter(), file.parts().body());
    }

    @Test
    void slugsKeepTheMarksOfNonLatinScripts() {
        assertThat(Slug.of("Año Nuevo!")).isEqualTo("ano-nuevo");
        assertThat(Slug.of("رسائل")).isEqualTo("رسائل");
        assertThat(Slug.of("हिन्दी समाचार")).isEqualTo("हिन्दी-समाचार");
        assertThat(Slug.problemWith("हिन्दी")).isEmpty();
    }
}
