package io.github.broadside.render;

import io.github.broadside.files.AtomicFile;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Responsive copies of the campaigns' own pictures ({@code image:} files in {@code content/static/}),
 * made at build time: each JPEG or PNG wider than {@link #WIDTHS}' steps gets copies at those widths,
 * published under {@code /pictures/} with a name made from a hash of the original (so a changed
 * picture gets new addresses and the old ones may be cached for ever). Templates ask
 * {@link #of(String)} for a picture's {@code srcset} candidates and its width and height (so the
 * browser reserves its space); the publish stage asks {@link #copies(Problems)} for the files.
 *
 * <p>Resizing a large photo costs tens of milliseconds, so copies are kept between builds in a cache
 * folder (like the share cards), named by a hash of the original's bytes, the width and
 * {@link #VERSION}; a build reuses them and only resizes new or changed pictures. Only files inside
 * the static folder are read, through the project's guarded reads (no symbolic link). Pictures that
 * are external addresses, another format, unreadable or larger than {@link #MAX_PIXELS} are shown as
 * they are. Safe for use by the render threads at once.
 */
public final class Pictures {
    /** The widths of the copies, in CSS pixels at 1x (also 2x for the smaller ones). */
    public static final List<Integer> WIDTHS = List.of(480, 800, 1200);
    /** The site folder the copies are published in. */
    public static final String FOLDER = "pictures";
    /** Bump when copies are made differently, so old cached copies are not reused. */
    static final String VERSION = "1";
    /** Pictures with more pixels are not decoded (a decompression bomb would need gigabytes). */
    static final long MAX_PIXELS = 40_000_000L;

    /** One {@code srcset} candidate: a site path and its width in pixels. */
    public record Candidate(String path, int width) {
    }

    /** A picture as templates show it: the original, the candidates (smallest first) and its size. */
    public record Picture(String src, List<Candidate> candidates, int width, int height) {
        public Picture {
            candidates = List.copyOf(candidates);
        }
    }

    /** A copy to publish: its site path, the original file and the width to resize it to. */
    public record Copy(String path, Path original, int width, String format) {
    }

    /** A published copy: its site path and either the cached file or the bytes made now. */
    public record Made(String path, Optional<Path> cached, byte[] bytes) {
    }

    private final Optional<Path> staticDir;
    private final ProjectFiles files;
    private final Optional<Path> cache;
    private final Map<String, Optional<Picture>> known = new ConcurrentHashMap<>();
    private final Map<String, Copy> copies = new ConcurrentSkipListMap<>();

    private Pictures(Optional<Path> staticDir, ProjectFiles files, Optional<Path> cache) {
        this.staticDir = staticDir;
        this.files = files;
        this.cache = cache;
    }

    /** No copies: every picture is shown as it is (serve's preview, and tests). */
    public static Pictures none() {
        return new Pictures(Optional.empty(), null, Optional.empty());
    }

    /**
     * Copies of the pictures in {@code staticDir}, read through {@code files}, kept in {@code cache}
     * between builds (empty: made every build).
     */
    public static Pictures in(Path staticDir, ProjectFiles files, Optional<Path> cache) {
        Objects.requireNonNull(staticDir, "staticDir");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(cache, "cache");
        return new Pictures(Optional.of(staticDir.toAbsolutePath().normalize()), files, cache);
    }

    /** The picture at site path {@code src} with its copies, or empty to show it as it is. */
    public Optional<Picture> of(String src) {
        Objects.requireNonNull(src, "src");
        if (staticDir.isEmpty() || !src.startsWith("/") || src.startsWith("//") || src.contains("..")) {
            return Optional.empty();
        }
        return known.computeIfAbsent(src, this::read);
    }

    private Optional<Picture> read(String src) {
        String lower = src.toLowerCase(java.util.Locale.ROOT);
        String format = lower.endsWith(".png") ? "png"
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "jpg" : "";
        Path file = staticDir.get().resolve(src.substring(1)).normalize();
        if (format.isEmpty() || !file.startsWith(staticDir.get())
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = files.read(file);
            Optional<int[]> size = size(bytes);
            if (size.isEmpty()) {
                return Optional.empty();
            }
            int width = size.get()[0];
            int height = size.get()[1];
            String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
            List<Candidate> candidates = new ArrayList<>();
            for (int w : WIDTHS) {
                if (w < width) {
                    String path = "/" + FOLDER + "/" + hash + "-" + w + "." + format;
                    candidates.add(new Candidate(path, w));
                    copies.put(path, new Copy(path, file, w, format));
                }
            }
            candidates.add(new Candidate(src, width));
            return Optional.of(new Picture(src, candidates, width, height));
        } catch (IOException e) {
            return Optional.empty(); // shown as it is; the publish stage reports a missing or refused file
        }
    }

    /** Width and height from the header only, or empty when it is not a picture this class resizes. */
    private static Optional<int[]> size(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return (long) w * h > MAX_PIXELS || w < 1 || h < 1 ? Optional.empty() : Optional.of(new int[] {w, h});
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The copies the rendered pages asked for, from the cache or made now (and then cached). A picture
     * that cannot be decoded is a warning at its file; its copies are left out. Called once a build has
     * rendered every page, it then removes from the cache the copies no page uses any more (a replaced
     * or deleted picture), so the cache does not grow with every edit.
     */
    public List<Made> copies(Problems problems) {
        List<Made> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Copy copy : copies.values()) {
            try {
                byte[] original = files.read(copy.original());
                String key = HexFormat.of().formatHex(sha256(original, copy.width() + "\u0000" + VERSION));
                used.add(key + "." + copy.format());
                Optional<Path> cached = cache.map(dir -> dir.resolve(key + "." + copy.format()));
                if (cached.isPresent() && Files.isRegularFile(cached.get(), LinkOption.NOFOLLOW_LINKS)
                        && Files.size(cached.get()) > 0) {
                    out.add(new Made(copy.path(), cached, new byte[0]));
                    continue;
                }
                byte[] made = resize(original, copy.width(), copy.format());
                if (cached.isPresent() && store(cached.get(), made)) {
                    out.add(new Made(copy.path(), cached, new byte[0]));
                } else {
                    out.add(new Made(copy.path(), Optional.empty(), made));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(Problem.warning(files.display(copy.original()), 0, 0,
                        "the picture could not be resized (" + e.getMessage() + "); it is shown at its own size",
                        "save it again as a plain JPEG or PNG"));
            }
        }
        prune(used);
        return out;
    }

    /** Deletes the cached copies not in {@code used}; a cache that cannot be tidied costs disk, not correctness. */
    private void prune(Set<String> used) {
        if (cache.isEmpty() || !Files.isDirectory(cache.get(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> listed = Files.list(cache.get())) {
            for (Path file : listed.toList()) {
                if (!used.contains(file.getFileName().toString()) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // kept: the next build tries again
        }
    }

    /** The picture scaled to {@code width} (height in proportion), as JPEG (quality 0.82) or PNG. */
    static byte[] resize(byte[] original, int width, String format) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(original));
        if (source == null) {
            throw new IOException("not a picture Java can read");
        }
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        boolean alpha = format.equals("png") && source.getColorModel().hasAlpha();
        BufferedImage current = source;
        // halve first: one bilinear step from a much larger picture drops detail unevenly
        while (current.getWidth() / 2 >= width) {
            current = scale(current, current.getWidth() / 2,
                    Math.max(1, current.getHeight() / 2), alpha);
        }
        BufferedImage scaled = scale(current, width, height, alpha);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("png")) {
            ImageIO.write(scaled, "png", out);
            return out.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(scaled, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage scale(BufferedImage from, int width, int height, boolean alpha) {
        BufferedImage to = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(from, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    /** Writes {@code bytes} to {@code file} under a temporary name, then renames; false if it cannot. */
    private static boolean store(Path file, byte[] bytes) {
        try {
            AtomicFile.write(file, bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] bytes, String... extra) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            for (String s : extra) {
                digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
