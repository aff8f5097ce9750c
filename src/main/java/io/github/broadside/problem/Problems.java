package io.github.broadside.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the {@link Problem}s of one build so that all of them are reported together.
 *
 * <p>Stages add to it and go on with what they could read; the build checks {@link #hasErrors()}
 * between stages. Safe to share between the threads of one build.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** Adds a problem; the same problem twice (a template error hit by every page) is kept once. */
    public synchronized void add(Problem problem) {
        if (!list.contains(problem)) {
            list.add(problem);
        }
    }

    public synchronized void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public synchronized int errorCount() {
        return (int) list.stream().filter(Problem::isError).count();
    }

    /** All problems, errors first, then by file, line and column, so output is stable run to run. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(ORDER);
        return Collections.unmodifiableList(copy);
    }

    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.isError() ? 0 : 1)
            .thenComparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);
}
