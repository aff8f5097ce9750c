package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path dir;

    private Path site() {
        return dir.resolve("site");
    }

    private static Page page(String path, String text) {
        return new Page(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The site's files, without the marker every commit writes (OutputFolderSafetyTest covers it). */
    private List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(SiteWriter.MARKER)).sorted().toList();
        }
    }

    @Test
    void commitPublishesEverythingAtOnce() throws IOException {
        SiteWriter writer = new SiteWriter(site());
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("index.html", "home"));
            staging.write(page("es/alto/index.html", "alto"));
            assertThat(site()).doesNotExist();
            assertThat(staging.folder().getFileName().toString()).startsWith(".site.tmp-");
            staging.commit();
        }
        assertThat(files(site())).containsExactly("es/alto/index.html", "index.html");
        assertThat(site().resolve("index.html")).hasContent("home");
        assertThat(siblings()).containsExactly("site");
    }

    private Object fileKey(String path) throws IOException {
        return Files.readAttributes(site().resolve(path), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
    }

    @Test
    void aRebuildWritesOnlyWhatChangedAndLinksTheRest() throws IOException {
        SiteWriter writer = new SiteWriter(site());
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("same/index.html", "same"));
            staging.write(page("changed/index.html", "before"));
            staging.write(page("longer/index.html", "text"));
            staging.commit();
        }
        Object same = fileKey("same/index.html");
        Object changed = fileKey("changed/index.html");
        Object longer = fileKey("longer/index.html");
        org.junit.jupiter.api.Assumptions.assumeTrue(same != null, "the file system has no file keys");
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("same/index.html", "same"));
            staging.write(page("changed/index.html", "after!"));
            staging.write(page("longer/index.html", "text, longer"));
            staging.commit();
        }
        assertThat(fileKey("same/index.html")).as("the same file, linked").isEqualTo(same);
        assertThat(fileKey("changed/index.html")).isNotEqualTo(changed);
        assertThat(fileKey("longer/index.html")).isNotEqualTo(longer);
        assertThat(site().resolve("same/index.html")).hasContent("same");
        assertThat(site().resolve("changed/index.html")).hasContent("after!");
        assertThat(site().resolve("longer/index.html")).hasContent("text, longer");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void aKeptFileIsLinkedIntoTheSiteNotCopied() throws IOException {
        Path kept = Files.writeString(dir.resolve("card.png"), "png");
        SiteWriter writer = new SiteWriter(site());
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.link(kept, "x/card.png");
            assertThatThrownBy(() -> staging.link(kept, "../out.png")).isInstanceOf(IOException.class);
            staging.commit();
        }
        assertThat(site().resolve("x/card.png")).hasContent("png");
        Object key = Files.readAttributes(kept, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        org.junit.jupiter.api.Assumptions.assumeTrue(key != null, "the file system has no file keys");
        assertThat(fileKey("x/card.png")).isEqualTo(key);
    }

    @Test
    void aFileOfThePreviousSiteThatIsALinkOutOfItIsNeverReused() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.html"), "same");
        Files.createDirectories(site());
        Files.createSymbolicLink(site().resolve("index.html"), outside);
        SiteWriter writer = new SiteWriter(site());
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("index.html", "same"));
            staging.commit();
        }
        assertThat(Files.isSymbolicLink(site().resolve("index.html"))).isFalse();
        assertThat(fileKey("index.html")).isNotEqualTo(Files.readAttributes(outside,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertThat(outside).hasContent("same");
    }

    @Test
    void aRebuildLeavesNoStaleFiles() throws IOException {
        SiteWriter writer = new SiteWriter(site());
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("old/index.html", "old"));
            staging.write(page("index.html", "v1"));
            staging.commit();
        }
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("index.html", "v2"));
            staging.commit();
        }
        assertThat(files(site())).containsExactly("index.html");
        assertThat(site().resolve("index.html")).hasContent("v2");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void closingWithoutCommitLeavesThePreviousSiteAsItWas() throws IOException {
        Files.createDirectories(site());
        Files.writeString(site().resolve("index.html"), "previous");
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            staging.write(page("index.html", "half-written"));
        }
        assertThat(files(site())).containsExactly("index.html");
        assertThat(site().resolve("index.html")).hasContent("previous");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void leftoversOfAKilledBuildAreRemoved() throws IOException {
        Files.createDirectories(dir.resolve(".site.tmp-123/x"));
        Files.createDirectories(dir.resolve(".site.old-456"));
        Files.createDirectories(dir.resolve(".other"));
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            staging.write(page("index.html", "x"));
            staging.commit();
        }
        assertThat(siblings()).containsExactly(".other", "site");
    }

    /** What a kill does to a running commit: it stops there, no cleanup runs. */
    private static final class Killed extends Error {
    }

    @Test
    void aKillBetweenTheSwapsRenamesIsTheOnlyGapAndTheNextBuildRepairsIt() throws IOException {
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            staging.write(page("index.html", "old"));
            staging.write(page("a/index.html", "old a"));
            staging.commit();
        }
        List<Boolean> presentAtTheKill = new java.util.ArrayList<>();
        SiteWriter killed = new SiteWriter(site(), () -> {
            presentAtTheKill.add(Files.exists(site()));
            throw new Killed();
        });
        SiteWriter.Staging staging = killed.begin();
        staging.write(page("index.html", "new"));
        assertThatThrownBy(staging::commit).isInstanceOf(Killed.class);
        // The kill came between the renames: no site/, the old one aside, the new one still staged.
        assertThat(presentAtTheKill).containsExactly(false);
        assertThat(site()).doesNotExist();
        assertThat(siblings()).hasSize(2).allMatch(n -> n.startsWith(".site.old-") || n.startsWith(".site.tmp-"));

        // The next build puts the old site back before anything else, even if it then fails.
        try (SiteWriter.Staging next = new SiteWriter(site()).begin()) {
            assertThat(site().resolve("index.html")).hasContent("old");
            assertThat(site().resolve("a/index.html")).hasContent("old a");
            next.write(page("index.html", "half"));
        }
        assertThat(files(site())).containsExactly("a/index.html", "index.html");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void theOutputIsMissingOnlyBetweenTheTwoRenames() throws IOException {
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            staging.write(page("index.html", "old"));
            staging.commit();
        }
        List<List<String>> seen = new java.util.ArrayList<>();
        SiteWriter writer = new SiteWriter(site(), () -> seen.add(siblingsUnchecked()));
        try (SiteWriter.Staging staging = writer.begin()) {
            staging.write(page("index.html", "new"));
            assertThat(site().resolve("index.html")).hasContent("old");
            staging.commit();
        }
        assertThat(seen).singleElement().satisfies(names -> assertThat(names).doesNotContain("site").hasSize(2));
        assertThat(site().resolve("index.html")).hasContent("new");
        assertThat(siblings()).containsExactly("site");
    }

    private List<String> siblingsUnchecked() {
        try {
            return siblings();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void copyTreeKeepsPathsAndSkipsHiddenFiles() throws IOException {
        Path assets = dir.resolve("theme/assets");
        Files.createDirectories(assets.resolve("img"));
        Files.writeString(assets.resolve("style.css"), "css");
        Files.writeString(assets.resolve("img/a.svg"), "svg");
        Files.writeString(assets.resolve(".DS_Store"), "junk");
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            staging.copyTree(assets, "assets");
            staging.copyTree(dir.resolve("does-not-exist"), "");
            staging.commit();
        }
        assertThat(files(site())).containsExactly("assets/img/a.svg", "assets/style.css");
    }

    @Test
    void nothingIsWrittenOutsideTheSite() throws IOException {
        assertThatThrownBy(() -> page("../escape.html", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> page("/etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
        try (SiteWriter.Staging staging = new SiteWriter(site()).begin()) {
            assertThatThrownBy(() -> staging.copyTree(dir, "../up")).isInstanceOf(IOException.class);
        }
        assertThat(siblings()).isEmpty();
    }
}
