package io.github.broadside.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deploys the plugin this build packaged into a repository folder, as the release workflow deploys it
 * to Central: jar and pom under a release version, and the artifact's {@code maven-metadata.xml}.
 *
 * <p>A build from {@code main} has a {@code -SNAPSHOT} version, which a Central-like repository does
 * not serve. The release workflow turns {@code X.Y.Z-SNAPSHOT} into {@code X.Y.Z} with
 * {@code versions:set} and builds again, which changes nothing but the version strings; this does the
 * same to the packaged files (the pom, and the descriptor and Maven metadata inside the jar).
 */
final class PluginRelease {
    static final String GROUP_PATH = "io/github/broadside/broadside-maven-plugin";

    private PluginRelease() {
    }

    /** The release version of {@code version}: the same without {@code -SNAPSHOT}. */
    static String releaseOf(String version) {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length())
                : version;
    }

    /** Writes the release into {@code repository}; returns its version. */
    static String deploy(Path jar, Path pom, String version, Path repository) throws IOException {
        String release = releaseOf(version);
        Path folder = Files.createDirectories(repository.resolve(GROUP_PATH).resolve(release));
        String name = "broadside-maven-plugin-" + release;
        Files.writeString(folder.resolve(name + ".pom"), relabel(Files.readString(pom), version, release));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(folder.resolve(name + ".jar")))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().startsWith("META-INF/maven/") && !entry.isDirectory()) {
                    bytes = relabel(new String(bytes, StandardCharsets.UTF_8), version, release)
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.writeString(repository.resolve(GROUP_PATH).resolve("maven-metadata.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>io.github.broadside</groupId>
                  <artifactId>broadside-maven-plugin</artifactId>
                  <versioning>
                    <latest>%1$s</latest>
                    <release>%1$s</release>
                    <versions>
                      <version>%1$s</version>
                    </versions>
                  </versioning>
                </metadata>
                """.formatted(release));
        return release;
    }

    private static String relabel(String text, String version, String release) {
        return text.replace("<version>" + version + "</version>", "<version>" + release + "</version>")
                .replace("version=" + version, "version=" + release);
    }
}
