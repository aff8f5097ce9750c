package io.github.broadside.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static String text(byte[] bytes) {
        SourceText.Result result = SourceText.decode("f.md", bytes);
        assertThat(result).isInstanceOf(SourceText.Text.class);
        return ((SourceText.Text) result).text();
    }

    private static Problem problem(byte[] bytes) {
        SourceText.Result result = SourceText.decode("content/en/f.md", bytes);
        assertThat(result).isInstanceOf(SourceText.Invalid.class);
        return ((SourceText.Invalid) result).problem();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void plainUtf8IsReadAsItIs() {
        assertThat(text(bytes("héllo — ✊\nworld"))).isEqualTo("héllo — ✊\nworld");
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertThat(text(bytes(0xEF, 0xBB, 0xBF, "---\ntitle: x\n"))).isEqualTo("---\ntitle: x\n");
    }

    @Test
    void crlfAndLoneCrBecomeLf() {
        assertThat(text(bytes("a\r\nb\rc\nd\r"))).isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void invalidByteIsReportedAtItsLineAndColumn() {
        Problem problem = problem(bytes("line one\nab", 0xFF, "c\n"));
        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo("content/en/f.md");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.message()).contains("not valid UTF-8").contains("0xFF");
        assertThat(problem.hint()).contains("UTF-8");
    }

    @Test
    void columnCountsCharactersNotBytes() {
        // "é" and "—" take 2 and 3 bytes but are one column each in an editor.
        Problem problem = problem(bytes("x\né—", 0xE9, "\n"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(3);
    }

    @Test
    void lineCountsCrlfAndLoneCrLineEnds() {
        assertThat(problem(bytes("a\r\nb\r\nc", 0xC3)).line()).isEqualTo(3);
        assertThat(problem(bytes("a\rb\rcd", 0x80)).line()).isEqualTo(3);
        assertThat(problem(bytes("a\rb\rcd", 0x80)).column()).isEqualTo(3);
    }

    @Test
    void byteOrderMarkDoesNotCountAsAColumn() {
        Problem problem = problem(bytes(0xEF, 0xBB, 0xBF, "ab", 0xFE));
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(3);
    }

    @Test
    void latin1FileIsRefusedNotGarbled() {
        byte[] latin1 = "title: Año\n".getBytes(StandardCharsets.ISO_8859_1);
        Problem problem = problem(latin1);
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(9);
    }

    @Test
    void truncatedSequenceAtTheEndIsReported() {
        Problem problem = problem(bytes("ok\n", 0xE2, 0x82));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(1);
    }
}
