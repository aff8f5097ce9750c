package io.github.broadside.incremental;

import io.github.broadside.content.Campaign;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Serve's index of the content folder's pages: each file's time stamp and size when last read, its
 * last good {@link Campaign} and its own problems. A file that stops parsing keeps its last good
 * page; a translation is read again with its source, since it inherits what it leaves out. Pages
 * are keyed by their path inside the content folder ({@code en/x.md}).
 */
final class SourceIndex {
    private final Path contentDir;
    private final int threads;
    private final Map<String, SourceState> sources = new TreeMap<>();
    /** Every page's own problems, sorted; null when a page's problems changed since. */
    private List<Problem> problems;
    /** Source key to the keys of the pages translated from it; null when it must be worked out again. */
    private Map<String, Set<String>> translationsBySource;
    private List<Problem> languageProblems = List.of();
    private List<String> languages = List.of();

    SourceIndex(Path contentDir, int threads) {
        this.contentDir = contentDir;
        this.threads = threads;
    }

    /** Forgets every page (a new default language reads every file anew). */
    void clear() {
        sources.clear();
        translationsBySource = null;
        problems = null;
    }

    /** A page already known that is still a file: saving it changes no folder, so no walk is needed. */
    boolean isKnownFile(Path path) {
        SourceState state = sources.get(key(path));
        return state != null && state.ref().file().equals(path) && Files.isRegularFile(path);
    }

    /** The page at {@code key} as last read without errors. */
    Optional<Campaign> lastGood(String key) {
        return Optional.ofNullable(sources.get(key)).flatMap(SourceState::lastGood);
    }

    /** The language folders found by the last walk. */
    List<String> languages() {
        return languages;
    }

    /** Every page's last good version. */
    List<Campaign> pages() {
        List<Campaign> campaigns = new ArrayList<>();
        sources.values().forEach(s -> s.lastGood().ifPresent(campaigns::add));
        return campaigns;
    }

    /** The problems of the language folders and of every page, sorted. */
    List<Problem> problems() {
        if (problems == null) {
            Problems own = new Problems();
            sources.values().stream().filter(s -> !s.problems().isEmpty()).forEach(s -> own.addAll(s.problems()));
            problems = own.sorted();
        }
        Problems all = new Problems();
        all.addAll(languageProblems);
        all.addAll(problems);
        return all.sorted();
    }

    /** Re-reads the language folders and re-parses new, changed and {@code forced} files. */
    void rescan(ContentLoader loader, Set<Path> forced) {
        Problems own = new Problems();
        languages = loader.languages(own);
        List<Path> found = loader.files(languages, own);
        languageProblems = own.sorted();
        Set<String> present = new HashSet<>();
        List<Path> toParse = new ArrayList<>();
        for (Path file : found) {
            String key = key(file);
            present.add(key);
            SourceState state = sources.get(key);
            Optional<FileRef> ref = FileRef.of(file);
            if (state == null || forced.contains(file) || ref.isEmpty() || !ref.get().equals(state.ref())) {
                toParse.add(file);
            }
        }
        if (sources.keySet().retainAll(present)) {
            translationsBySource = null;
            problems = null;
        }
        withTranslations(toParse);
        store(loader, toParse);
    }

    /**
     * Re-parses the known pages {@code changed} and their translations without walking the content
     * folder; returns the last good version each had before, by key.
     */
    Map<String, Optional<Campaign>> reparse(ContentLoader loader, Set<Path> changed) {
        Map<String, Optional<Campaign>> before = new HashMap<>();
        List<Path> toParse = new ArrayList<>(changed);
        withTranslations(toParse);
        toParse.forEach(file -> before.put(key(file), sources.get(key(file)).lastGood()));
        store(loader, toParse);
        return before;
    }

    /** Adds to {@code toParse} the known pages that are translations of one in it. */
    private void withTranslations(List<Path> toParse) {
        // A translation inherits what it leaves out from its source, so it is read again with it.
        if (translationsBySource == null) {
            translationsBySource = new HashMap<>();
            sources.forEach((key, state) -> state.lastGood().flatMap(c -> c.translation().source())
                    .ifPresent(source -> translationsBySource.computeIfAbsent(source, k -> new TreeSet<>()).add(key)));
        }
        Set<String> reparsed = new HashSet<>();
        toParse.forEach(file -> reparsed.add(key(file)));
        Set<String> translations = new TreeSet<>();
        reparsed.forEach(key -> translations.addAll(translationsBySource.getOrDefault(key, Set.of())));
        translations.removeAll(reparsed);
        translations.forEach(key -> toParse.add(sources.get(key).ref().file()));
    }

    /** Parses {@code toParse} and keeps each file's result; a file that stops parsing keeps its last good page. */
    private void store(ContentLoader loader, List<Path> toParse) {
        for (Map.Entry<Path, Parsed> parsed : parse(loader, toParse).entrySet()) {
            String key = key(parsed.getKey());
            SourceState previous = sources.get(key);
            Optional<Campaign> good = parsed.getValue().campaign().isPresent() ? parsed.getValue().campaign()
                    : previous == null ? Optional.empty() : previous.lastGood();
            if (previous != null && previous.lastGood().equals(good)) {
                good = previous.lastGood(); // the same instance: the site and the caches know it
            }
            Optional<String> sourceBefore = previous == null ? Optional.empty()
                    : previous.lastGood().flatMap(c -> c.translation().source());
            if (!sourceBefore.equals(good.flatMap(c -> c.translation().source()))) {
                translationsBySource = null; // which page translates which changed
            }
            if (previous == null || !previous.problems().equals(parsed.getValue().problems())) {
                problems = null;
            }
            sources.put(key, new SourceState(parsed.getValue().ref(), good, parsed.getValue().problems()));
        }
    }

    private record Parsed(FileRef ref, Optional<Campaign> campaign, List<Problem> problems) {
    }

    private Map<Path, Parsed> parse(ContentLoader loader, List<Path> toParse) {
        Map<Path, Parsed> out = new LinkedHashMap<>();
        // One index of the default language per batch: built only if a translation needs it, then shared.
        ContentLoader.KeyIndex index = loader.keyIndex();
        if (toParse.size() < IncrementalBuild.PARALLEL_THRESHOLD || threads <= 1) {
            toParse.forEach(file -> out.put(file, parseOne(loader, file, index)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Parsed>> futures = new ArrayList<>();
            toParse.forEach(file -> futures.add(pool.submit(() -> parseOne(loader, file, index))));
            for (int i = 0; i < toParse.size(); i++) {
                out.put(toParse.get(i), futures.get(i).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Parsed parseOne(ContentLoader loader, Path file, ContentLoader.KeyIndex index) {
        // The stamp is taken before reading, so an edit during the read is seen as a change next time.
        FileRef ref = FileRef.of(file).orElse(new FileRef(file, FileTime.fromMillis(0), -1));
        Problems own = new Problems();
        Optional<Campaign> campaign = loader.loadOne(file, own, index);
        return new Parsed(ref, own.hasErrors() ? Optional.empty() : campaign, own.sorted());
    }

    /** A page's key: its path inside the content folder, with forward slashes. */
    String key(Path file) {
        return contentDir.relativize(file).toString().replace('\\', '/');
    }

    /** A file as last seen: changed when its time stamp or size differ. */
    record FileRef(Path file, FileTime modified, long size) {
        static Optional<FileRef> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new FileRef(file, attributes.lastModifiedTime(), attributes.size()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private record SourceState(FileRef ref, Optional<Campaign> lastGood, List<Problem> problems) {
    }
}
