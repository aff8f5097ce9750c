package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keyboard use as a person without a mouse meets it: the skip link is the first stop (after the
 * quick exit, where a campaign has one) and is visible when focused; every focus stop shows a visible
 * focus indicator and is not hidden under the fixed quick-exit button; Tab reaches the footer.
 */
@BrowserTest
class KeyboardTest {
    /** A sample campaign with {@code quickExit: true}. */
    static final String QUICK_EXIT_CAMPAIGN = "/stop-unjust-raids/";

    private static final String FOCUSED = """
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return null;
              const s = getComputedStyle(e);
              const r = e.getBoundingClientRect();
              const hits = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].some(([x, y]) => {
                const at = document.elementFromPoint(r.left + r.width * x, r.top + r.height * y);
                return at !== null && (at === e || e.contains(at) || at.contains(e));
              });
              return {
                what: e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' "'
                      + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"',
                cls: String(e.className),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                shadow: s.boxShadow !== 'none',
                inView: r.bottom > 0 && r.top < innerHeight && r.width > 0 && r.height > 0,
                visible: hits,
                inFooter: e.closest('footer.site-footer') !== null
              };
            }""";

    @Test
    void skipLinkIsTheFirstStopAndIsShownAndMovesFocusToMain(Page page, ServedSite site) {
        page.navigate(site.url("/"));
        page.keyboard().press("Tab");
        Map<String, Object> first = focused(page);
        assertThat(first).as("first Tab stop on the home page").isNotNull();
        assertThat(first.get("cls")).isEqualTo("skip-link");
        assertThat(first.get("inView")).as("skip link on screen when focused").isEqualTo(true);
        assertThat(first.get("visible")).as("skip link not covered when focused").isEqualTo(true);

        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");
        assertThat(page.url()).endsWith("#main");
    }

    @Test
    void onACampaignWithQuickExitTheQuickExitComesFirstThenTheSkipLinkBeforeThePage(Page page, ServedSite site) {
        page.navigate(site.url(QUICK_EXIT_CAMPAIGN));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.matches('a.quick-exit')"))
                .as("the quick exit is the first Tab stop").isEqualTo(true);
        // then, maybe past the quick exit's own help link, the skip link before anything of the page
        for (int i = 0; i < 5; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => document.activeElement.matches('a.skip-link')"))) {
                return;
            }
            assertThat(page.evaluate("() => !!document.activeElement.closest('header.site-header, main, footer')"))
                    .as("a stop of the page before the skip link: %s", focused(page)).isEqualTo(false);
        }
        throw new AssertionError("the skip link is not among the first Tab stops after the quick exit");
    }

    @Test
    void everyFocusStopShowsFocusAndIsNotHidden(Page page, ServedSite site) {
        for (String path : List.of("/", QUICK_EXIT_CAMPAIGN)) {
            page.navigate(site.url(path));
            List<Map<String, Object>> stops = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                page.keyboard().press("Tab");
                Map<String, Object> stop = focused(page);
                if (stop == null || (!stops.isEmpty() && stop.equals(stops.get(0)))) {
                    break; // focus left the document or wrapped around
                }
                stops.add(stop);
            }
            assertThat(stops).as("focus stops on %s", path).hasSizeGreaterThan(3);
            assertThat(stops.get(stops.size() - 1).get("inFooter")).as("Tab reaches the footer on %s", path)
                    .isEqualTo(true);
            assertThat(stops).as("stops without a visible focus indicator on %s", path)
                    .filteredOn(s -> !Boolean.TRUE.equals(s.get("outline")) && !Boolean.TRUE.equals(s.get("shadow")))
                    .extracting(s -> s.get("what")).isEmpty();
            assertThat(stops).as("focused elements off screen or hidden under something on %s", path)
                    .filteredOn(s -> !Boolean.TRUE.equals(s.get("inView")) || !Boolean.TRUE.equals(s.get("visible")))
                    .extracting(s -> s.get("what")).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> focused(Page page) {
        return (Map<String, Object>) page.evaluate(FOCUSED);
    }
}
