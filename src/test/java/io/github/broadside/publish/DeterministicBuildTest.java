package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input gives a byte-identical site, whatever the number of threads and run to run. */
class DeterministicBuildTest {
    @TempDir
    Path tmp;

    @Test
    void twoBuildsWriteTheSameBytes() throws Exception {
        BuildOptions options = BuildOptions.builder(SampleProject.REPO).compress(true).build();
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        new SiteBuilder(options.toBuilder().output(first).threads(1).build()).build();
        new SiteBuilder(options.toBuilder().output(second).threads(4).build()).build();

        Map<String, Path> a = SampleProject.files(first);
        Map<String, Path> b = SampleProject.files(second);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        assertThat(a.keySet()).contains("index.html", "sitemap.xml", "feed.xml", "_headers", "card.png",
                "stop-unjust-raids/card.png", "index.html.gz", "feed.xml.gz");
        for (String file : a.keySet()) {
            assertThat(Files.readAllBytes(b.get(file))).as(file).isEqualTo(Files.readAllBytes(a.get(file)));
        }
    }

    @Test
    void compressedCopiesMatchTheirFilesAndCarryNoTimestamp() throws Exception {
        Path out = tmp.resolve("gz");
        new SiteBuilder(BuildOptions.builder(SampleProject.REPO).output(out).compress(true).build()).build();
        Map<String, Path> files = SampleProject.files(out);
        int copies = 0;
        for (String file : files.keySet()) {
            if (!file.endsWith(".gz")) {
                continue;
            }
            copies++;
            byte[] gz = Files.readAllBytes(files.get(file));
            // Bytes 4-7 of a gzip header are the modification time.
            assertThat(new byte[] {gz[4], gz[5], gz[6], gz[7]}).as(file).containsOnly(0);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).as(file)
                        .isEqualTo(Files.readAllBytes(files.get(file.substring(0, file.length() - 3))));
            }
        }
        assertThat(copies).isGreaterThan(20);
        assertThat(files).doesNotContainKeys("_headers.gz", "card.png.gz");
        assertThat(files.keySet()).anyMatch(f -> f.startsWith("assets/style.") && f.endsWith(".css.gz"));

        Path plain = tmp.resolve("plain");
        new SiteBuilder(BuildOptions.builder(SampleProject.REPO).output(plain).build()).build();
        assertThat(SampleProject.files(plain).keySet()).noneMatch(f -> f.endsWith(".gz"));
    }
}
