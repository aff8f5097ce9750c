package io.github.broadside.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Did-you-mean hints: the known word closest to one a user typed, when it is close enough to be a
 * plausible typo ({@code tittle} for {@code title}, {@code phnoe} for {@code phone}). Used wherever
 * a problem names a word that is not known: a front-matter or site.yml key, a provider or its
 * option, a translation's source file.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code typed} by edit distance (ignoring case), if it is a plausible typo. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        Objects.requireNonNull(typed, "typed");
        String lower = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .map(c -> Map.entry(c, distance(lower, c.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(1, Math.min(3, e.getKey().length() / 3)))
                .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** The hint {@code did you mean 'x'?} for the {@linkplain #closest closest} candidate, if there is one. */
    public static Optional<String> didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(Suggestions::didYouMean);
    }

    /** The hint {@code did you mean 'x'?} for a known word. */
    public static String didYouMean(String word) {
        return "did you mean '" + word + "'?";
    }

    /** Edit distance where swapping two neighbouring letters ({@code phnoe}) counts as one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
