package io.github.broadside.incremental;

import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files serve copies as they are (theme assets under their own names, then
 * {@code content/static/}), compared after every change with the last copy, so that only new or
 * changed ones are copied and only vanished ones removed. A file a page covers is the page's.
 */
final class CopiedFiles {
    private final ProjectFiles files;
    private final Path staticDir;
    private Map<String, SourceIndex.FileRef> copied = Map.of();
    /** Links found among the files (refused, so never served). */
    private List<Problem> problems = List.of();

    CopiedFiles(ProjectFiles files, Path staticDir) {
        this.files = files;
        this.staticDir = staticDir;
    }

    /** Forgets every copy: the next {@link #sync} copies everything. */
    void clear() {
        copied = Map.of();
    }

    List<Problem> problems() {
        return problems;
    }

    /**
     * Walks the asset folders of {@code theme} and the static folder; adds to {@code copies} what is
     * new or changed and to {@code removed} what is gone, leaving out the paths of {@code pages}.
     */
    void sync(List<Path> assetFolders, Set<String> pages, Map<String, Path> copies, Set<String> removed) {
        sync(assetFolders, pages, copies, removed, "", null);
    }

    /**
     * The same, with {@code styleAppendix} (the theme.yml variables) appended to the theme's
     * {@code style.css}, written to {@code scratch} and copied from there, as build appends it.
     */
    void sync(List<Path> assetFolders, Set<String> pages, Map<String, Path> copies, Set<String> removed,
            String styleAppendix, Path scratch) {
        Map<String, SourceIndex.FileRef> next = new TreeMap<>();
        Problems own = new Problems();
        assetFolders.forEach(folder -> collect(folder, Theme.ASSETS + "/", next, own));
        collect(staticDir, "", next, own);
        String style = Theme.ASSETS + "/style.css";
        if (!styleAppendix.isEmpty() && scratch != null && next.containsKey(style)) {
            try {
                byte[] joined = (new String(files.read(next.get(style).file()), java.nio.charset.StandardCharsets.UTF_8)
                        + styleAppendix).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (!java.nio.file.Files.exists(scratch)
                        || !java.util.Arrays.equals(java.nio.file.Files.readAllBytes(scratch), joined)) {
                    java.nio.file.Files.write(scratch, joined);
                }
                SourceIndex.FileRef.of(scratch).ifPresent(ref -> next.put(style, ref));
            } catch (java.io.IOException e) {
                // the preview keeps the stylesheet without the site's colours; build still appends them
            }
        }
        problems = own.sorted();
        next.keySet().removeAll(pages);
        next.forEach((path, ref) -> {
            if (!ref.equals(copied.get(path))) {
                copies.put(path, ref.file());
            }
        });
        copied.keySet().stream().filter(p -> !next.containsKey(p) && !pages.contains(p)).forEach(removed::add);
        copied = next;
    }

    /** Whether the last sync found a file to copy at {@code path} (a path inside the site). */
    boolean has(String path) {
        return copied.containsKey(path);
    }

    /** The guarded walk of {@code folder}: hidden files left out, links reported to {@code problems}. */
    private void collect(Path folder, String prefix, Map<String, SourceIndex.FileRef> into, Problems problems) {
        Path start = folder.toAbsolutePath().normalize();
        for (Path file : files.walk(start, problems)) {
            String relative = start.relativize(file).toString().replace('\\', '/');
            SourceIndex.FileRef.of(file).ifPresent(ref -> into.put(prefix + relative, ref));
        }
    }
}
