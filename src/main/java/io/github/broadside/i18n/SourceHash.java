package io.github.broadside.i18n;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fingerprint a translation records of its source page ({@code translationOf: {source, hash}}):
 * the first 12 hex digits of the SHA-256 of the source file's bytes, after dropping a UTF-8
 * byte-order mark and turning CRLF and lone CR line ends into LF. The normalisation makes the hash
 * the same on Windows and Unix checkouts, so only a real edit of the source marks its translations
 * out of date.
 */
public final class SourceHash {
    /** How many hex digits are kept: enough to tell edits apart, short enough to read in front matter. */
    public static final int LENGTH = 12;

    private SourceHash() {
    }

    public static String of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(bytes));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bytes without a leading UTF-8 BOM, with every CRLF and lone CR replaced by LF. */
    static byte[] normalize(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
