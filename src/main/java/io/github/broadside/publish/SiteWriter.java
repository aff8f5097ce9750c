package io.github.broadside.publish;

import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The publish stage's writer: builds the whole site in a fresh folder beside the output and swaps
 * it in only when everything was written, so a failed or interrupted build leaves the previous
 * site exactly as it was, and no file of an earlier build survives into the new one.
 */
public final class SiteWriter {
    /**
     * The file each build writes into its output folder: a later build replaces a folder only
     * when it finds it (or the folder looks like an older Broadside site), so that a mistaken
     * {@code -Dbroadside.output=$HOME} is refused instead of deleting a home folder.
     */
    public static final String MARKER = ".broadside-site";
    private static final String MARKER_TEXT = "Written by Broadside. A build replaces this folder only while this "
            + "file is in it.\n";
    /** The first line of the _headers file Broadside writes, which marks sites of versions before the marker. */
    private static final String OLD_HEADERS = "# Written by Broadside";

    private final Path output;
    /** Runs between the swap's two renames, the one moment without an output folder: a test's crash point. */
    private final Runnable betweenRenames;

    public SiteWriter(Path output) {
        this(output, () -> { });
    }

    /** A writer that runs {@code betweenRenames} where a kill would stop a commit; for tests. */
    SiteWriter(Path output, Runnable betweenRenames) {
        this.output = output.toAbsolutePath().normalize();
        this.betweenRenames = java.util.Objects.requireNonNull(betweenRenames, "betweenRenames");
    }

    /** A site being written: add pages and folders, then {@link #commit()} or {@link #close()}. */
    public final class Staging implements AutoCloseable {
        private final Path folder;
        /** The site being replaced (its real path), whose unchanged files are linked rather than written. */
        private final Optional<Path> previous;
        private boolean committed;

        private Staging(Path folder) throws IOException {
            this.folder = folder;
            this.previous = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(output.toRealPath()) : Optional.empty();
        }

        public Path folder() {
            return folder;
        }

        /**
         * Writes {@code page}, or links the previous site's file when it holds exactly these bytes:
         * a rebuild then writes only what changed (a link is a directory entry, not a copy), and the
         * old site's deletion after the swap frees only what changed too.
         */
        public void write(Page page) throws IOException {
            Path target = folder.resolve(page.path()).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("refusing to write outside the site folder: " + page.path());
            }
            Files.createDirectories(target.getParent());
            byte[] bytes = page.bytes(); // once: a compacted page inflates at each call
            if (!linkUnchanged(page.path(), bytes, target)) {
                Files.write(target, bytes);
            }
        }

        private boolean linkUnchanged(String path, byte[] bytes, Path target) {
            if (previous.isEmpty()) {
                return false;
            }
            Path old = previous.get().resolve(path).normalize();
            try {
                // Only a plain file of the previous site itself: never a link out of it.
                if (!old.startsWith(previous.get()) || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(old) != bytes.length || !old.toRealPath().startsWith(previous.get())
                        || !Arrays.equals(Files.readAllBytes(old), bytes)) {
                    return false;
                }
                Files.createLink(target, old);
                return true;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false; // a file system without hard links: written as usual
            }
        }

        /** Copies one file into the site at {@code path} (relative, forward slashes). */
        public void copy(Path source, String path) throws IOException {
            Path target = folder.resolve(path).normalize();
            if (!target.startsWith(folder) || target.equals(folder)) {
                throw new IOException("refusing to copy outside the site folder: " + path);
            }
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                // The publish stage walked the project through ProjectFiles; this holds if one changed since.
                throw new IOException("refusing to copy what is not a plain file (a symbolic link?): " + source);
            }
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }

        /**
         * Puts {@code source}, a file the build keeps (a cached share card), into the site at
         * {@code path} as a hard link, or as a copy where the file system has no hard links. The
         * cache replaces its files by renaming, never in place, so the site's link keeps its bytes.
         */
        public void link(Path source, String path) throws IOException {
            Path target = folder.resolve(path).normalize();
            if (!target.startsWith(folder) || target.equals(folder)) {
                throw new IOException("refusing to link outside the site folder: " + path);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Copies the files of {@code source} into the site, keeping their relative paths. */
        public void copyTree(Path source, String prefix) throws IOException {
            if (!Files.isDirectory(source)) {
                return;
            }
            Path root = prefix.isEmpty() ? folder : folder.resolve(prefix).normalize();
            if (!root.startsWith(folder)) {
                throw new IOException("refusing to copy outside the site folder: " + prefix);
            }
            io.github.broadside.problem.Problems refused = new io.github.broadside.problem.Problems();
            List<Path> files = io.github.broadside.files.ProjectFiles.trusting(source).walk(source, refused);
            if (refused.hasErrors()) {
                throw new IOException(refused.sorted().get(0).message());
            }
            for (Path file : files) {
                Path target = root.resolve(source.toAbsolutePath().normalize().relativize(file).toString()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /**
         * Replaces the output folder with this one: two renames, one right after the other. Java
         * (and most systems) cannot exchange two folders in one step, nor rename a folder over one
         * that is not empty, so for the time between them (microseconds: nothing else runs there)
         * there is no output folder; a build stopped right there leaves the old site in
         * {@code .site.old-*}, and {@link #recover()} at the start of the next build puts it back.
         * A symbolic link flipped in one rename would close the gap, but hosts' upload tools do not
         * all follow a link, so the output stays a plain folder.
         */
        public void commit() throws IOException {
            Files.writeString(folder.resolve(MARKER), MARKER_TEXT);
            Path old = null;
            Path aside = sibling("old");
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                old = aside;
                move(output, old);
                betweenRenames.run();
            }
            try {
                move(folder, output);
            } catch (IOException e) {
                if (old != null) {
                    move(old, output);
                }
                throw e;
            }
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        }

        /** Throws away the staging folder unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                deleteTree(folder);
            }
        }
    }

    /**
     * Why the output folder may not be replaced, or empty when it may: it is missing, empty,
     * holds the {@link #MARKER} of an earlier build, or is a site of a version before the marker
     * (its {@code _headers} starts with Broadside's comment). Anything else (a file, a folder of
     * someone's files) is refused, since the build deletes the whole folder.
     */
    public Optional<String> refusal() {
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Files.isSymbolicLink(output) ? "is a symbolic link" : "is a file, not a folder");
        }
        if (Files.isRegularFile(output.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path headers = output.resolve(HeadersFile.PATH);
        try {
            if (Files.isRegularFile(headers, LinkOption.NOFOLLOW_LINKS)
                    && new String(readStart(headers), java.nio.charset.StandardCharsets.UTF_8).startsWith(OLD_HEADERS)) {
                return Optional.empty();
            }
            try (Stream<Path> children = Files.list(output)) {
                if (children.findAny().isEmpty()) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
        return Optional.of("holds files that Broadside did not write (it has no " + MARKER + " file)");
    }

    private static byte[] readStart(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(OLD_HEADERS.length());
        }
    }

    /**
     * Puts the previous site back when a build was stopped between the swap's two renames (the
     * output folder missing, the old site in a hidden {@code .site.old-*} folder beside it).
     * Every build calls this first, so a failed build after such a stop leaves a site in place.
     *
     * @return the folder restored from, when one was
     */
    public Optional<Path> recover() throws IOException {
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(output.getParent())) {
            return Optional.empty();
        }
        String prefix = "." + output.getFileName() + ".old-";
        Optional<Path> newest;
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            newest = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .max(java.util.Comparator.comparing(SiteWriter::modified));
        }
        if (newest.isPresent()) {
            move(newest.get(), output);
        }
        return newest;
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * Starts a new site in an empty folder beside the output. Leftovers of a build that was killed
     * half-way (hidden {@code .site.tmp-*} and {@code .site.old-*} folders) are removed first.
     */
    public Staging begin() throws IOException {
        Files.createDirectories(output.getParent());
        recover();
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            for (Path leftover : siblings.filter(p -> p.getFileName().toString().startsWith(prefix + "tmp-")
                    || p.getFileName().toString().startsWith(prefix + "old-")).toList()) {
                deleteTree(leftover);
            }
        }
        return new Staging(Files.createDirectory(sibling("tmp")));
    }

    /** A hidden path beside the output (same file system, so the swap is a rename), unique per build. */
    private Path sibling(String kind) {
        return output.resolveSibling("." + output.getFileName() + "." + kind + "-" + System.nanoTime());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
