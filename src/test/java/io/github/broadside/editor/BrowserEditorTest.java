package io.github.broadside.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cms:} in site.yml publishes the browser editor at {@code /admin/}: its page loads Decap CMS
 * from the pinned address with its integrity hash, under a policy of its own, while every campaign
 * page keeps exactly the policy it has without the editor; no page or static file can take the
 * editor's address; mistakes in {@code cms:} are problems at their line.
 */
public class BrowserEditorTest {
    public static final String CMS = "cms:\n  backend: github\n  repo: my-org/campaigns\n  authUrl: https://api.netlify.com\n";
    static final Pattern META = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"");

    static String meta(TestProject project, String page) {
        Matcher m = META.matcher(project.read("site/" + page));
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    @Test
    void theSampleSiteWithTheEditorKeepsItsPagesPolicy(@TempDir Path plainDir, @TempDir Path editedDir)
            throws Exception {
        TestProject plain = TestProject.sample(plainDir);
        plain.build();
        TestProject edited = TestProject.sample(editedDir);
        edited.write("content/site.yml", edited.read("content/site.yml") + "\n" + CMS);
        edited.build();

        assertThat(plain.site().resolve("admin")).doesNotExist();
        String admin = edited.read("site/admin/index.html");
        assertThat(admin).contains("<script src=\"" + DecapAdminPage.SCRIPT + "\" integrity=\""
                + DecapAdminPage.INTEGRITY + "\" crossorigin=\"anonymous\"></script>", "noindex",
                "rel=\"cms-config-url\"");
        String adminPolicy = meta(edited, "admin/index.html");
        assertThat(adminPolicy).contains("script-src 'self' " + DecapAdminPage.FOLDER + " 'unsafe-eval'",
                "connect-src 'self' https://api.github.com https://api.netlify.com");
        Map<String, Object> config = DecapConfigTest.load(edited.read("site/admin/config.yml"));
        assertThat(DecapConfigTest.list(config.get("collections"))).extracting(c -> c.get("folder"))
                .containsExactly("content/en", "content/es", "content/ar");

        for (String page : List.of("index.html", "es/index.html", "ar/index.html", "stop-unjust-raids/index.html")) {
            assertThat(meta(edited, page)).as(page).isEqualTo(meta(plain, page)).doesNotContain("unpkg", "unsafe");
        }
        // The header covers /admin/ too, so it admits what the editor needs; pages stay held by their meta policy.
        assertThat(edited.read("site/_headers")).contains(DecapAdminPage.FOLDER, "'unsafe-eval'");
        assertThat(plain.read("site/_headers")).doesNotContain("unpkg", "unsafe");
        assertThat(edited.read("site/sitemap.xml")).doesNotContain("/admin/");
        assertThat(Files.readString(edited.site().resolve("robots.txt"))).isNotNull();
    }

    @Test
    void checkFindsNothingToReportAboutTheEditor(@TempDir Path dir) throws Exception {
        TestProject project = TestProject.sample(dir);
        project.write("content/site.yml", project.read("content/site.yml") + "\n" + CMS);
        io.github.broadside.check.SiteCheck.Report report = new io.github.broadside.check.SiteCheck(
                io.github.broadside.BuildOptions.defaults(dir)).run();
        assertThat(report.problems()).as("check of the sample site with cms:").isEmpty();
    }

    static TestProject withEditor(Path dir) {
        TestProject project = TestProject.create(dir);
        project.write("content/site.yml", project.read("content/site.yml")
                + "forms:\n  provider: netlify\n" + CMS);
        return project;
    }

    @Test
    void aPageCannotTakeTheEditorsAddress(@TempDir Path dir) {
        TestProject project = withEditor(dir);
        project.page("admin.md", "title: Admin\ndate: 2024-05-01\n", "Text.\n");
        Problem error = project.onlyError();
        assertThat(error.message()).contains("the slug 'admin' is reserved");
        assertThat(error.file()).endsWith("admin.md");
    }

    @Test
    void withoutTheEditorAPageMayBeCalledAdmin(@TempDir Path dir) {
        TestProject project = TestProject.create(dir);
        project.page("admin.md", "title: Admin\ndate: 2024-05-01\n", "Text.\n");
        project.build();
        assertThat(project.read("site/admin/index.html")).contains("Admin");
    }

    @Test
    void aStaticFileCannotReplaceTheEditor(@TempDir Path dir) {
        TestProject project = withEditor(dir);
        project.campaign("a.md", "A");
        project.write("content/static/admin/config.yml", "backend:\n  name: test-repo\n");
        Problem error = project.onlyError();
        assertThat(error.file()).endsWith("content/static/admin/config.yml");
        assertThat(error.message()).contains("browser editor");
    }

    @Test
    void mistakesInCmsAreProblemsAtTheirLine(@TempDir Path dir) {
        TestProject project = TestProject.create(dir);
        project.campaign("a.md", "A");
        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\ncms:\n  backend: bitbucket\n");
        Problem backend = project.onlyError();
        assertThat(backend.line()).isEqualTo(4);
        assertThat(backend.message()).contains("'bitbucket' is not a backend");
        assertThat(backend.hint()).contains("github, gitlab, git-gateway");

        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\ncms:\n  backend: github\n"
                + "  repo: https://github.com/org/repo.git\n  authUrl: http://auth.example.org\n");
        List<Problem> errors = project.buildFails().stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::line).containsExactly(5, 6);

        // site.yml comes from a pull request too: nothing it says may break out of the admin page's policy.
        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\ncms:\n  backend: github\n"
                + "  repo: org/repo\n  authUrl: 'https://x.example.org\"><script>alert(1)</script>'\n");
        Problem injected = project.onlyError();
        assertThat(injected.line()).isEqualTo(6);
        assertThat(injected.message()).contains("is not an https:// address");

        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\ncms:\n  backend: gitlab\n");
        assertThat(project.onlyError().message()).contains("needs the repository");
    }
}
