package io.github.broadside.render;

import java.util.Objects;

/**
 * One output file: its path inside the site folder ({@code stop-the-raids/index.html}, forward
 * slashes, never absolute, never with {@code ..}) and its bytes.
 */
public record Page(String path, byte[] bytes) {
    public Page {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.isEmpty()) {
            throw new IllegalArgumentException("page path must be relative and inside the site: " + path);
        }
    }
}
