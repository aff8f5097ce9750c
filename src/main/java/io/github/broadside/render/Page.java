package io.github.broadside.render;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One output file: its path inside the site folder ({@code stop-the-raids/index.html}, forward
 * slashes, never absolute, never with {@code ..}) and its bytes.
 *
 * <p>A build holds every rendered page from the render stage until the site is written, because
 * the policy {@code <meta>} spliced into each one is known only once all of them are scanned. The
 * pages made with {@link #compact} keep their bytes deflated meanwhile (a rendered page shrinks to
 * about a third), so a 10,000-campaign site's 320 MB of HTML takes about 100 MB of heap, and
 * {@link #withInsert} adds the policy without deflating the page again; {@link #bytes()} inflates
 * them each time it is asked, and the few stages that read a page do so once or twice. Each thread
 * keeps one deflater and one inflater: making a new one per page cost four times the compression
 * itself. Immutable, so safe to share between threads.
 */
public final class Page {
    /** Below this size a page is kept as it is: deflating would save little and cost a Deflater. */
    static final int COMPACT_FROM = 1024;

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private final String path;
    /** The bytes, or their raw deflate stream when {@link #deflated}. */
    private final byte[] data;
    /** The length of {@link #data}'s bytes once inflated. */
    private final int length;
    private final boolean deflated;
    /** Bytes inserted at {@link #insertAt} when the page is read, or null. */
    private final byte[] insert;
    private final int insertAt;

    /** A page with {@code bytes} kept as they are (the array is not copied: do not change it). */
    public Page(String path, byte[] bytes) {
        this(path, Objects.requireNonNull(bytes, "bytes"), bytes.length, false, null, -1);
    }

    private Page(String path, byte[] data, int length, boolean deflated, byte[] insert, int insertAt) {
        this.path = sitePath(path);
        this.data = data;
        this.length = length;
        this.deflated = deflated;
        this.insert = insert;
        this.insertAt = insertAt;
    }

    /**
     * A page whose bytes are kept deflated in memory until they are read (see the class comment):
     * for the many pages a build holds at once. Small pages are kept as they are.
     */
    public static Page compact(String path, byte[] bytes) {
        sitePath(path); // refused before any work is done
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < COMPACT_FROM) {
            return new Page(path, bytes);
        }
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return new Page(path, out.toByteArray(), bytes.length, true, null, -1);
    }

    /**
     * This page with {@code inserted} placed before its byte {@code at}, kept apart until the page
     * is read (a compacted page is not deflated again). Only on a page without an insert.
     */
    public Page withInsert(int at, byte[] inserted) {
        Objects.requireNonNull(inserted, "inserted");
        if (insert != null) {
            throw new IllegalStateException("the page already has an insert: " + path);
        }
        if (at < 0 || at > length) {
            throw new IndexOutOfBoundsException("insert at " + at + " in a page of " + length + " bytes: " + path);
        }
        return new Page(path, data, length, deflated, inserted, at);
    }

    private static String sitePath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.isEmpty()) {
            throw new IllegalArgumentException("page path must be relative and inside the site: " + path);
        }
        return path;
    }

    /** The path inside the site folder. */
    public String path() {
        return path;
    }

    /**
     * The bytes. For a page made with {@link #compact}, a new array inflated at each call (keep it
     * while you need it rather than asking again); otherwise the array the page was made with.
     */
    public byte[] bytes() {
        if (insert == null) {
            return deflated ? inflated(0) : data;
        }
        byte[] out = deflated ? inflated(insert.length) : Arrays.copyOf(data, length + insert.length);
        System.arraycopy(out, insertAt, out, insertAt + insert.length, length - insertAt);
        System.arraycopy(insert, 0, out, insertAt, insert.length);
        return out;
    }

    /** {@link #data} inflated into a new array with {@code room} spare bytes at its end. */
    private byte[] inflated(int room) {
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(data);
        byte[] out = new byte[length + room];
        int at = 0;
        try {
            while (at < length) {
                int n = inflater.inflate(out, at, length - at);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                at += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a compacted page could not be inflated: " + path, e);
        }
        if (at != length) {
            throw new IllegalStateException("a compacted page inflated to " + at + " bytes, not " + length + ": " + path);
        }
        return out;
    }

    /** The number of bytes, without inflating them. */
    public int size() {
        return length + (insert == null ? 0 : insert.length);
    }

    /** How many bytes the page takes in memory (for tests of {@link #compact}). */
    int storedSize() {
        return data.length + (insert == null ? 0 : insert.length);
    }

    /** Whether the bytes are kept deflated (made with {@link #compact} and large enough). */
    public boolean compacted() {
        return deflated;
    }

    /** Pages are equal when their paths and bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Page page && path.equals(page.path) && size() == page.size()
                && Arrays.equals(bytes(), page.bytes());
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + size();
    }

    @Override
    public String toString() {
        return "Page[" + path + ", " + size() + " bytes" + (deflated ? ", compacted" : "") + "]";
    }
}
