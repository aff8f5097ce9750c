package io.github.broadside.bench;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the engine without Maven: one cold build (the figure a fresh JVM gives), then warm builds
 * in the same JVM, then an edit of one page followed by a rebuild, reporting how long until the
 * edited page's output shows the change. Output is one line of {@code key=value} pairs for
 * {@code scripts/bench.sh}.
 *
 * <p>Usage: {@code EngineBench <project-dir> <theme-dir> <output-dir> <threads> <warm-runs>}.
 */
public final class EngineBench {
    private EngineBench() {
    }

    /**
     * CPU time of this process by kind of thread, from /proc (Linux only): JIT compilers, garbage
     * collector, and the rest (the build's own threads and the VM). Shows what a cold start costs.
     */
    static String cpuByKind() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "";
        }
        long jit = 0;
        long gc = 0;
        long total = 0;
        try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    if (name.contains("Compiler")) {
                        jit += ticks;
                    } else if (name.startsWith("GC") || name.startsWith("G1")) {
                        gc += ticks;
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            total = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            return "";
        }
        long tick = 10; // USER_HZ is 100 on Linux
        return String.format(Locale.ROOT, "cpu_ms=%d jit_cpu_ms=%d gc_cpu_ms=%d", total * tick, jit * tick, gc * tick);
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (io.github.broadside.problem.BuildFailedException e) {
            e.problems().forEach(p -> System.err.println(p.format()));
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path theme = Path.of(args[1]);
        Path output = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        int warmRuns = Integer.parseInt(args[4]);
        BuildOptions options = BuildOptions.builder(project).theme(theme).output(output).threads(threads).build();
        long start = System.nanoTime();
        BuildResult first = new SiteBuilder(options).build();
        long cold = (System.nanoTime() - start) / 1_000_000;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < warmRuns; i++) {
            long t = System.nanoTime();
            new SiteBuilder(options).build();
            best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
        }
        // Edit one page as an author would, then rebuild and wait until its output has the new text.
        Path source = project.resolve("content/en/" + CorpusGenerator.slug(0) + ".md");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String marker = "Edited-" + System.nanoTime();
        Files.writeString(source, text.replace("## ", "## " + marker + " ").replaceFirst("\\(\\d+\\)\"", "$0"),
                StandardCharsets.UTF_8);
        long t = System.nanoTime();
        new SiteBuilder(options).build();
        long edit = (System.nanoTime() - t) / 1_000_000;
        String html = Files.readString(output.resolve(CorpusGenerator.slug(0) + "/index.html"));
        Files.writeString(source, text, StandardCharsets.UTF_8);
        if (!html.contains(marker)) {
            throw new IllegalStateException("the edit did not reach the output");
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "files=%d threads=%d cold_ms=%d warm_ms=%s edit_full_rebuild_ms=%d heap_used_mb=%d %s%n",
                first.filesWritten(), threads, cold, warmRuns == 0 ? "-" : Long.toString(best), edit,
                (rt.totalMemory() - rt.freeMemory()) >> 20, cpuByKind());
    }
}
