package io.github.broadside.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything below them (a {@link WatchService} per folder, new folders
 * registered as they appear) and reports changed files in batches: after the first event it waits
 * until no event came for a short quiet time, so that an editor's save (often a temporary file, a
 * rename and a touch) or a copied folder is one rebuild, not five. Editor leftovers (hidden files,
 * backups ending in {@code ~}, swap files) are ignored.
 */
final class SourceWatcher implements AutoCloseable {
    private final WatchService service;
    private final Duration quiet;
    private final Duration longest;
    private final Consumer<Set<Path>> listener;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param quiet    how long no event must arrive before a batch is reported
     * @param longest  the longest a batch waits, however busy the folders are
     * @param listener called on the watcher's own thread with the changed paths (absolute)
     */
    SourceWatcher(Duration quiet, Duration longest, Consumer<Set<Path>> listener) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quiet = quiet;
        this.longest = longest;
        this.listener = listener;
        this.thread = new Thread(this::run, "broadside-watcher");
        this.thread.setDaemon(true);
    }

    /** Watches {@code root} and its subfolders; a root already watched is skipped. */
    void watch(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute) && roots.add(absolute)) {
            registerTree(absolute, null);
        }
    }

    void start() {
        thread.start();
    }

    private void registerTree(Path start, Set<Path> found) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && ignored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (found != null && !ignored(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey first = service.take();
                Set<Path> changed = new TreeSet<>();
                handle(first, changed);
                long deadline = System.nanoTime() + longest.toNanos();
                while (!closed) {
                    long left = Math.min(quiet.toNanos(), deadline - System.nanoTime());
                    WatchKey next = left <= 0 ? null : service.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    handle(next, changed);
                }
                if (!changed.isEmpty() && !closed) {
                    listener.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void handle(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Too many events to tell them apart: report the folder, the build rescans.
                changed.add(dir);
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (ignored(path)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    // Files may have landed in the new folder before it was watched: report them too.
                    registerTree(path, changed);
                } catch (IOException | UncheckedIOException e) {
                    // Gone again already; its parent's delete event follows.
                }
            }
            if (!(event.kind() == StandardWatchEventKinds.ENTRY_MODIFY && Files.isDirectory(path))) {
                changed.add(path);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /**
     * Hidden files ({@code .#lock} of Emacs), editor backups ({@code x~}, {@code #x#}), swap files
     * ({@code .swp}), Vim's write test {@code 4913}, {@code *.tmp} and the temporary file
     * {@code sed -i} writes beside its target ({@code sed} and six letters or digits, no extension):
     * never content.
     */
    static boolean ignored(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swx") || name.endsWith(".tmp") || name.equals("4913")
                || SED_TEMPORARY.matcher(name).matches();
    }

    private static final java.util.regex.Pattern SED_TEMPORARY = java.util.regex.Pattern.compile("sed[A-Za-z0-9]{6}");

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: the folders watched now. */
    Set<Path> watchedFolders() {
        try (Stream<Path> s = keys.values().stream()) {
            return Set.copyOf(s.toList());
        }
    }
}
