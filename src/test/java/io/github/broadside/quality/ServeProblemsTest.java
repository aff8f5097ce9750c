package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import io.github.broadside.serve.DevServer;
import io.github.broadside.serve.ServeLog;
import io.github.broadside.serve.ServeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem shows in the preview: a warning (a misspelt key, with its did-you-mean, file and
 * line) appears in a bar at the top of every page that does not cover it, can be dismissed, and
 * links to the list of all problems; an error shows in the panel with the warnings under it.
 */
@BrowserTest
class ServeProblemsTest {
    static final String PAGE = "/stop-unjust-raids/";

    @TempDir
    Path dir;

    @Test
    void warningsAndErrorsShowInThePreview(Page page) throws Exception {
        SampleProject.copyInto(dir);
        Path raids = dir.resolve("content/en/stop-unjust-raids.md");
        String good = Files.readString(raids);
        Files.writeString(raids, good.replaceFirst("\nsummary:", "\nsummery:"));
        int line = lineOf(good, "summary:");
        ServeOptions options = ServeOptions.defaults(BuildOptions.defaults(dir)).withPort(0);
        try (DevServer server = DevServer.start(options, new Quiet())) {
            String origin = server.address().toString().replaceAll("/$", "");
            page.navigate(origin + PAGE);
            Locator bar = page.locator("#broadside-warnings");
            assertThat(bar.isVisible()).as("the warnings bar").isTrue();
            assertThat(page.locator("#broadside-problems").count()).isZero();
            bar.locator("summary").click();
            String text = bar.innerText();
            assertThat(text).contains("content/en/stop-unjust-raids.md:" + line + ":1",
                    "unknown key 'summery'", "did you mean 'summary'?");
            assertThat(notCovering(page)).as("the bar is in the page's flow, above the header").isEqualTo(true);

            // Reachable from every page, with the full list one link away.
            page.navigate(origin + "/privacy/");
            assertThat(page.locator("#broadside-warnings").isVisible()).isTrue();
            page.locator("#broadside-warnings a[href='/_broadside/problems']").click();
            page.waitForURL("**/_broadside/problems");
            assertThat(page.locator("main").innerText()).contains("did you mean 'summary'?",
                    "content/en/stop-unjust-raids.md:" + line);

            // Dismissed, it stays away on the next pages until the warnings change.
            page.navigate(origin + PAGE);
            page.locator("#broadside-warnings .broadside-dismiss").click();
            assertThat(page.locator("#broadside-warnings").isVisible()).isFalse();
            page.navigate(origin + "/privacy/");
            assertThat(page.locator("#broadside-warnings").isVisible()).isFalse();

            // An error: the fixed panel, with the warnings listed under it.
            Files.writeString(raids, good.replaceFirst("\nsummary:", "\nsummery:")
                    .replace("status: active", "status: paused"));
            // Poll by navigating: live reload may itself be reloading the page at that moment, and a
            // reload inside Playwright's waitForCondition then loses its page.
            long deadline = System.nanoTime() + 20_000_000_000L;
            do {
                page.navigate(origin + PAGE);
                if (page.locator("#broadside-problems").count() > 0) {
                    break;
                }
                page.waitForTimeout(250);
            } while (System.nanoTime() < deadline);
            Locator panel = page.locator("#broadside-problems");
            assertThat(panel.isVisible()).isTrue();
            assertThat(panel.innerText()).contains("unknown status 'paused'", "warning");
            panel.locator("summary").click();
            assertThat(panel.innerText()).contains("did you mean 'summary'?");
        }
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    /** True when the bar sits in the flow: static position, and the site header starts below it. */
    private static Object notCovering(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                () => {
                  const bar = document.getElementById('broadside-warnings');
                  const header = document.querySelector('header, .site-header, main');
                  return {
                    position: getComputedStyle(bar).position,
                    below: header.getBoundingClientRect().top >= bar.getBoundingClientRect().bottom - 1
                  };
                }""");
        return "static".equals(r.get("position")) && Boolean.TRUE.equals(r.get("below"));
    }

    private static final class Quiet implements ServeLog {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void error(String line) {
        }
    }
}
