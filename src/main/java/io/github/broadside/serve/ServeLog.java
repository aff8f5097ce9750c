package io.github.broadside.serve;

/**
 * Where the dev server reports what it does: the address it serves, each rebuild and its problems.
 * The Maven goal prints these lines to its log; tests collect them.
 */
public interface ServeLog {
    void info(String line);

    void warn(String line);

    void error(String line);
}
