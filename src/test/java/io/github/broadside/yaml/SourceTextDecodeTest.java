package io.github.broadside.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextDecodeTest {
    @Test
    void validTextIsDecodedWithLineEndsAndBomNormalised() {
        byte[] bytes = "\uFEFFtitle: Año\r\nline — two\rthree\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceText.decode("a.md", bytes)).isEqualTo(new SourceText.Text("title: Año\nline — two\nthree\n"));
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsKept() {
        byte[] bytes = "odd \uFFFD char".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceText.decode("a.md", bytes)).isEqualTo(new SourceText.Text("odd \uFFFD char"));
    }

    @Test
    void invalidBytesAreReportedAtTheirLineAndColumn() {
        byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n'};
        SourceText.Result result = SourceText.decode("content/en/a.md", bytes);
        assertThat(result).isInstanceOf(SourceText.Invalid.class);
        var problem = ((SourceText.Invalid) result).problem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.message()).contains("not valid UTF-8").contains("0xC3");
    }

    @Test
    void invalidBytesAreFoundEvenWhenTheFileAlsoHoldsAReplacementCharacter() {
        byte[] valid = "\uFFFD\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[valid.length + 2];
        System.arraycopy(valid, 0, bytes, 0, valid.length);
        bytes[valid.length] = 'x';
        bytes[valid.length + 1] = (byte) 0xFF;
        assertThat(SourceText.decode("a.md", bytes)).isInstanceOf(SourceText.Invalid.class);
    }
}
