package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.check.SiteCheck;
import io.github.broadside.incremental.IncrementalBuild;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Severity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for {@code image:} (docs/front-matter.md): a path starting with / is a file in
 * content/static/, any other path is relative to the page that writes it; both publish the right
 * address (under a sub-path base URL too), and a missing picture is a warning at the image: line in
 * build, check and serve.
 */
class ImagesTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(dir);
    }

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void vigil(String image) {
        project.page("vigil.md", "title: Vigil\ndate: 2024-05-01\nimage: \"" + image + "\"\nimageAlt: Candles\n",
                "Text.\n");
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(project.site().resolve(path).toFile(), "UTF-8");
    }

    @Test
    void aSiteAbsolutePathIsAFileInContentStatic() throws IOException {
        project.writeBytes("content/static/images/vigil.png", png());
        vigil("/images/vigil.png");
        BuildResult built = project.build();
        assertThat(built.warnings()).noneMatch(p -> p.message().contains("image"));
        Document page = page("vigil/index.html");
        assertThat(page.select("img.hero").attr("src")).isEqualTo("/images/vigil.png");
        assertThat(page.select("img.hero").attr("width")).isEqualTo("40");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://test.example.org/images/vigil.png");
    }

    @Test
    void aRelativePathIsRelativeToThePageUnderASubPathToo() throws IOException {
        project.write("content/site.yml", "title: T\nbaseUrl: https://example.github.io/repo/\n");
        project.writeBytes("content/static/vigil/photo.png", png());
        vigil("photo.png");
        BuildResult built = project.build();
        assertThat(built.warnings()).noneMatch(p -> p.message().contains("image"));
        Document page = page("vigil/index.html");
        assertThat(page.select("img.hero").attr("src")).isEqualTo("/repo/vigil/photo.png");
        assertThat(page.select("img.hero").attr("height")).isEqualTo("30");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://example.github.io/repo/vigil/photo.png");
    }

    @Test
    void aTranslationInheritingARelativePathShowsTheSourcesPicture() throws IOException {
        project.writeBytes("content/static/vigil/photo.png", png());
        vigil("photo.png");
        project.write("content/es/vigil.md", "---\ntitle: Vigilia\nimageAlt: Velas\n---\nTexto.\n");
        BuildResult built = project.build();
        assertThat(built.warnings()).noneMatch(p -> p.message().contains("image"));
        assertThat(page("es/vigil/index.html").select("img.hero").attr("src")).isEqualTo("/vigil/photo.png");
    }

    @Test
    void aMissingPictureIsAWarningAtTheImageLine() {
        project.writeBytes("content/static/images/vigil.png", png());
        // Written without the leading slash: relative to /vigil/, so content/static/vigil/images/vigil.png.
        vigil("images/vigil.png");
        List<Problem> warnings = project.build().warnings().stream()
                .filter(p -> p.message().contains("vigil.png")).toList();
        assertThat(warnings).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/vigil.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("content/static/vigil/images/vigil.png does not exist");
            assertThat(p.hint()).contains("'/images/vigil.png'");
        });
    }

    @Test
    void aTranslationsMissingInheritedPictureIsReportedOnceAtTheSource() {
        vigil("/images/gone.png");
        project.write("content/es/vigil.md", "---\ntitle: Vigilia\nimageAlt: Velas\n---\nTexto.\n");
        List<Problem> warnings = project.build().warnings().stream()
                .filter(p -> p.message().contains("gone.png")).toList();
        assertThat(warnings).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/vigil.md");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void aPathClimbingAboveTheSiteIsAnError() {
        vigil("../../photo.png");
        Problem error = project.onlyError();
        assertThat(error.file()).isEqualTo("content/en/vigil.md");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("outside the site");
    }

    @Test
    void checkReportsAMissingPictureAtTheImageLine() throws IOException {
        project.write("content/site.yml", "title: T\nbaseUrl: https://example.github.io/repo/\n"
                + "description: photo.png\n");
        vigil("photo.png");
        SiteCheck.Report report = new SiteCheck(project.options()).run();
        List<Problem> images = report.problems().stream().filter(p -> p.message().contains("photo.png")).toList();
        assertThat(images).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo("content/en/vigil.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.hint()).contains("content/static/vigil/photo.png");
        });
    }

    @Test
    void serveWarnsAboutAMissingPictureUntilTheFileIsAdded() {
        vigil("photo.png");
        IncrementalBuild serve = new IncrementalBuild(project.options().toBuilder().drafts(true).build());
        IncrementalBuild.Update first = serve.full();
        assertThat(first.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.file()).isEqualTo("content/en/vigil.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("content/static/vigil/photo.png does not exist");
        });
        project.writeBytes("content/static/vigil/photo.png", png());
        IncrementalBuild.Update added = serve.update(List.of(dir.resolve("content/static/vigil/photo.png")));
        assertThat(added.problems()).noneMatch(p -> p.message().contains("photo.png"));
    }
}
