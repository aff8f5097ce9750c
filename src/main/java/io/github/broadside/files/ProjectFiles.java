package io.github.broadside.files;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one guarded way to read a project's files: content pages, {@code site.yml}, message
 * bundles, static files, theme templates, assets and fonts.
 *
 * <p>The folders the user named (the project, and the content and theme folders when they lie
 * outside it) are trusted; nothing below them may be a symbolic link, and a file's real location
 * must lie inside the trusted folder that holds it. A pull request is content, and content can
 * hold a link to {@code /proc/self/environ} or {@code ~/.m2/settings.xml}: following it would
 * publish the build machine's secrets. A refused file is a {@link Problem} naming the link, never
 * a silent skip.
 *
 * <p>{@link #walk} is the one walk of a folder's files, with the one hidden-file rule
 * ({@link #hidden(String)}): every reader that lists files uses it, so what one stage skips, all
 * skip.
 */
public final class ProjectFiles {
    private static final String HINT = "replace the link with a copy of the file; Broadside never follows "
            + "symbolic links, so that a pull request cannot publish a file from outside the project";

    private final List<Path> roots;
    private final Function<Path, String> display;

    /**
     * @param roots   trusted folders, most general first (the project folder, then folders the
     *                user named outside it)
     * @param display how a path is named in problems, e.g. {@code content/static/env.txt}
     */
    public ProjectFiles(Collection<Path> roots, Function<Path, String> display) {
        Set<Path> unique = new LinkedHashSet<>();
        for (Path root : roots) {
            unique.add(root.toAbsolutePath().normalize());
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted folder is needed");
        }
        this.roots = List.copyOf(unique);
        this.display = Objects.requireNonNull(display, "display");
    }

    /** A guard trusting only {@code root}, naming files by their absolute path. */
    public static ProjectFiles trusting(Path root) {
        return new ProjectFiles(List.of(root), p -> p.toAbsolutePath().normalize().toString().replace('\\', '/'));
    }

    /** How {@code path} is named in problems. */
    public String display(Path path) {
        return display.apply(path);
    }

    /**
     * Whether a path relative to the walked folder ({@code img/.DS_Store}, {@code .git/config})
     * is hidden: any of its names starts with a dot. Hidden files are never read or published.
     */
    public static boolean hidden(String relative) {
        for (String name : relative.replace('\\', '/').split("/")) {
            if (name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #hidden(String)} for a relative path. */
    public static boolean hidden(Path relative) {
        return hidden(relative.toString());
    }

    /**
     * Why {@code path} may not be read, or empty when it may: a symbolic link at it or at a folder
     * between its trusted root and it, or a real location outside that root. A path that does not
     * exist is not refused (reading it fails as usual).
     */
    public Optional<Problem> refusal(Path path) {
        Path file = path.toAbsolutePath().normalize();
        Optional<Path> root = roots.stream().filter(file::startsWith).findFirst();
        if (root.isEmpty()) {
            return Optional.of(Problem.error(display(file), 0, 0,
                    "the file lies outside the project folder, so it is not read", HINT));
        }
        Path current = root.get();
        for (Path name : root.get().relativize(file)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(linkProblem(current));
            }
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(root.get().toRealPath())) {
                return Optional.of(Problem.error(display(file), 0, 0,
                        "the file's real location is outside the project folder, so it is not read", HINT));
            }
        } catch (IOException e) {
            return Optional.empty(); // reading it reports the error
        }
        return Optional.empty();
    }

    /** Whether {@code path} exists and is a regular file that {@link #refusal} lets through. */
    public boolean isReadableFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && refusal(path).isEmpty();
    }

    /** Whether {@code path} is a folder that {@link #refusal} lets through. */
    public boolean isFolder(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && refusal(path).isEmpty();
    }

    /** The bytes of {@code file}, or {@link Refused} (an {@link IOException}) carrying the problem. */
    public byte[] read(Path file) throws IOException {
        check(file);
        return Files.readAllBytes(file);
    }

    /**
     * The bytes of {@code file}, or empty after reporting why not to {@code problems}: the
     * guard's refusal, or the read error at {@code shown} (the name the caller uses in problems).
     */
    public Optional<byte[]> read(Path file, String shown, Problems problems) {
        try {
            return Optional.of(read(file));
        } catch (Refused refused) {
            problems.add(refused.problem());
        } catch (IOException e) {
            problems.add(Problem.error(shown, 0, 0, "cannot read the file: " + e.getMessage(),
                    "check that the file exists and is readable"));
        }
        return Optional.empty();
    }

    /** A stream of {@code file}'s bytes, or {@link Refused}. */
    public InputStream open(Path file) throws IOException {
        check(file);
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Throws {@link Refused} when {@link #refusal} refuses {@code file}. */
    public void check(Path file) throws Refused {
        Optional<Problem> refused = refusal(file);
        if (refused.isPresent()) {
            throw new Refused(refused.get());
        }
    }

    /**
     * Every regular file below {@code folder} that is not hidden, sorted by path. Symbolic links
     * (to files or folders) are not followed: each is reported to {@code problems} and left out.
     * A missing folder has no files; a linked folder is reported.
     */
    public List<Path> walk(Path folder, Problems problems) {
        return walk(folder, Integer.MAX_VALUE, problems);
    }

    /** {@link #walk(Path, Problems)} for the files directly in {@code folder} only. */
    public List<Path> list(Path folder, Problems problems) {
        return walk(folder, 1, problems);
    }

    private List<Path> walk(Path folder, int depth, Problems problems) {
        Path start = folder.toAbsolutePath().normalize();
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Optional<Problem> refused = refusal(start);
        if (refused.isPresent()) {
            problems.add(refused.get());
            return List.of();
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(start, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(start) || !hidden(dir.getFileName().toString())
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        problems.add(linkProblem(file));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Problem.error(display(file), 0, 0, "cannot read: " + e.getMessage(), ""));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.error(display(start), 0, 0, "cannot list the folder: " + e.getMessage(), ""));
        }
        files.sort(null);
        return files;
    }

    private Problem linkProblem(Path link) {
        String target;
        try {
            target = " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            target = "";
        }
        return Problem.error(display(link), 0, 0, "'" + display(link) + "' is a symbolic link" + target
                + "; links are not followed, so it is not read or published", HINT);
    }

    /** A read refused by the guard; {@link #problem()} says which link and why. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
