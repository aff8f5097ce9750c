package io.github.broadside.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that a reader sees the old bytes or the new ones, never half of them: the new
 * bytes are written beside it under a hidden temporary name and renamed over it (atomically where the
 * file system can). Used for the build caches, a translation's front matter and serve's folder.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code file} (creating its folder); a failed write leaves no temporary file. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, bytes);
            replace(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Renames {@code from} over {@code to}, atomically where the file system can. */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
