package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A petition form of the sample site as the page contract of {@code docs/form-providers.md} names
 * it ({@code form[data-bs-form]}, inputs with {@code data-bs-field}, {@code #form-N-status},
 * {@code #form-N-success}, {@code #form-N-hp}), found in the built pages: an open petition posting
 * to the local sink, with a live counter.
 *
 * @param path       the campaign page's URL path, e.g. {@code /stop-unjust-raids/}
 * @param formId     the form's id, e.g. {@code form-1}
 * @param campaignId the sink's id for the campaign, e.g. {@code stop-unjust-raids}
 */
public record PetitionForm(String path, String formId, String campaignId) {
    /** What a signer types, by canonical field name. */
    static final Map<String, String> SIGNER = Map.of("given_name", "Ana", "family_name", "Pérez",
            "email", "ana@example.org", "postal_code", "60601", "country", "US",
            "phone", "+1 312 555 0100", "comment", "Count me in.", "organization", "Example Org",
            "role", "Pastor");

    /**
     * The first open petition of the sample site with a counter. The published site posts it to its
     * provider; serve ({@link DevSite}) previews it through the local sink, whose id for the campaign
     * is the page's path without slashes.
     */
    static PetitionForm inSampleSite() {
        SampleSite site = SampleSite.get();
        for (String file : site.htmlPages()) {
            Document doc = parse(site, file);
            for (Element form : doc.select("section.action-petition form[data-bs-form]")) {
                Element section = form.closest("section.action");
                if (form.selectFirst("fieldset[disabled]") != null || section.selectFirst(".counter") == null) {
                    continue;
                }
                String path = SampleSite.urlPath(file);
                return new PetitionForm(path, form.id(), path.replaceAll("^/+|/+$", ""));
            }
        }
        throw new AssertionError("the sample site has no open petition with a counter");
    }

    private static Document parse(SampleSite site, String file) {
        try {
            File html = site.root().resolve(file).toFile();
            return Jsoup.parse(html, "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Locator form(Page page) {
        return page.locator("#" + formId);
    }

    Locator status(Page page) {
        return page.locator("#" + formId + "-status");
    }

    Locator success(Page page) {
        return page.locator("#" + formId + "-success");
    }

    Locator counterText(Page page) {
        return page.locator("#" + formId).locator("xpath=ancestor::section[contains(@class,'action')]")
                .locator("[data-bs-count-text]");
    }

    /** Fills every visible field (each must have a label) and ticks the consent box; leaves the honeypot alone. */
    void fill(Page page) {
        Locator fields = form(page).locator("[data-bs-field]");
        for (int i = 0; i < fields.count(); i++) {
            Locator field = fields.nth(i);
            String key = field.getAttribute("data-bs-field");
            if (!field.isVisible()) {
                continue;
            }
            // a field a screen reader cannot name cannot be filled in by everyone
            assertThat(((Number) field.evaluate("e => e.labels.length")).intValue())
                    .as("labels of the %s field", key).isPositive();
            if ("checkbox".equals(field.getAttribute("type"))) {
                if (key.equals("consent")) {
                    field.check();
                }
            } else if ("select".equals(field.evaluate("e => e.localName"))) {
                field.selectOption(SIGNER.get(key));
            } else if (SIGNER.containsKey(key)) {
                field.fill(SIGNER.get(key));
            }
        }
    }

    /**
     * Waits out the form's minimum fill time (a spam guard), counted by the script from when it ran:
     * it is deferred, so it ran before DOMContentLoaded, which is the bound used here.
     */
    void waitMinimumFillTime(Page page) {
        String seconds = form(page).getAttribute("data-bs-min-seconds");
        int ms = seconds == null || seconds.isBlank() ? 0 : Integer.parseInt(seconds) * 1000;
        page.waitForFunction("""
                ms => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  return nav && nav.domContentLoadedEventEnd > 0 && performance.now() > nav.domContentLoadedEventEnd + ms + 50;
                }""", ms);
    }
}
