package io.github.broadside.publish;

import java.util.Objects;

/**
 * One address used by one published file: {@code file} is its path in the site folder
 * ({@code stop-the-raids/index.html}, {@code assets/style.3f2a9c1b.css}), {@code url} the address as
 * written there (entities decoded).
 */
public record Use(String file, Directive directive, String url) implements Comparable<Use> {
    public Use {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public int compareTo(Use other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byDirective = directive.compareTo(other.directive);
        return byDirective != 0 ? byDirective : url.compareTo(other.url);
    }
}
