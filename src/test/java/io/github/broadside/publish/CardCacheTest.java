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

    private List<Path> fonts() throws Exception {
        return SocialCard.fontFiles(List.of(TestProject.REPOSITORY.resolve("themes/default")));
    }

    @Test
    void aCardIsDrawnOnceThenReadFromTheCache() throws Exception {
        AtomicInteger drawn = new AtomicInteger();
        CardCache first = CardCache.in(tmp, fonts());
        assertThat(first.png(CARD, c -> png(drawn.incrementAndGet()))).isEqualTo(png(1));
        CardCache second = CardCache.in(tmp, fonts());
        assertThat(second.png(CARD, c -> png(drawn.incrementAndGet()))).isEqualTo(png(1));
        assertThat(drawn).hasValue(1);
    }

    @Test
    void anyChangeToWhatTheCardShowsDrawsItAgain() throws Exception {
        AtomicInteger drawn = new AtomicInteger();
        CardCache cache = CardCache.in(tmp, fonts());
        cache.png(CARD, c -> png(drawn.incrementAndGet()));
        cache.png(new SocialCard.Card(CARD.title() + "!", CARD.status(), CARD.statusColour(), CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        cache.png(new SocialCard.Card(CARD.title(), "Won", CARD.statusColour(), CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        cache.png(new SocialCard.Card(CARD.title(), CARD.status(), Color.RED, CARD.footer(), false),
                c -> png(drawn.incrementAndGet()));
        cache.png(new SocialCard.Card(CARD.title(), CARD.status(), CARD.statusColour(), CARD.footer(), true),
                c -> png(drawn.incrementAndGet()));
        assertThat(drawn).hasValue(5);
        // Other fonts draw other pixels.
        CardCache otherFonts = CardCache.in(tmp, fonts().subList(0, 1));
        otherFonts.png(CARD, c -> png(drawn.incrementAndGet()));
        assertThat(drawn).hasValue(6);
    }

    @Test
    void aDamagedFileIsDrawnAgainAndReplaced() throws Exception {
        CardCache cache = CardCache.in(tmp, fonts());
        cache.png(CARD, c -> png(1));
        try (Stream<Path> files = Files.list(tmp)) {
            Files.write(files.findFirst().orElseThrow(), new byte[] {1, 2, 3});
        }
        assertThat(CardCache.in(tmp, fonts()).png(CARD, c -> png(2))).isEqualTo(png(2));
        assertThat(CardCache.in(tmp, fonts()).png(CARD, c -> png(3))).isEqualTo(png(2));
    }

    @Test
    void pruneKeepsOnlyTheCardsOfThisBuild() throws Exception {
        CardCache old = CardCache.in(tmp, fonts());
        old.png(CARD, c -> png(1));
        old.png(new SocialCard.Card("Gone", "", Color.BLACK, "", false), c -> png(2));
        CardCache next = CardCache.in(tmp, fonts());
        next.png(CARD, c -> png(3));
        next.prune();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).hasSize(1);
        }
        assertThat(CardCache.in(tmp, fonts()).png(CARD, c -> png(4))).isEqualTo(png(1));
    }

    @Test
    void aBuildWithTheCacheWritesTheSameSiteAsOneWithout() throws Exception {
        TestProject project = TestProject.create(tmp.resolve("p")).campaign("a.md", "Save the river")
                .campaign("b.md", "Fund the clinic");
        Path cache = tmp.resolve("p/target/broadside");
        BuildOptions cached = project.options().withCacheDir(Path.of("target/broadside"));
        project.build(cached.withOutputDir(Path.of("first")));
        try (Stream<Path> files = Files.list(cache.resolve("cards"))) {
            assertThat(files.toList()).hasSize(3); // the home card and one per campaign
        }
        project.build(cached.withOutputDir(Path.of("second")));
        project.build(project.options().withOutputDir(Path.of("uncached")));
        for (String card : List.of("card.png", "a/card.png", "b/card.png")) {
            byte[] expected = Files.readAllBytes(project.root().resolve("uncached").resolve(card));
            assertThat(Files.readAllBytes(project.root().resolve("first").resolve(card))).as(card).isEqualTo(expected);
            assertThat(Files.readAllBytes(project.root().resolve("second").resolve(card))).as(card).isEqualTo(expected);
        }

        project.campaign("b.md", "Fund the new clinic");
        project.build(cached.withOutputDir(Path.of("third")));
        try (Stream<Path> files = Files.list(cache.resolve("cards"))) {
            assertThat(files.toList()).as("the old card is removed").hasSize(3);
        }
    }
}
