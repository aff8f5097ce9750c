package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.TestProject;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Share cards are drawn once and reused by later builds until what they show changes. */
class CardCacheTest {
    private static final SocialCard.Card CARD = new SocialCard.Card("Keep the library open", "Active",
            new Color(0x0d6b2f), "Friends of the library", false);

    @TempDir
    Path tmp;

    private static byte[] png(int marker) {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', (byte) marker};
    }

    /** The bytes of the card's cached file. */
    private static byte[] png(CardCache cache, SocialCard.Card card, java.util.function.Function<SocialCard.Card,
            byte[]> draw) throws Exception {
        return Files.readAllBytes(cache.file(card, draw).orElseThrow());
    }

    private List<Path> fonts() throws Exception {
        return SocialCard.fontFiles(List.of(TestProject.REPOSITORY.resolve("themes/default")));
    }

    @Test
    void aCardIsDrawnOnceThenReadFromTheCache() throws Exception {
        AtomicInteger drawn = new AtomicInteger();
        CardCache first = CardCache.in(tmp, fonts());
        assertThat(png(first, CARD, c -> png(drawn.incrementAndGet()))).isEqualTo(png(1));
        CardCache second = CardCache.in(tmp, fonts());
        assertThat(png(second, CARD, c -> png(drawn.incrementAndGet()))).isEqualTo(png(1));
        assertThat(drawn).hasValue(1);
    }

    @Test
    void anyChangeToWhatTheCardShowsDrawsItAgain() throws Exception {
        AtomicInteger drawn = new AtomicInteger();
        CardCache cache = CardCache.in(tmp, fonts());
        png(cache, CARD, c -> png(drawn.incrementAndGet()));
        png(cache, new SocialCard.Card(CARD.title() + "!", CARD.status(), CARD.statusColour(), CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        png(cache, new SocialCard.Card(CARD.title(), "Won", CARD.statusColour(), CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        png(cache, new SocialCard.Card(CARD.title(), CARD.status(), Color.RED, CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        png(cache, new SocialCard.Card(CARD.title(), CARD.status(), CARD.statusColour(), CARD.footer(), true),
                c -> png(drawn.incrementAndGet()));
        assertThat(drawn).hasValue(5);
        // Other fonts draw other pixels.
        CardCache otherFonts = CardCache.in(tmp, fonts().subList(0, 1));
        png(otherFonts, CARD, c -> png(drawn.incrementAndGet()));
        assertThat(drawn).hasValue(6);
    }

    @Test
    void aDamagedFileIsDrawnAgainAndReplaced() throws Exception {
        CardCache cache = CardCache.in(tmp, fonts());
        png(cache, CARD, c -> png(1));
        try (Stream<Path> files = Files.list(tmp)) {
            Files.write(files.findFirst().orElseThrow(), new byte[] {1, 2, 3});
        }
        assertThat(png(CardCache.in(tmp, fonts()), CARD, c -> png(2))).isEqualTo(png(2));
        assertThat(png(CardCache.in(tmp, fonts()), CARD, c -> png(3))).isEqualTo(png(2));
    }

    @Test
    void withoutAFolderOrWhenItCannotBeWrittenTheCallerDraws() throws Exception {
        AtomicInteger drawn = new AtomicInteger();
        assertThat(CardCache.none().file(CARD, c -> png(drawn.incrementAndGet()))).isEmpty();
        Path notAFolder = Files.write(tmp.resolve("file"), new byte[] {1});
        CardCache broken = CardCache.in(notAFolder.resolve("cards"), fonts());
        assertThat(broken.file(CARD, c -> png(drawn.incrementAndGet()))).isEmpty();
        assertThat(broken.file(CARD, c -> png(drawn.incrementAndGet()))).as("not tried again").isEmpty();
        assertThat(drawn).hasValue(1);
    }

    @Test
    void pruneKeepsOnlyTheCardsOfThisBuild() throws Exception {
        CardCache old = CardCache.in(tmp, fonts());
        png(old, CARD, c -> png(1));
        png(old, new SocialCard.Card("Gone", "", Color.BLACK, "", false), c -> png(2));
        CardCache next = CardCache.in(tmp, fonts());
        png(next, CARD, c -> png(3));
        next.prune();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).hasSize(1);
        }
        assertThat(png(CardCache.in(tmp, fonts()), CARD, c -> png(4))).isEqualTo(png(1));
    }

    @Test
    void aBuildWithTheCacheWritesTheSameSiteAsOneWithout() throws Exception {
        TestProject project = TestProject.create(tmp.resolve("p")).campaign("a.md", "Save the river")
                .campaign("b.md", "Fund the clinic");
        Path cache = tmp.resolve("p/target/broadside");
        BuildOptions cached = project.options().toBuilder().cache(Path.of("target/broadside")).build();
        project.build(cached.toBuilder().output(Path.of("first")).build());
        try (Stream<Path> files = Files.list(cache.resolve("cards"))) {
            assertThat(files.toList()).hasSize(3); // the home card and one per campaign
        }
        io.github.broadside.BuildResult second = project.build(cached.toBuilder().output(Path.of("second")).build());
        io.github.broadside.BuildResult uncached = project.build(project.options().toBuilder().output(Path.of("uncached")).build());
        assertThat(second.languages()).as("copied cards count as drawn ones").isEqualTo(uncached.languages());
        assertThat(second.bytes()).isEqualTo(uncached.bytes());
        for (String card : List.of("card.png", "a/card.png", "b/card.png")) {
            byte[] expected = Files.readAllBytes(project.root().resolve("uncached").resolve(card));
            assertThat(Files.readAllBytes(project.root().resolve("first").resolve(card))).as(card).isEqualTo(expected);
            assertThat(Files.readAllBytes(project.root().resolve("second").resolve(card))).as(card).isEqualTo(expected);
        }

        project.campaign("b.md", "Fund the new clinic");
        project.build(cached.toBuilder().output(Path.of("third")).build());
        try (Stream<Path> files = Files.list(cache.resolve("cards"))) {
            assertThat(files.toList()).as("the old card is removed").hasSize(3);
        }
    }
}
