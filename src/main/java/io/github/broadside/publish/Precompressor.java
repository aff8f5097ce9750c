package io.github.broadside.publish;

import io.github.broadside.files.ProjectFiles;
import io.github.broadside.render.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip copies of text files ({@code index.html.gz} beside {@code index.html}) for hosts and CDNs that
 * serve precompressed files, compressed once at build time at the highest level. The gzip header
 * carries no time or file name, so the copies are as reproducible as the files.
 */
final class Precompressor {
    static final Set<String> TEXT = Set.of("html", "css", "js", "mjs", "xml", "txt", "svg", "json", "webmanifest",
            "map", "ico");
    /** Below this, the compressed copy saves less than a network packet. */
    static final int MIN_BYTES = 512;

    private Precompressor() {
    }

    /** Whether a file of this name is worth a compressed copy. */
    static boolean compressible(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return !name.startsWith("_") && dot > 0 && TEXT.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The gzip copy of {@code page}, when its name is a text type and the copy is smaller. */
    static Optional<Page> gzip(Page page) {
        if (!compressible(page.path()) || page.size() < MIN_BYTES) {
            return Optional.empty();
        }
        byte[] original = page.bytes(); // once: a compacted page inflates at each call
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        return bytes.length < original.length ? Optional.of(new Page(page.path() + ".gz", bytes))
                : Optional.empty();
    }

    /**
     * The gzip copies of a site's text files: the generated ones in {@code files}, and the static
     * ones that have no copy of their own in {@code content/static/}. A static file's own {@code .gz}
     * is never replaced.
     */
    static List<Page> copies(Map<String, Page> files, Map<String, Path> statics, ProjectFiles reader)
            throws IOException {
        List<Page> copies = new ArrayList<>();
        for (Page page : files.values()) {
            gzip(page).filter(c -> !statics.containsKey(c.path())).ifPresent(copies::add);
        }
        for (Map.Entry<String, Path> file : statics.entrySet()) {
            String gz = file.getKey() + ".gz";
            if (compressible(file.getKey()) && !statics.containsKey(gz) && !files.containsKey(gz)) {
                gzip(new Page(file.getKey(), reader.read(file.getValue()))).ifPresent(copies::add);
            }
        }
        return copies;
    }
}
