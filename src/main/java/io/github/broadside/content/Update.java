package io.github.broadside.content;

import java.time.LocalDate;
import java.util.Objects;

/** A dated news item on a campaign ("UPDATE: nearly 400 signatures"); {@code text} is Markdown. */
public record Update(LocalDate date, String text) {
    public Update {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }
}
