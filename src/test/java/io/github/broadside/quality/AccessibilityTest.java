package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core in Chromium over every page of the sample site: no WCAG 2.0/2.1/2.2 A or AA violation,
 * and no sideways scrolling at 320 CSS pixels (reflow, which axe does not check).
 * The same visit also checks what a signer's browser sees on load: no request leaves the site
 * (a third-party request would tell someone who signed what), no missing asset, no console error
 * (a script or style blocked by the CSP), no uncaught script error.
 */
@BrowserTest
class AccessibilityTest {
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    static List<String> pages() {
        return SampleSite.get().htmlPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageMeetsWcagAndStaysOnTheSite(String file, Page page, ServedSite site) {
        List<String> offSite = new ArrayList<>();
        List<String> consoleErrors = new ArrayList<>();
        page.onRequest(r -> {
            if (!r.url().startsWith(site.origin() + "/") && !r.url().startsWith("data:")) {
                offSite.add(r.url());
            }
        });
        page.onConsoleMessage(m -> {
            // a failed load is reported below with its URL, which the console text lacks
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        List<String> failedLoads = new ArrayList<>();
        page.onResponse(r -> {
            // Every failed load counts, the browser's own favicon request too (the sample publishes no
            // preview-only form, so no page asks serve's sink for a count).
            if (r.status() >= 400) {
                failedLoads.add(r.status() + " " + r.url());
            }
        });
        page.onRequestFailed(r -> failedLoads.add(r.failure() + " " + r.url()));
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));

        Response response = page.navigate(site.url(SampleSite.urlPath(file)));
        assertThat(response.status()).as("HTTP status of %s", file).isEqualTo(200);
        page.waitForLoadState();
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();

        // WCAG 1.4.10 Reflow: at 320 CSS pixels wide nothing needs scrolling sideways
        page.setViewportSize(320, 640);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        // Which elements stick out, so a failure says what to fix.
        Object wide = page.evaluate("""
                () => { const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]
                  .filter(e => { const r = e.getBoundingClientRect(); return r.right > w + 0.5 || r.left < -0.5; })
                  .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right)); }""");

        SoftAssertions soft = new SoftAssertions(); // report every kind of breach, not only the first
        soft.assertThat(((Number) overflow).intValue()).as("horizontal scrolling at 320 px on %s (reflow; elements past the edge: %s)", file, wide)
                .isLessThanOrEqualTo(0);
        soft.assertThat(describe(results.getViolations())).as("axe WCAG 2.2 A/AA violations on %s", file).isEmpty();
        soft.assertThat(offSite).as("requests leaving the site on load of %s", file).isEmpty();
        soft.assertThat(failedLoads).as("failed loads on %s", file).isEmpty();
        soft.assertThat(consoleErrors).as("console errors on %s", file).isEmpty();
        soft.assertAll();
    }

    /** Guards the guard: axe, injected this way, does report an unlabeled field and missing alt text. */
    @Test
    void axeReportsAnUnlabeledFieldAndAnImageWithoutAlt(Page page) {
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
                + "<h1>Sign</h1><form><input type=\"text\" name=\"email\"><img src=\"data:,\"></form></main></body></html>");
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        assertThat(results.getViolations()).extracting(Rule::getId).contains("label", "image-alt");
    }

    /** One line per rule and element: {@code rule (impact): help | selector | html}. */
    static List<String> describe(List<Rule> violations) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : violations) {
            for (CheckedNode node : rule.getNodes()) {
                lines.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " | "
                        + node.getTarget() + " | " + node.getHtml() + " | "
                        + String.valueOf(node.getFailureSummary()).lines().collect(Collectors.joining(" ")));
            }
        }
        return lines;
    }
}
