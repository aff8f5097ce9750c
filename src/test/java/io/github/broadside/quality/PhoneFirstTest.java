package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign page as a signer first meets it on a phone (390×844 CSS pixels): the primary action
 * (the jump link to the form, the form's button, or on a closed campaign what to do next) is inside
 * the first screen, and following the jump link puts the keyboard focus in the form's first field,
 * in view. Each page is also photographed at 390×844 and 1280×800 into {@code target/screenshots/}
 * (for review, not committed), and its primary action's position and page length are printed as
 * {@code [measure]} lines.
 */
@BrowserTest
class PhoneFirstTest {
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /** Every campaign page of the sample site, in every language. */
    static List<String> campaignPages() {
        SampleSite site = SampleSite.get();
        return site.htmlPages().stream().filter(file -> isCampaign(site.root().resolve(file))).toList();
    }

    private static boolean isCampaign(Path file) {
        try {
            Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
            return doc.selectFirst("main article.campaign") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the first screen offers: the top and bottom of the primary action and the page's length. */
    private static final String MEASURE = """
            () => {
              const visible = e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
              const candidates = [...document.querySelectorAll('main [data-bs-primary], main button[type=submit]')]
                .filter(visible);
              const first = candidates.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
              const box = first ? first.getBoundingClientRect() : null;
              return {
                found: !!first,
                what: first ? first.tagName.toLowerCase() + ' "' + first.textContent.trim().slice(0, 40) + '"' : '',
                top: box ? Math.round(box.top + scrollY) : -1,
                bottom: box ? Math.round(box.bottom + scrollY) : -1,
                length: document.documentElement.scrollHeight
              };
            }""";

    @ParameterizedTest(name = "{0}")
    @MethodSource("campaignPages")
    void thePrimaryActionIsInTheFirstPhoneScreen(String file, Page page, ServedSite site) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        Map<?, ?> phone = (Map<?, ?>) page.evaluate(MEASURE);
        screenshot(page, file, "390x844");
        page.setViewportSize(1280, 800);
        Map<?, ?> desktop = (Map<?, ?>) page.evaluate(MEASURE);
        screenshot(page, file, "1280x800");
        System.out.printf("[measure] %s: phone action y %s-%s (%s), length %s; desktop action y %s, length %s%n",
                file, phone.get("top"), phone.get("bottom"), phone.get("what"), phone.get("length"),
                desktop.get("top"), desktop.get("length"));

        assertThat(phone.get("found")).as("a primary action on %s", file).isEqualTo(true);
        assertThat(((Number) phone.get("bottom")).intValue())
                .as("bottom of the primary action %s at %dx%d on %s", phone.get("what"), PHONE_WIDTH, PHONE_HEIGHT, file)
                .isLessThanOrEqualTo(PHONE_HEIGHT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("campaignPages")
    void theJumpLinkPutsTheFocusInTheFirstFieldInView(String file, Page page, ServedSite site) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        if (page.locator("main form fieldset:not([disabled])").count() == 0) {
            // a closed or won campaign: no form to reach, its next steps are the primary action
            assertThat(page.locator("main .outcome").count()).as("the outcome on %s", file).isPositive();
            return;
        }
        var jump = page.locator("main a.jump-to-action").first();
        assertThat(jump.isVisible()).as("a visible jump link on %s", file).isTrue();
        jump.click();
        Map<?, ?> focus = (Map<?, ?>) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  const box = e.getBoundingClientRect();
                  const form = e.closest('form');
                  const first = form && [...form.querySelectorAll('[data-bs-field]')]
                    .find(x => x.getClientRects().length > 0);
                  return { tag: e.tagName.toLowerCase(), isFirst: !!first && first === e,
                           inView: box.top >= 0 && box.bottom <= innerHeight };
                }""");
        assertThat(focus.get("isFirst")).as("focus on the form's first field after the jump link on %s (got %s)",
                file, focus.get("tag")).isEqualTo(true);
        assertThat(focus.get("inView")).as("the focused first field is in view on %s", file).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("campaignPages")
    void buttonsUseThePageFontAndAreBigEnoughToTouch(String file, Page page, ServedSite site) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate("""
                () => {
                  const body = getComputedStyle(document.body);
                  return [...document.querySelectorAll('main button, main .button, main select, main input:not([type=hidden]):not([type=checkbox])')]
                    .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden], .bs-hp'))
                    .filter(e => {
                      const s = getComputedStyle(e), box = e.getBoundingClientRect();
                      return s.fontFamily !== body.fontFamily || parseFloat(s.fontSize) < parseFloat(body.fontSize)
                        || box.height < 44 || box.width < 44;
                    })
                    .map(e => { const s = getComputedStyle(e), box = e.getBoundingClientRect();
                      return e.tagName.toLowerCase() + ' "' + (e.textContent || e.name).trim().slice(0, 30) + '" '
                        + s.fontSize + ' ' + s.fontFamily.slice(0, 20) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height); });
                }""");
        assertThat(small).as("controls in another font, smaller than the text or under 44 px on %s", file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"index.html", "es/index.html", "ar/index.html"})
    void homeCardsOfferTheActionAndShowProgress(String file, Page page, ServedSite site) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        screenshot(page, file.replace("index.html", "home"), "390x844");
        int length = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        page.setViewportSize(1280, 800);
        screenshot(page, file.replace("index.html", "home"), "1280x800");
        System.out.printf("[measure] %s: phone length %d%n", file, length);
        // every open campaign's card has its button; a campaign with a goal shows its progress bar
        assertThat(page.locator("#active-heading ~ .cards .card").count()).isPositive();
        assertThat(page.locator("#active-heading ~ .cards .card:not(:has(.card-action .button))").count())
                .as("open campaigns' cards without a button on %s", file).isZero();
        assertThat(page.locator(".card .counter progress").count()).as("progress on the cards of %s", file)
                .isPositive();
    }

    /** The fixed quick exit button sits over the bar that explains it: it must hide none of the bar's words. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("campaignPages")
    void theQuickExitHidesNoneOfItsHint(String file, Page page, ServedSite site) {
        page.navigate(site.url(SampleSite.urlPath(file)));
        page.waitForLoadState();
        if (page.locator(".quick-exit-help").count() == 0) {
            return;
        }
        for (int width : new int[] {320, PHONE_WIDTH}) {
            page.setViewportSize(width, PHONE_HEIGHT);
            @SuppressWarnings("unchecked")
            List<String> covered = (List<String>) page.evaluate("""
                    () => {
                      const b = document.querySelector('.quick-exit').getBoundingClientRect();
                      const walker = document.createTreeWalker(document.querySelector('.quick-exit-help'), NodeFilter.SHOW_TEXT);
                      const out = [];
                      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        const range = document.createRange();
                        range.selectNodeContents(n);
                        for (const r of range.getClientRects()) {
                          if (r.width > 0 && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) {
                            out.push('"' + n.textContent.trim() + '" at x ' + Math.round(r.left) + '-' + Math.round(r.right)
                              + ' under the button at ' + Math.round(b.left) + '-' + Math.round(b.right));
                          }
                        }
                      }
                      return out;
                    }""");
            assertThat(covered).as("the quick exit's hint under its button at %d px on %s", width, file).isEmpty();
        }
    }

    private static void screenshot(Page page, String file, String size) {
        String name = file.replace("/index.html", "").replace('/', '_');
        Path shot = SampleSite.projectDir().resolve("target/screenshots/" + (name.isEmpty() ? "home" : name)
                + "-" + size + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
    }
}
