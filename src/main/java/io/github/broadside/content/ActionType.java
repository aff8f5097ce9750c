package io.github.broadside.content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a campaign asks its readers to do. */
public enum ActionType {
    /** Sign a petition to named targets. */
    PETITION,
    /** Add a name to a sign-on letter, often with organisation and role. */
    LETTER,
    /** Phone the targets, then record the call. */
    CALL,
    /** Join an organisational statement. */
    STATEMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ActionType::key).toList();
    }
}
