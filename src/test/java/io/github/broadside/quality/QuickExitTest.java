package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The quick exit of a campaign that has one (GOV.UK pattern): the button leaves for a neutral site
 * with and without JavaScript; with the script, Shift pressed three times does the same, the page is
 * covered at once, before the neutral site answers, and Back does not return to the campaign.
 *
 * <p>The machine is offline and the neutral site must never be reached anyway: its address is
 * stubbed with {@code context.route}. The page cannot be inspected while it is navigating away, so
 * an observer installed beforehand measures, at the moment the script marks the page as exiting,
 * how much of the campaign is still visible, and reports it with a beacon (which, unlike a console
 * message, is not lost when the page goes away).
 */
@BrowserTest
class QuickExitTest {
    private static final String STUB = "<!DOCTYPE html><html lang=\"en\"><title>Weather</title><p>Sunny.</p></html>";
    /** Points of a 3 x 3 grid over the viewport that still hit the campaign's header, main or footer. */
    private static final String WATCH_COVER = """
            () => new MutationObserver((changes, observer) => {
              if (!document.documentElement.classList.contains('bs-exiting')) return;
              observer.disconnect();
              let showing = 0;
              for (const x of [0.1, 0.5, 0.9]) for (const y of [0.1, 0.5, 0.9]) {
                const e = document.elementFromPoint(innerWidth * x, innerHeight * y);
                if (e && e.closest('header.site-header, main, footer.site-footer')) showing++;
              }
              navigator.sendBeacon('/__quick-exit-cover/' + showing);
            }).observe(document.documentElement, {attributes: true, attributeFilter: ['class']})""";

    @Test
    void theButtonLeavesForTheNeutralSite(Page page, ServedSite site) {
        page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        String exit = stubExit(page.context(), page);
        page.locator("a.quick-exit").click();
        page.waitForURL(exit);
        assertThat(page.title()).isEqualTo("Weather");
    }

    @Test
    void theButtonWorksWithJavaScriptOff(Browser browser, ServedSite site) {
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noScript.newPage();
            page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
            String exit = stubExit(noScript, page);
            page.locator("a.quick-exit").click();
            page.waitForURL(exit);
            assertThat(page.title()).isEqualTo("Weather");
        }
    }

    @Test
    void clickingCoversThePageAtOnceAndBackDoesNotReturn(Page page, ServedSite site) {
        List<String> reports = coverReports(page.context());
        page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        List<Route> exits = holdExit(page.context(), page);
        page.evaluate(WATCH_COVER);
        // no waiting for the navigation the click starts: the test holds it until the report is in
        page.locator("a.quick-exit").click(new Locator.ClickOptions().setNoWaitAfter(true));
        leaveWhenReported(page, exits, reports);
        assertThat(reports).as("campaign points still visible when the exit started").containsExactly("quick-exit-cover:0");
        page.goBack();
        assertThat(page.url()).as("Back must not bring the campaign back").isNotEqualTo(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
    }

    @Test
    void shiftThreeTimesLeavesAndCoversThePage(Page page, ServedSite site) {
        List<String> reports = coverReports(page.context());
        page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        List<Route> exits = holdExit(page.context(), page);
        page.evaluate(WATCH_COVER);
        page.locator("main h1").click(); // focus is in the page, not on the button
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Shift");
        }
        leaveWhenReported(page, exits, reports);
        assertThat(reports).containsExactly("quick-exit-cover:0");
    }

    @Test
    void shiftWhileTypingCapitalsDoesNotLeave(Page page, ServedSite site) {
        page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        List<String> left = new CopyOnWriteArrayList<>();
        String exit = exitUrl(page);
        page.context().route(origin(exit) + "/**", r -> {
            left.add(r.request().url());
            r.abort();
        });
        page.locator("main h1").click();
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Shift+KeyA");
        }
        page.waitForTimeout(300); // give a wrong exit the chance to start; nothing must happen
        assertThat(left).isEmpty();
        assertThat(page.url()).isEqualTo(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
    }

    /** What the observer reports: "quick-exit-cover:N" with N the campaign points still visible. */
    private static List<String> coverReports(BrowserContext context) {
        List<String> reports = new CopyOnWriteArrayList<>();
        context.route("**/__quick-exit-cover/*", r -> {
            String url = r.request().url();
            reports.add("quick-exit-cover:" + url.substring(url.lastIndexOf('/') + 1));
            r.fulfill(new Route.FulfillOptions().setStatus(204));
        });
        return reports;
    }

    /**
     * Holds the request for the neutral site unanswered, so the campaign page stays loaded until the
     * observer has reported (a fast answer could replace the page first).
     */
    private static List<Route> holdExit(BrowserContext context, Page page) {
        List<Route> held = new CopyOnWriteArrayList<>();
        context.route(origin(exitUrl(page)) + "/**", held::add);
        return held;
    }

    /** Waits for the exit to start and the cover report, then lets the neutral site answer. */
    private static void leaveWhenReported(Page page, List<Route> exits, List<String> reports) {
        page.waitForCondition(() -> !exits.isEmpty() && !reports.isEmpty());
        String exit = exits.get(0).request().url();
        exits.get(0).fulfill(new Route.FulfillOptions().setContentType("text/html").setBody(STUB));
        page.waitForURL(exit);
    }

    /** Answers the neutral site's address with a stub page; returns the address. */
    private static String stubExit(BrowserContext context, Page page) {
        String exit = exitUrl(page);
        context.route(origin(exit) + "/**", r -> r.fulfill(new Route.FulfillOptions()
                .setContentType("text/html").setBody(STUB)));
        return exit;
    }

    private static String exitUrl(Page page) {
        String href = page.locator("a.quick-exit").getAttribute("href");
        assertThat(href).as("the quick exit's address").startsWith("https://");
        return href;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
