package io.github.broadside.content;

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
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Invalid(Problem.error(displayPath, line, bad - lineStart + 1,
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xff) + ")",
                    "save the file as UTF-8 in your editor (\"Save with encoding\" > UTF-8)"));
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
}
