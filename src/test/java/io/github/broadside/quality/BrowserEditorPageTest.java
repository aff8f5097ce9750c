package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.github.broadside.TestProject;
import io.github.broadside.editor.BrowserEditorTest;
import io.github.broadside.editor.DecapAdminPage;
import io.github.broadside.editor.DecapConfig;
import io.github.broadside.editor.DecapPackagesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published {@code /admin/} page runs the real Decap CMS release it pins: its script (served
 * here from the npm package, as the machine is offline) passes the page's integrity check and policy,
 * the configuration loads, and the editor shows a collection per language and a new page's form with
 * the front-matter fields, without a single policy violation or script error. Only the Git backend is
 * swapped for Decap's in-memory {@code test-repo}, as no GitHub account is at hand.
 */
@BrowserTest
class BrowserEditorPageTest {

    @Test
    void decapRunsOnTheAdminPageUnderItsPolicy(BrowserContext context, Page page, @TempDir Path dir)
            throws Exception {
        DecapPackagesTest.downloadDecap();
        TestProject project = TestProject.sample(dir);
        project.write("content/site.yml", project.read("content/site.yml") + "\n" + BrowserEditorTest.CMS);
        project.build();
        Path dist = DecapPackagesTest.TOOLS.resolve("decap-cms/package/dist");
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (StaticSiteServer server = StaticSiteServer.start(project.site())) {
            context.route(url -> !url.startsWith(server.origin()), route -> {
                String url = route.request().url();
                if (url.startsWith(DecapAdminPage.FOLDER)) {
                    Path file = dist.resolve(url.substring(DecapAdminPage.FOLDER.length()).replaceAll("[?#].*", ""));
                    if (file.normalize().startsWith(dist) && Files.isRegularFile(file)) {
                        byte[] bytes;
                        try {
                            bytes = Files.readAllBytes(file);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        route.fulfill(new Route.FulfillOptions().setStatus(200).setBodyBytes(bytes)
                                .setHeaders(Map.of("Content-Type", "application/javascript",
                                        "Access-Control-Allow-Origin", "*")));
                        return;
                    }
                }
                elsewhere.add(url);
                route.abort();
            });
            context.route(server.url("/admin/config.yml"), route -> {
                String config = route.fetch().text().replaceFirst("(?s)backend:\\n(  .*?\\n)+", "backend:\n"
                        + "  name: test-repo\n");
                route.fulfill(new Route.FulfillOptions().setStatus(200).setBody(config)
                        .setHeaders(Map.of("Content-Type", "text/yaml")));
            });
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") && (m.text().contains("Content Security Policy")
                        || m.text().contains("integrity") || m.text().contains("Config Errors"))) {
                    problems.add(m.text());
                }
            });
            page.onPageError(e -> problems.add("script error: " + e));

            page.navigate(server.url("/admin/"));
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Login")).click(new com.microsoft.playwright.Locator
                            .ClickOptions().setTimeout(60_000));
            page.getByText("Pages: English (en)").first().waitFor();
            assertThat(page.getByText("Pages: Español (es)").count()).isPositive();
            assertThat(page.getByText("Pages: العربية (ar)").count()).isPositive();

            page.navigate(server.url("/admin/#/collections/pages-en/new"));
            page.getByText("Title", new Page.GetByTextOptions().setExact(true)).first().waitFor();
            List<String> shown = page.locator("label").allInnerTexts().stream()
                    .map(t -> t.replaceAll("(?i)\\s*\\(optional\\)$", "").toLowerCase(java.util.Locale.ROOT))
                    .toList();
            List<String> expected = new java.util.ArrayList<>();
            io.github.broadside.content.FrontMatterFields.PAGE.fields()
                    .forEach(f -> expected.add(DecapConfig.label(f.name()).toLowerCase(java.util.Locale.ROOT)));
            expected.add("text");
            assertThat(shown).as("the editor's labels").containsAll(expected).contains("goal", "targets",
                    "signatories");
        }
        assertThat(problems).isEmpty();
        assertThat(elsewhere).as("requests to other sites than the pinned release").isEmpty();
    }
}
