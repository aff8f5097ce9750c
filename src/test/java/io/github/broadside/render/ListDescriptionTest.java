package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list page's description: the lead and as many names as fit in a search snippet, never a broken character. */
class ListDescriptionTest {
    @Test
    void namesWhatFitsAndMarksTheRest() {
        assertThat(PageRenderer.listDescription("water", List.of(), " · ")).isEqualTo("water");
        assertThat(PageRenderer.listDescription("water", List.of("A", "B"), " · ")).isEqualTo("water: A · B");
        String many = PageRenderer.listDescription("water", Collections.nCopies(100, "Save the river"), " · ");
        assertThat(many).startsWith("water: Save the river · ").endsWith("Save the river…");
        assertThat(many.length()).isLessThanOrEqualTo(PageRenderer.LIST_DESCRIPTION_LIMIT + 1);
    }

    @Test
    void aFirstNameTooLongIsCutAtASpaceOrWholeCharacter() {
        String words = PageRenderer.listDescription("Tags", List.of("word ".repeat(60)), ", ");
        assertThat(words).startsWith("Tags: word").endsWith("word…");
        assertThat(words.length()).isLessThanOrEqualTo(PageRenderer.LIST_DESCRIPTION_LIMIT + 1);
        for (int shift = 0; shift < 2; shift++) {
            String emoji = PageRenderer.listDescription("x".repeat(shift + 1), List.of("✊🏽".repeat(100)), ", ");
            assertThat(emoji.length()).isLessThanOrEqualTo(PageRenderer.LIST_DESCRIPTION_LIMIT + 1);
            for (int i = 0; i < emoji.length(); i++) {
                char c = emoji.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(Character.isLowSurrogate(emoji.charAt(i + 1))).as("pair at %d of %s", i, emoji).isTrue();
                }
                if (Character.isLowSurrogate(c)) {
                    assertThat(Character.isHighSurrogate(emoji.charAt(i - 1))).as("pair at %d", i).isTrue();
                }
            }
        }
    }
}
