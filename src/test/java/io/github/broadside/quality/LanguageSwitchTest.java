package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reader switches language with the switcher on the page and lands on the translation; the Arabic
 * page is laid out right to left (the whole layout mirrors, not just the text).
 */
@BrowserTest
class LanguageSwitchTest {

    @Test
    void theSwitcherLeadsToTheTranslationAndArabicIsLaidOutRightToLeft(Page page, ServedSite site) {
        page.navigate(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        assertThat(layout(page).get("dir")).isEqualTo("ltr");

        Locator toArabic = page.locator("nav.language-switcher a[hreflang='ar']").first();
        assertThat(toArabic.count()).as("a switcher link to the Arabic translation").isPositive();
        toArabic.click();
        page.waitForURL("**/ar/**");

        Map<String, Object> rtl = layout(page);
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ar");
        assertThat(rtl.get("dir")).isEqualTo("rtl");
        assertThat(rtl.get("titleRightOfNav")).as("the header mirrors: site title right of the navigation")
                .isEqualTo(true);
        assertThat(rtl.get("textAlign")).isIn("right", "start");

        Locator toEnglish = page.locator("nav.language-switcher a[hreflang='en']").first();
        toEnglish.click();
        page.waitForURL(site.url(KeyboardTest.QUICK_EXIT_CAMPAIGN));
        assertThat(layout(page).get("titleRightOfNav")).isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(Page page) {
        return (Map<String, Object>) page.evaluate("""
                () => {
                  const title = document.querySelector('.site-title').getBoundingClientRect();
                  const nav = document.querySelector('.site-header nav');
                  const main = document.querySelector('main p, main h1');
                  return {
                    dir: getComputedStyle(document.body).direction,
                    titleRightOfNav: nav ? title.left > nav.getBoundingClientRect().left : null,
                    textAlign: main ? getComputedStyle(main).textAlign : ''
                  };
                }""");
    }
}
