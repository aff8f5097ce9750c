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
    /** Pages opened and saved in the editor: a campaign with a letter, signatories and updates, and its translation. */
    static final List<String> SAVED = List.of("en/stop-unjust-raids.md", "es/stop-unjust-raids.md");

    /** Serves the pinned Decap release from its npm package; records and refuses any other third-party request. */
    static void offline(BrowserContext context, StaticSiteServer server, List<String> elsewhere) {
        Path dist = DecapPackagesTest.TOOLS.resolve("decap-cms/package/dist");
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
        // No GitHub account here: Decap's in-memory backend stands in for the repository.
        context.route(server.url("/admin/config.yml"), route -> {
            String config = route.fetch().text().replaceFirst("(?s)backend:\\n(  .*?\\n)+", "backend:\n"
                    + "  name: test-repo\n");
            route.fulfill(new Route.FulfillOptions().setStatus(200).setBody(config)
                    .setHeaders(Map.of("Content-Type", "text/yaml")));
        });
    }

    static void logIn(Page page, StaticSiteServer server) {
        page.navigate(server.url("/admin/"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Login")).click(new com.microsoft.playwright.Locator
                        .ClickOptions().setTimeout(60_000));
    }

    static TestProject sampleWithEditor(Path dir) {
        TestProject project = TestProject.sample(dir);
        project.write("content/site.yml", project.read("content/site.yml") + "\n" + BrowserEditorTest.CMS);
        project.build();
        return project;
    }

    @Test
    void pagesSavedByTheEditorBuildTheSamePages(com.microsoft.playwright.Browser browser, @TempDir Path dir,
            @TempDir Path savedDir) throws Exception {
        DecapPackagesTest.downloadDecap();
        TestProject project = sampleWithEditor(dir);
        // The repository as Decap's in-memory backend holds it: content/<language>/<file>.md.
        StringBuilder seed = new StringBuilder("window.repoFiles = {content: {");
        for (String language : List.of("en", "es", "ar")) {
            seed.append(language).append(": {");
            try (var files = Files.list(project.root().resolve("content").resolve(language))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    seed.append(json(file.getFileName().toString())).append(": {content: ")
                            .append(json(Files.readString(file))).append(", path: ")
                            .append(json("content/" + language + "/" + file.getFileName())).append("},");
                }
            }
            seed.append("},");
        }
        seed.append("}};");
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        TestProject saved = TestProject.sample(savedDir);
        try (StaticSiteServer server = StaticSiteServer.start(project.site())) {
            for (String file : SAVED) {
                // A fresh browser per page: Decap keeps an entry's draft across its own navigation.
                try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser
                        .NewContextOptions().setViewportSize(1280, 900))) {
                    context.addInitScript(seed.toString());
                    offline(context, server, elsewhere);
                    Page page = context.newPage();
                    page.onPageError(e -> problems.add("script error: " + e));
                    logIn(page, server);
                    String language = file.substring(0, 2);
                    String slug = file.substring(3, file.length() - 3);
                    page.getByText("Pages: English (en)").first().waitFor();
                    page.navigate(server.url("/admin/#/collections/pages-" + language + "/entries/" + slug));
                    com.microsoft.playwright.Locator summary = page.getByLabel(java.util.regex.Pattern
                            .compile("^Summary"));
                    summary.first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
                    // One change, so that there is something to save; the test puts the old words back below.
                    summary.first().fill("EDITED-IN-DECAP");
                    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Publish")).first().click();
                    page.getByText("Publish now").click();
                    page.waitForFunction("f => (window.repoFiles.content[f.split('/')[0]][f.split('/')[1]]"
                            + ".content || '').includes('EDITED-IN-DECAP')", file);
                    String text = (String) page.evaluate("f => window.repoFiles.content[f.split('/')[0]]"
                            + "[f.split('/')[1]].content", file);
                    saved.write("content/" + file, text);
                    // Kept for review: what Decap wrote.
                    Path copy = Path.of("target/decap-saved").resolve(file);
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, text);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(elsewhere).isEmpty();
        saved.write("content/site.yml", project.read("content/site.yml"));
        for (String file : SAVED) {
            String original = project.read("content/" + file);
            String summary = original.lines().filter(l -> l.startsWith("summary:")).findFirst().orElseThrow()
                    .substring("summary:".length()).strip().replaceAll("^\"|\"$", "");
            saved.write("content/" + file, saved.read("content/" + file).replace("EDITED-IN-DECAP", summary));
        }
        saved.build();
        for (String page2 : List.of("stop-unjust-raids/index.html", "es/alto-a-las-redadas-injustas/index.html",
                "index.html", "es/index.html")) {
            Files.writeString(Path.of("target/decap-saved").resolve(page2.replace('/', '_')), saved.read("site/" + page2));
            Files.writeString(Path.of("target/decap-saved").resolve(page2.replace('/', '_') + ".orig"),
                    project.read("site/" + page2));
            assertThat(saved.read("site/" + page2)).as(page2 + " built from the files the editor saved")
                    .isEqualTo(project.read("site/" + page2));
        }
    }

    static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decapRunsOnTheAdminPageUnderItsPolicy(BrowserContext context, Page page, @TempDir Path dir)
            throws Exception {
        DecapPackagesTest.downloadDecap();
        TestProject project = sampleWithEditor(dir);
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (StaticSiteServer server = StaticSiteServer.start(project.site())) {
            offline(context, server, elsewhere);
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") && (m.text().contains("Content Security Policy")
                        || m.text().contains("integrity") || m.text().contains("Config Errors"))) {
                    problems.add(m.text());
                }
            });
            page.onPageError(e -> problems.add("script error: " + e));

            logIn(page, server);
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
