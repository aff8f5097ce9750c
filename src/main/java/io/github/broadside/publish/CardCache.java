package io.github.broadside.publish;

import io.github.broadside.files.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Share cards kept between builds (in the Maven build folder), named by a hash of everything that
 * decides their pixels: the card's text, colour and direction, the fonts' bytes, the Java version
 * (its rasteriser) and {@link #VERSION} of the drawing code. A rebuild draws only the cards whose
 * text changed; drawing and compressing a card costs about 4 ms, which at ten thousand campaigns is
 * more than the rest of the build.
 *
 * <p>The build copies cards from here into the site instead of holding them in memory (50 KB each).
 * A cached file is used only if it still starts with the PNG signature; anything else is drawn again
 * and rewritten. Files are written under a temporary name and renamed, so a build killed half-way
 * leaves no truncated card. {@link #prune()} removes the cards this build did not use, so the folder
 * holds one site's worth. Safe for use by several threads at once.
 */
final class CardCache {
    /** Bump when {@link SocialCard} draws differently, so that old cards are not reused. */
    static final String VERSION = "1";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Optional<Path> folder;
    private final String salt;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private volatile boolean unwritable;

    private CardCache(Optional<Path> folder, String salt) {
        this.folder = folder;
        this.salt = salt;
    }

    /** A cache that keeps nothing: every card is drawn. */
    static CardCache none() {
        return new CardCache(Optional.empty(), "");
    }

    /**
     * The cache in {@code folder} for cards set in {@code fontFiles}.
     *
     * @throws IOException when a font file cannot be read
     */
    static CardCache in(Path folder, List<Path> fontFiles) throws IOException {
        Objects.requireNonNull(folder, "folder");
        MessageDigest fonts = sha256();
        for (Path font : fontFiles) {
            fonts.update(font.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            fonts.update((byte) 0);
            fonts.update(Files.readAllBytes(font));
        }
        String salt = VERSION + "\u0000" + System.getProperty("java.version") + "\u0000"
                + HexFormat.of().formatHex(fonts.digest());
        return new CardCache(Optional.of(folder), salt);
    }

    /**
     * The card's file in the cache, drawn by {@code draw} and stored first when this exact card is
     * not there yet. Empty when there is no cache folder or it cannot be written (from then on the
     * cache stays out of the way: the caller draws every card itself).
     */
    Optional<Path> file(SocialCard.Card card, Function<SocialCard.Card, byte[]> draw) {
        if (folder.isEmpty() || unwritable) {
            return Optional.empty();
        }
        String name = key(card) + ".png";
        used.add(name);
        Path file = folder.get().resolve(name);
        if (isPng(file)) {
            return Optional.of(file);
        }
        if (!store(file, draw.apply(card))) {
            unwritable = true;
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Whether {@code file} exists and starts with the PNG signature (read without reading the picture). */
    private static boolean isPng(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG.length), PNG) && in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the cached cards this build did not use. */
    void prune() {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return;
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            for (Path file : files.toList()) {
                if (!used.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A cache that cannot be tidied costs disk space, not correctness.
        }
    }

    private String key(SocialCard.Card card) {
        MessageDigest digest = sha256();
        String text = String.join("\u0000", salt, card.title(), card.status(),
                Integer.toHexString(card.statusColour().getRGB()), card.footer(), Boolean.toString(card.rightToLeft()));
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the card; false when it cannot be written. */
    private static boolean store(Path file, byte[] png) {
        try {
            AtomicFile.write(file, png);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
