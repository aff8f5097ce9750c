package io.github.broadside.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsLikeACompiler() {
        Problem problem = Problem.error("content/en/a.md", 4, 7, "'x' is not a date", "write 2019-07-04");
        assertThat(problem.format()).isEqualTo("content/en/a.md:4:7: error: 'x' is not a date"
                + System.lineSeparator() + "    hint: write 2019-07-04");
        assertThat(problem).hasToString(problem.format());
    }

    @Test
    void unknownPartsAreLeftOut() {
        assertThat(Problem.warning("content", 0, 0, "m", null).format()).isEqualTo("content: warning: m");
        assertThat(Problem.error("a.md", 3, 0, "m", "").location()).isEqualTo("a.md:3");
    }

    @Test
    void negativePositionsAreRefused() {
        assertThatThrownBy(() -> Problem.error("a", -1, 0, "m", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsAreSortedErrorsFirstAndDeduplicated() {
        Problems problems = new Problems();
        problems.add(Problem.warning("a.md", 1, 1, "w", ""));
        problems.add(Problem.error("b.md", 9, 1, "late", ""));
        problems.add(Problem.error("b.md", 2, 1, "early", ""));
        problems.add(Problem.error("b.md", 2, 1, "early", ""));
        assertThat(problems.sorted()).extracting(Problem::message).containsExactly("early", "late", "w");
        assertThat(problems.errorCount()).isEqualTo(2);
        assertThat(problems.hasErrors()).isTrue();
        BuildFailedException failure = new BuildFailedException(problems.sorted());
        assertThat(failure.problems()).hasSize(3);
        assertThat(failure).hasMessage("2 errors in the site's content or theme");
        assertThat(new BuildFailedException(List.of(Problem.error("a", 1, 1, "m", "")))).hasMessageStartingWith("1 error ");
    }
}
