package io.github.broadside.yaml;

import io.github.broadside.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes as strict UTF-8, the one encoding content files may use.
 *
 * <p>A byte-order mark is dropped and CRLF or lone CR line ends become LF, so files saved by any
 * editor read alike. Invalid UTF-8 is not replaced silently: it becomes a {@link Problem} at the
 * line and column of the first bad byte.
 */
public final class SourceText {
    private SourceText() {
    }

    /** The decoded text, or a problem naming where the bytes stop being UTF-8. */
    public sealed interface Result permits Text, Invalid {
    }

    public record Text(String text) implements Result {
    }

    public record Invalid(Problem problem) implements Result {
    }

    public static Result decode(String displayPath, byte[] bytes) {
        // The JDK's own decoding is several times faster than a CharsetDecoder and turns every
        // malformed sequence into U+FFFD; only when that character appears (bad bytes, or a real
        // U+FFFD in the file) is the strict decoder needed to tell which, and where.
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? new Text(normalized(text)) : decodeStrictly(displayPath, bytes);
    }

    private static Result decodeStrictly(String displayPath, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Invalid(invalidAt(displayPath, bytes, in.position()));
        }
        decoder.flush(out);
        out.flip();
        return new Text(normalized(out.toString()));
    }

    private static String normalized(String decoded) {
        String text = decoded;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }

    /**
     * The problem for the first bad byte at {@code bad}: lines end at LF, CRLF or a lone CR (as the
     * decoded text will), and the column counts characters, not bytes, as editors do.
     */
    private static Problem invalidAt(String displayPath, byte[] bytes, int bad) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            boolean loneCr = bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n');
            if (bytes[i] == '\n' || loneCr) {
                line++;
                lineStart = i + 1;
            }
        }
        // Everything before the bad byte decoded, so this prefix of the line is valid UTF-8.
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        if (line == 1 && before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        int column = before.codePointCount(0, before.length()) + 1;
        return Problem.error(displayPath, line, column,
                "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xff) + ")",
                "save the file as UTF-8 in your editor (\"Save with encoding\" > UTF-8)");
    }
}
