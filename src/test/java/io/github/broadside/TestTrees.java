package io.github.broadside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Folder trees in tests, written once: copying the repository's sample content or theme into a
 * temporary project, and listing what a build wrote.
 */
public final class TestTrees {
    /** The repository root (Surefire's {@code basedir}, else the working directory): content/ and themes/. */
    public static final Path REPOSITORY = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();

    private TestTrees() {
    }

    /** Copies the folder {@code from} and everything in it to {@code to}, replacing files there; returns {@code to}. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted().toList()) {
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
        return to;
    }

    /** Every file under {@code dir} by its path relative to it, with forward slashes, sorted. */
    public static Map<String, Path> files(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The bytes of every file under {@code dir}, by {@linkplain #files relative path}. */
    public static Map<String, byte[]> contents(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        files(dir).forEach((path, file) -> {
            try {
                out.put(path, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }
}
