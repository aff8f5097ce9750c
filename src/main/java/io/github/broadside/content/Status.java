package io.github.broadside.content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a campaign stands. Active campaigns take signatures; closed and won ones show the outcome. */
public enum Status {
    ACTIVE, CLOSED, WON;

    /** The word used in front matter and in CSS classes. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == ACTIVE;
    }

    public static Optional<Status> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Status::key).toList();
    }
}
