package io.github.broadside.forms;

import java.util.Objects;

/**
 * Where the enhancing script reads a live signature count after the page has loaded: a URL on the
 * site's own origin (no third party is contacted on page load) answering JSON, and the
 * <a href="https://www.rfc-editor.org/rfc/rfc6901">JSON pointer</a> to the number in it
 * ({@code /count}, or {@code ""} when the whole answer is the number).
 */
public record LiveCount(String url, String pointer) {
    public LiveCount {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pointer, "pointer");
        if (url.isBlank()) {
            throw new IllegalArgumentException("the live count URL is empty");
        }
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
    }
}
