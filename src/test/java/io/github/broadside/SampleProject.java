package io.github.broadside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixture: a copy of the repository's sample content and default theme in a temporary folder. */
public final class SampleProject {
    private SampleProject() {
    }

    /** Copies content/ and themes/ of this repository into {@code dir}; returns {@code dir}. */
    public static Path copyInto(Path dir) {
        copyTree(Path.of("content"), dir.resolve("content"));
        copyTree(Path.of("themes"), dir.resolve("themes"));
        return dir;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
