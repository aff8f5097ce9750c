package io.github.broadside.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void suggestsTheClosestKnownWordForATypo() {
        assertThat(Suggestions.closest("tile", Set.of("title", "tags"))).contains("title");
        assertThat(Suggestions.closest("phnoe", List.of("phone", "email"))).contains("phone");
        assertThat(Suggestions.closest("TITEL", List.of("title"))).contains("title");
        assertThat(Suggestions.didYouMean("catgories", List.of("categories", "tags")))
                .contains("did you mean 'categories'?");
    }

    @Test
    void suggestsNothingWhenNoWordIsNear() {
        assertThat(Suggestions.closest("xyz", Set.of("title", "tags"))).isEmpty();
        assertThat(Suggestions.didYouMean("summary", List.of("title"))).isEmpty();
        // Short words allow one typo only: 'ab' is not a typo of 'xy'.
        assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertThat(Suggestions.closest("cat", List.of("cut", "cap"))).contains("cap");
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("phnoe", "phone")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
