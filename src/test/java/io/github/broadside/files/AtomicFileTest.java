package io.github.broadside.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndItsFolders() throws IOException {
        Path file = dir.resolve("cards/en/card.png");
        AtomicFile.write(file, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(names(file.getParent())).containsExactly("card.png");
    }

    @Test
    void replacesAFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("page.md");
        Files.writeString(file, "old text, longer than the new");
        AtomicFile.write(file, "new".getBytes());
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(names(dir)).containsExactly("page.md");
    }

    @Test
    void aFailedReplaceLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path folder = dir.resolve("taken");
        Files.createDirectories(folder.resolve("inside"));
        assertThatThrownBy(() -> AtomicFile.write(folder, "x".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.isDirectory(folder.resolve("inside"))).isTrue();
        assertThat(names(dir)).containsExactly("taken");
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }
}
