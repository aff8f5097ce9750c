package io.github.broadside.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The build's one way to run independent jobs side by side (parsing pages, rendering them, drawing
 * share cards, scanning published files): on at most {@code threads} workers, with the results in
 * the order of the jobs, so that output never depends on timing. One job or one thread runs on the
 * calling thread, with no pool. A job's failure is the caller's: its unchecked exception or
 * {@link IOException} is thrown again as it was.
 */
public final class Workers {
    private Workers() {
    }

    /** Runs {@code jobs} on up to {@code threads} workers; their results in the order of {@code jobs}. */
    public static <T> List<T> call(List<? extends Callable<T>> jobs, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (threads == 1 || jobs.size() < 2) {
            List<T> out = new ArrayList<>(jobs.size());
            for (Callable<T> job : jobs) {
                try {
                    out.add(job.call());
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()));
        try {
            List<T> out = new ArrayList<>(jobs.size());
            for (Future<T> future : pool.invokeAll(jobs)) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #call} for jobs that read no files; an interruption is an {@link UncheckedIOException}. */
    public static <T> List<T> get(List<? extends Supplier<T>> jobs, int threads) {
        List<Callable<T>> callables = new ArrayList<>(jobs.size());
        jobs.forEach(job -> callables.add(job::get));
        try {
            return call(callables, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
