package io.github.broadside.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
    @TempDir
    Path content;
    private final Problems problems = new Problems();

    private void write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ContentLoader loader() {
        return new ContentLoader(content, "content", new CampaignParser("en"));
    }

    private static String page(String title) {
        return "---\ntitle: " + title + "\ndate: 2024-01-01\n---\nBody\n";
    }

    @Test
    void findsLanguagesAndWarnsAboutOtherFolders() throws IOException {
        write("en/a.md", page("A"));
        write("pt-BR/a.md", page("A"));
        write("static/logo.svg", "<svg/>");
        write("i18n/en.yml", "a: b\n");
        write(".git/x", "");
        write("English/a.md", page("A"));
        write("site.yml", "title: x\n");
        assertThat(loader().languages(problems)).containsExactly("en", "pt-BR");
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.file()).isEqualTo("content/English");
        });
    }

    @Test
    void loadsEveryMarkdownFileInAStableOrderSkippingHiddenOnes() throws IOException {
        write("en/b.md", page("B"));
        write("en/2019/a.md", page("A"));
        write("en/.drafts/x.md", page("X"));
        write("en/notes.txt", "not markdown");
        write("es/c.md", page("C"));
        for (int threads : new int[] {1, 3}) {
            List<Campaign> campaigns = loader().load(List.of("en", "es"), threads, problems);
            assertThat(campaigns).extracting(Campaign::file)
                    .containsExactly("content/en/2019/a.md", "content/en/b.md", "content/es/c.md");
            assertThat(campaigns.get(0).sourcePath()).isEqualTo("2019/a.md");
            assertThat(campaigns.get(2).language()).isEqualTo("es");
        }
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void problemsOfAllFilesAreCollected() throws IOException {
        write("en/a.md", "no front matter");
        write("en/b.md", "---\ntitle: B\ndate: nope\n---\n");
        Files.write(content.resolve("en/c.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xFF});
        List<Campaign> campaigns = loader().load(List.of("en"), 2, problems);
        assertThat(campaigns).isEmpty();
        assertThat(problems.sorted()).extracting(Problem::location)
                .containsExactly("content/en/a.md:1:1", "content/en/b.md:3:7", "content/en/c.md:2:1");
    }

    @Test
    void oversizedFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = content.resolve("en/big.md");
        Files.createDirectories(big.getParent());
        try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.position(ContentLoader.MAX_FILE_BYTES);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}));
        }
        assertThat(loader().load(List.of("en"), 1, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/big.md");
            assertThat(p.message()).contains("larger than 4 MiB");
        });
    }

    @Test
    void missingContentFolderIsAnError() {
        new ContentLoader(content.resolve("nope"), "content", new CampaignParser("en")).languages(problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.hint()).contains("-Dbroadside.content");
        });
    }
}
