package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing on the page moves once it is painted (Cumulative Layout Shift 0, as Lighthouse mobile
 * measures it) on a 390×844 phone: the home pages, every campaign page, the thank-you pages and every
 * Arabic page. broadside.js is held back until after the first paint, as on a slow phone network,
 * so whatever it reveals or adds (the quick exit's Shift hint, share buttons, live counts) must
 * already have its space. The shifts are read from a buffered {@code layout-shift}
 * PerformanceObserver, the browser's own record that Lighthouse also reads.
 */
@BrowserTest
class LayoutShiftTest {
    /** How long the script is held back: long enough for the first paint to happen without it. */
    private static final long SCRIPT_DELAY_MILLIS = 400;

    static List<String> pages() {
        TreeSet<String> pages = new TreeSet<>();
        List<String> all = SampleSite.get().htmlPages();
        pages.addAll(Stream.of("index.html", "es/index.html", "ar/index.html").filter(all::contains).toList());
        pages.addAll(PhoneFirstTest.campaignPages());
        all.stream().filter(p -> p.contains("/thanks/")).forEach(pages::add);
        all.stream().filter(p -> p.startsWith("ar/")).forEach(pages::add);
        return List.copyOf(pages);
    }

    /** Every layout shift since navigation without recent input: its score and what moved. */
    private static final String SHIFTS = """
            () => new Promise(resolve => {
              const shifts = [];
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) {
                  if (e.hadRecentInput) continue;
                  shifts.push({ value: e.value, moved: (e.sources || []).map(s => s.node
                    ? (s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + (s.node.className ? '.' + s.node.className : '')
                       : '#text "' + s.node.textContent.trim().slice(0, 30) + '"')
                      + ' ' + Math.round(s.previousRect.y) + '->' + Math.round(s.currentRect.y)
                    : '?') });
                }
              }).observe({ type: 'layout-shift', buffered: true });
              // two frames after load and a moment for late work (counters, share buttons)
              requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(shifts), 300)));
            })""";

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void nothingMovesAfterTheFirstPaint(String file, BrowserContext context, Page page, ServedSite site) {
        assertNoShift(file, context, page, site, "");
    }

    static List<String> thanksPages() {
        return pages().stream().filter(p -> p.contains("/thanks/")).toList();
    }

    /** Phones have a native share sheet (Linux Chromium has none): the share step must not move there either. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("thanksPages")
    void nothingMovesWhereTheBrowserHasAShareSheet(String file, BrowserContext context, Page page, ServedSite site) {
        context.addInitScript("Object.defineProperty(Navigator.prototype, 'share', "
                + "{ configurable: true, value: () => Promise.resolve() })");
        assertNoShift(file, context, page, site, " with a share sheet");
        assertThat(page.locator("[data-bs-share]").isVisible()).as("the share sheet button on %s", file).isTrue();
    }

    private static void assertNoShift(String file, BrowserContext context, Page page, ServedSite site, String how) {
        context.route("**/broadside*.js", route -> {
            try {
                Thread.sleep(SCRIPT_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            route.resume();
        });
        page.setViewportSize(PhoneFirstTest.PHONE_WIDTH, PhoneFirstTest.PHONE_HEIGHT);
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        assertThat(page.evaluate("() => document.documentElement.classList.contains('js')"))
                .as("broadside.js ran on %s", file).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shifts = (List<Map<String, Object>>) page.evaluate(SHIFTS);
        double cls = shifts.stream().mapToDouble(s -> ((Number) s.get("value")).doubleValue()).sum();
        System.out.printf("[measure] %s: CLS %.4f at 390x844%s%n", file, cls, how);
        assertThat(shifts).as("layout shifts on %s at 390x844%s (CLS %.4f)", file, how, cls).isEmpty();
    }
}
