package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.TestProject;
import io.github.broadside.problem.Problems;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesTest {
    @TempDir
    Path tmp;

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x336699));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private TestProject project() throws IOException {
        TestProject project = TestProject.create(tmp);
        project.writeBytes("content/static/images/vigil.jpg", jpeg(2000, 1050));
        project.write("content/site.yml", "title: Test site\nbaseUrl: https://test.example.org/\n"
                + "forms: {provider: netlify}\n");
        project.page("vigil.md", """
                title: "Close Riverside"
                date: 2024-05-01
                image: /images/vigil.jpg
                imageAlt: "People holding candles at dusk"
                action:
                  type: petition
                  goal: 1000
                  count: 250
                """, "Text.\n");
        return project;
    }

    private BuildOptions withCache(TestProject project) {
        return project.options().toBuilder().cache(Path.of("target", "cache")).build();
    }

    @Test
    void aCampaignPictureGetsResizedCopiesWithSrcsetSizesAndItsDimensions() throws IOException {
        TestProject project = project();
        project.build(withCache(project));
        Document page = Jsoup.parse(project.site().resolve("vigil/index.html").toFile(), "UTF-8");
        Element hero = page.selectFirst("img.hero");
        assertThat(hero.attr("src")).isEqualTo("/images/vigil.jpg");
        assertThat(hero.attr("alt")).isEqualTo("People holding candles at dusk");
        assertThat(hero.attr("width")).isEqualTo("2000");
        assertThat(hero.attr("height")).isEqualTo("1050");
        assertThat(hero.attr("sizes")).isNotEmpty();
        List<String> candidates = List.of(hero.attr("srcset").split(",\\s*"));
        assertThat(candidates).hasSize(4).last().isEqualTo("/images/vigil.jpg 2000w");
        for (int i = 0; i < 3; i++) {
            String[] parts = candidates.get(i).split(" ");
            int width = List.of(480, 800, 1200).get(i);
            assertThat(parts[1]).isEqualTo(width + "w");
            Path copy = project.site().resolve(parts[0].substring(1));
            BufferedImage made = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(copy)));
            assertThat(made.getWidth()).as(parts[0]).isEqualTo(width);
            assertThat(made.getHeight()).isEqualTo(Math.round(1050f * width / 2000));
        }
        // the home card shows it too, decorative (its title is the link beside it), loaded lazily
        Document home = Jsoup.parse(project.site().resolve("index.html").toFile(), "UTF-8");
        Element card = home.selectFirst(".card img.card-picture");
        assertThat(card.attr("alt")).isEmpty();
        assertThat(card.attr("srcset")).contains("480w");
        assertThat(card.attr("loading")).isEqualTo("lazy");
        assertThat(home.select(".card .counter progress").attr("value")).isEqualTo("250");
    }

    @Test
    void copiesAreKeptBetweenBuildsAndMadeAgainOnlyWhenThePictureChanges() throws IOException {
        TestProject project = project();
        project.build(withCache(project));
        Path cache = project.root().resolve("target/cache/pictures");
        List<Path> first = list(cache);
        assertThat(first).hasSize(3);
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (Path p : first) {
            Files.setLastModifiedTime(p, old);
        }
        project.build(withCache(project));
        assertThat(list(cache)).containsExactlyElementsOf(first);
        for (Path p : first) {
            assertThat(Files.getLastModifiedTime(p)).as("%s reused, not made again", p).isEqualTo(old);
        }
        project.writeBytes("content/static/images/vigil.jpg", jpeg(1600, 900));
        project.build(withCache(project));
        List<Path> second = list(cache);
        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first); // the replaced picture's copies pruned
    }

    @Test
    void copiesNoPageUsesAnyMoreAreRemovedFromTheCache() throws IOException {
        TestProject project = project();
        project.build(withCache(project));
        Path cache = project.root().resolve("target/cache/pictures");
        assertThat(list(cache)).hasSize(3);
        // the campaign no longer shows the picture: its copies go, the cards' cache is left alone
        project.page("vigil.md", """
                title: "Close Riverside"
                date: 2024-05-01
                action:
                  type: petition
                """, "Text.\n");
        project.build(withCache(project));
        assertThat(list(cache)).isEmpty();
        assertThat(list(project.root().resolve("target/cache/cards"))).isNotEmpty();
    }

    @Test
    void aCampaignWithoutAPictureGetsAColourBlockOnItsCardAndAnExternalOrOtherPictureIsShownAsItIs() {
        Pictures pictures = Pictures.in(tmp, new io.github.broadside.files.ProjectFiles(List.of(tmp),
                p -> tmp.relativize(p).toString()), Optional.empty());
        assertThat(pictures.of("https://example.org/a.jpg")).isEmpty();
        assertThat(pictures.of("/missing.jpg")).isEmpty();
        assertThat(pictures.of("/../etc/passwd")).isEmpty();
        assertThat(pictures.copies(new Problems())).isEmpty();

        TestProject project = TestProject.create(tmp.resolve("p"));
        project.campaign("plain.md", "Plain campaign");
        project.build();
        Document home = Jsoup.parse(project.read("site/index.html"));
        assertThat(home.select(".card .picture-fallback").text()).isEqualTo("P");
        assertThat(home.select(".card .picture-fallback").attr("aria-hidden")).isEqualTo("true");
    }

    @Test
    void aSmallPictureIsNotEnlarged() throws IOException {
        Path statics = Files.createDirectories(tmp.resolve("static"));
        Files.write(statics.resolve("small.jpg"), jpeg(600, 300));
        Pictures pictures = Pictures.in(statics, new io.github.broadside.files.ProjectFiles(List.of(tmp),
                p -> tmp.relativize(p).toString()), Optional.empty());
        Pictures.Picture p = pictures.of("/small.jpg").orElseThrow();
        assertThat(p.candidates()).extracting(Pictures.Candidate::width).containsExactly(480, 600);
        assertThat(pictures.copies(new Problems())).singleElement()
                .satisfies(made -> assertThat(made.bytes()).isNotEmpty());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
