package io.github.broadside.quality;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.publish.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's own sample site ({@code content/} with {@code themes/default/}) built once per test
 * JVM into a temporary folder, so the validator, axe and browser checks all look at the same
 * real output without each paying for a build.
 *
 * <p>The folder is deleted when the JVM exits. A build that fails is reported to every check that
 * asks for the site, with the build's problems as the message.
 */
public final class SampleSite {
    private final Path root;

    private SampleSite(Path root) {
        this.root = root;
    }

    /** The built site; throws an {@link AssertionError} carrying the build's problems if it did not build. */
    public static SampleSite get() {
        return Once.RESULT.site();
    }

    /** The project folder: Surefire's {@code basedir}, or the working directory when run elsewhere. */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    /** The folder holding the generated site. */
    public Path root() {
        return root;
    }

    /** Every generated HTML page, as paths relative to {@link #root()} with forward slashes, sorted. */
    public List<String> htmlPages() {
        return files(".html");
    }

    /** Every generated stylesheet, relative to {@link #root()}, sorted. */
    public List<String> stylesheets() {
        return files(".css");
    }

    /** The URL path a browser uses for {@code file}: {@code en/x/index.html} is served as {@code /en/x/}. */
    public static String urlPath(String file) {
        String path = "/" + file;
        return path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }

    private List<String> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Either the built site or why it could not be built; computed once, on first use. */
    private record Result(SampleSite built, String failure) {
        SampleSite site() {
            if (built == null) {
                throw new AssertionError(failure);
            }
            return built;
        }
    }

    private static final class Once {
        static final Result RESULT = build();

        private static Result build() {
            try {
                Path parent = Files.createTempDirectory("broadside-sample-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(parent)));
                Path out = parent.resolve("site");
                new SiteBuilder(BuildOptions.builder(projectDir()).output(out).build()).build();
                return new Result(new SampleSite(out), "");
            } catch (BuildFailedException e) {
                return new Result(null, "the sample site does not build:\n" + e.problems().stream()
                        .map(Problem::format).collect(Collectors.joining("\n")));
            } catch (IOException e) {
                return new Result(null, "the sample site could not be written: " + e);
            }
        }

        private static void deleteTree(Path dir) {
            try {
                SiteWriter.deleteTree(dir);
            } catch (IOException ignored) {
                // best effort at exit: the folder is in the system temp dir
            }
        }
    }
}
