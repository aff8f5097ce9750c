package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signer signs the sample petition for real: through the page, to the local form sink of
 * {@code broadside:serve}, with JavaScript on (inline success, live region, counter moves), with
 * JavaScript off (plain post, thank-you page), through a network failure (what was typed is kept,
 * pressing again works), and with the keyboard alone.
 */
@BrowserTest
class SigningTest {

    @Test
    void withJavaScriptTheSuccessIsShownInlineAnnouncedAndCounted(Page page, LiveSite site) {
        PetitionForm petition = PetitionForm.inSampleSite();
        int before = site.count(petition.campaignId());
        page.navigate(site.url(petition.path()));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        assertThat(petition.counterText(page).textContent()).as("the live count shown after load")
                .contains(String.valueOf(before));

        petition.fill(page);
        petition.waitMinimumFillTime(page);
        page.locator("#" + petition.formId() + "-submit").click();

        petition.success(page).waitFor();
        assertThat(page.url()).as("no navigation: the success is inline").isEqualTo(site.url(petition.path()));
        assertThat(petition.status(page).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(petition.status(page).textContent()).as("the live region announces the success")
                .isEqualTo(petition.form(page).getAttribute("data-bs-msg-success"));
        assertThat(site.count(petition.campaignId())).as("the sink got exactly one signature").isEqualTo(before + 1);
        page.waitForCondition(() -> petition.counterText(page).textContent().contains(String.valueOf(before + 1)));
    }

    @Test
    void withoutJavaScriptThePlainPostLandsOnTheThankYouPage(Browser browser, LiveSite site) {
        PetitionForm petition = PetitionForm.inSampleSite();
        int before = site.count(petition.campaignId());
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noScript.newPage();
            page.navigate(site.url(petition.path()));
            petition.fill(page);
            page.locator("#" + petition.formId() + "-submit").click();
            page.waitForURL("**" + petition.path() + "thanks/");
            assertThat(page.locator("h1").textContent()).isNotBlank();
        }
        assertThat(site.count(petition.campaignId())).isEqualTo(before + 1);
    }

    @Test
    void offlineKeepsWhatWasTypedAndPressingAgainSends(Page page, LiveSite site) {
        PetitionForm petition = PetitionForm.inSampleSite();
        int before = site.count(petition.campaignId());
        page.navigate(site.url(petition.path()));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        page.context().setOffline(true); // navigator.onLine is false: nothing can have left the browser
        petition.fill(page);
        petition.waitMinimumFillTime(page);
        Locator submit = page.locator("#" + petition.formId() + "-submit");
        submit.click();

        String network = petition.form(page).getAttribute("data-bs-msg-network");
        page.waitForCondition(() -> network.equals(petition.status(page).textContent()));
        for (Map.Entry<String, String> typed : PetitionForm.SIGNER.entrySet()) {
            Locator field = petition.form(page).locator("[data-bs-field='" + typed.getKey() + "']");
            if (field.count() > 0 && field.isVisible()) {
                assertThat(field.inputValue()).as("%s kept after the failure", typed.getKey()).isEqualTo(typed.getValue());
            }
        }
        assertThat(petition.success(page).isVisible()).isFalse();
        assertThat(site.count(petition.campaignId())).isEqualTo(before);

        page.context().setOffline(false);
        submit.click();
        petition.success(page).waitFor();
        assertThat(site.count(petition.campaignId())).as("one signature, not two").isEqualTo(before + 1);
    }

    @Test
    void aFailureWhileOnlineSaysTheSignatureMayHaveBeenRecordedNotThatWeAreOffline(Page page, LiveSite site) {
        PetitionForm petition = PetitionForm.inSampleSite();
        page.navigate(site.url(petition.path()));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        // What a receiver that stored the post but sent no CORS headers looks like to the script.
        page.context().route("**/_broadside/submit/**", route -> route.abort("failed"));
        petition.fill(page);
        petition.waitMinimumFillTime(page);
        page.locator("#" + petition.formId() + "-submit").click();

        String unconfirmed = petition.form(page).getAttribute("data-bs-msg-unconfirmed");
        page.waitForCondition(() -> unconfirmed.equals(petition.status(page).textContent()));
        assertThat(unconfirmed).isNotEqualTo(petition.form(page).getAttribute("data-bs-msg-network"));
        assertThat(petition.success(page).isVisible()).isFalse();
    }

    @Test
    void theKeyboardAloneCanSign(Page page, LiveSite site) {
        PetitionForm petition = PetitionForm.inSampleSite();
        int before = site.count(petition.campaignId());
        page.navigate(site.url(petition.path()));
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        petition.waitMinimumFillTime(page);

        // Tab from the top of the page to the form's first field, then through the form
        String inForm = "() => !!document.activeElement.closest('#" + petition.formId() + "')";
        for (int i = 0; i < 200 && !Boolean.TRUE.equals(page.evaluate(inForm)); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate(inForm)).as("Tab reaches the form").isEqualTo(true);
        for (int i = 0; i < 40; i++) {
            Map<String, Object> stop = KeyboardTest.focused(page);
            assertThat(Boolean.TRUE.equals(stop.get("outline")) || Boolean.TRUE.equals(stop.get("shadow")))
                    .as("visible focus on %s", stop.get("what")).isTrue();
            String key = (String) page.evaluate("() => document.activeElement.getAttribute('data-bs-field') || ''");
            String type = (String) page.evaluate("() => document.activeElement.type || ''");
            assertThat((String) page.evaluate("() => document.activeElement.id")).as("the honeypot is never a stop")
                    .isNotEqualTo(petition.formId() + "-hp");
            if (type.equals("submit")) {
                page.keyboard().press("Enter");
                break;
            }
            if (type.equals("checkbox") && key.equals("consent")) {
                page.keyboard().press("Space");
            } else if (type.equals("select-one")) {
                page.keyboard().press("ArrowDown"); // the list's first country, in any language
            } else if (PetitionForm.SIGNER.containsKey(key)) {
                page.keyboard().type(PetitionForm.SIGNER.get(key));
            }
            page.keyboard().press("Tab");
        }
        petition.success(page).waitFor();
        assertThat(page.evaluate("() => document.activeElement.id")).as("focus moves to the success message")
                .isEqualTo(petition.formId() + "-success");
        assertThat(site.count(petition.campaignId())).isEqualTo(before + 1);
    }
}
