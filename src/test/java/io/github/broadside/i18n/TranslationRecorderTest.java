package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording the source version in a translation changes only the translationOf lines. */
class TranslationRecorderTest {
    @TempDir
    Path project;
    Path content;
    TranslationRecorder recorder;
    final Problems problems = new Problems();

    @BeforeEach
    void setUp() throws IOException {
        content = project.resolve("content");
        write("en/raids.md", "---\ntitle: Stop\ndate: 2024-01-01\n---\n\nEnglish.\n");
        recorder = new TranslationRecorder(project, content, "content", new CampaignParser("en"));
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(content.resolve(path).getParent());
        Files.writeString(content.resolve(path), text, StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(content.resolve(path), StandardCharsets.UTF_8);
    }

    private String currentHash() throws IOException {
        Optional<TranslationRecorder.Recorded> r = recorder.record("es/raids.md", new Problems());
        return r.orElseThrow().hash();
    }

    @Test
    void addsTranslationOfBeforeTheClosingLineWhenItIsMissing() throws IOException {
        write("es/raids.md", "---\n# comentario\ntitle: Alto\n---\n\nEspañol.\n");
        TranslationRecorder.Recorded recorded = recorder.record("es/raids.md", problems).orElseThrow();
        assertThat(problems.sorted()).isEmpty();
        assertThat(recorded.source()).isEqualTo("en/raids.md");
        assertThat(recorded.previousHash()).isEmpty();
        assertThat(recorded.hash()).matches("[0-9a-f]{12}");
        assertThat(read("es/raids.md")).isEqualTo("---\n# comentario\ntitle: Alto\ntranslationOf:\n"
                + "  source: en/raids.md\n  hash: " + recorded.hash() + "\n---\n\nEspañol.\n");
    }

    @Test
    void replacesOnlyTheHashValueOfAnExistingBlock() throws IOException {
        write("es/raids.md", "---\ntitle: Alto\ntranslationOf:\n    source: en/raids.md   # origen\n"
                + "    hash: \"0123456789ab\"  # versión\nsummary: Resumen\n---\nTexto\n");
        String hash = recorder.record("content/es/raids.md", problems).orElseThrow().hash();
        assertThat(read("es/raids.md")).isEqualTo("---\ntitle: Alto\ntranslationOf:\n    source: en/raids.md   # origen\n"
                + "    hash: " + hash + "  # versión\nsummary: Resumen\n---\nTexto\n");
    }

    @Test
    void addsAMissingHashUnderTheSourceWithItsIndentation() throws IOException {
        write("es/raids.md", "---\ntitle: Alto\ntranslationOf:\n   source: en/raids.md\n---\n");
        String hash = recorder.record("es/raids", problems).orElseThrow().hash();
        assertThat(read("es/raids.md")).isEqualTo("---\ntitle: Alto\ntranslationOf:\n   source: en/raids.md\n"
                + "   hash: " + hash + "\n---\n");
    }

    @Test
    void rewritesTheShortAndOneLineFormsAsABlock() throws IOException {
        write("es/raids.md", "---\ntitle: Alto\ntranslationOf: en/raids.md\n---\n");
        String hash = currentHash();
        assertThat(read("es/raids.md")).isEqualTo("---\ntitle: Alto\ntranslationOf:\n  source: en/raids.md\n"
                + "  hash: " + hash + "\n---\n");
        write("es/raids.md", "---\ntitle: Alto\ntranslationOf: {source: en/raids.md, hash: 0123456789ab}\n---\n");
        recorder.record("es/raids.md", problems);
        assertThat(read("es/raids.md")).isEqualTo("---\ntitle: Alto\ntranslationOf:\n  source: en/raids.md\n"
                + "  hash: " + hash + "\n---\n");
    }

    @Test
    void keepsWindowsLineEndsAndTheByteOrderMark() throws IOException {
        Files.createDirectories(content.resolve("es"));
        Files.write(content.resolve("es/raids.md"),
                ("\uFEFF---\r\ntitle: Alto\r\n---\r\nTexto\r\n").getBytes(StandardCharsets.UTF_8));
        String hash = recorder.record("es/raids.md", problems).orElseThrow().hash();
        assertThat(Files.readAllBytes(content.resolve("es/raids.md"))).isEqualTo(("\uFEFF---\r\ntitle: Alto\r\n"
                + "translationOf:\r\n  source: en/raids.md\r\n  hash: " + hash + "\r\n---\r\nTexto\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAPageThatIsNotATranslationAndAFileThatDoesNotExist() throws IOException {
        write("es/solo.md", "---\ntitle: Solo\ndate: 2024-01-01\n---\n");
        assertThat(recorder.record("es/solo.md", problems)).isEmpty();
        assertThat(recorder.record("es/nada.md", problems)).isEmpty();
        assertThat(problems.sorted()).extracting(Problem::message).containsExactlyInAnyOrder(
                "there is no page 'es/nada.md' in content/",
                "content/es/solo.md is not a translation: there is no en/solo.md and it does not name the page it "
                        + "translates");
        assertThat(read("es/solo.md")).isEqualTo("---\ntitle: Solo\ndate: 2024-01-01\n---\n");
    }

    @Test
    void recordingTheCurrentVersionAgainLeavesTheFileAlone() throws IOException {
        write("es/raids.md", "---\ntitle: Alto\n---\n");
        recorder.record("es/raids.md", problems);
        String once = read("es/raids.md");
        assertThat(recorder.record("es/raids.md", problems).orElseThrow().changed()).isFalse();
        assertThat(read("es/raids.md")).isEqualTo(once);
    }
}
