package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in provider's generated form against its service's documented format: address,
 * field names, hidden fields, honeypot, redirect, and what a browser without JavaScript sends.
 */
class ProviderMarkupTest {
    static final String AN_ID = "1efc3644-af25-4253-90b8-a0baf12dbd1e";

    @TempDir
    Path tmp;

    private Document build(String forms, String actionLines) {
        TestSite site = new TestSite(tmp).siteYml(forms).petition(actionLines);
        site.build();
        return site.page("riverside/index.html");
    }

    /** The page as serve shows it: every form posts to its local sink. */
    private Document preview(String forms, String actionLines) {
        TestSite site = new TestSite(tmp).siteYml(forms).petition(actionLines);
        site.buildPreview();
        return site.page("riverside/index.html");
    }

    @Test
    void formspreePostsToItsFormAddressWithGotchaNextAndSubject() {
        Document page = build("forms:\n  provider: formspree\n  formId: xyzabcde\n", "");
        FormElement form = FilledForm.fill(page, "form-1");
        assertThat(form.attr("action")).isEqualTo("https://formspree.io/f/xyzabcde");
        assertThat(form.attr("method")).isEqualTo("POST");
        assertThat(form.attr("data-bs-response")).isEqualTo("json");
        assertThat(form.attr("data-bs-encoding")).isEqualTo("urlencoded");
        Element gotcha = form.selectFirst("input[name=_gotcha]");
        assertThat(gotcha.val()).isEmpty();
        assertThat(gotcha.parent().hasAttr("hidden")).as("the honeypot is hidden from people").isTrue();
        assertThat(FilledForm.data(form)).contains(
                entry("_subject", "Close the Riverside center"),
                entry("_next", "https://campaigns.example.org/riverside/thanks/"),
                entry("_gotcha", ""),
                entry("email", "ana@example.org"),
                entry("given_name", "Ana"),
                entry("family_name", "Pérez"),
                entry("postal_code", "60601"),
                entry("consent", "yes"));
    }

    @Test
    void netlifyFormCarriesItsAttributesFormNameAndHoneypotAndPostsToTheThankYouPage() {
        Document page = build("forms:\n  provider: netlify\n", "");
        FormElement form = FilledForm.fill(page, "form-1");
        assertThat(form.attr("name")).isEqualTo("riverside-petition");
        assertThat(form.attr("data-netlify")).isEqualTo("true");
        assertThat(form.attr("data-netlify-honeypot")).as("the valid-HTML spelling Netlify reads").isEqualTo("bot-field");
        assertThat(form.attr("action")).as("Netlify shows the action path after a plain post")
                .isEqualTo("/riverside/thanks/");
        assertThat(form.attr("data-bs-response")).isEqualTo("status");
        assertThat(form.select("input[name=bot-field]")).hasSize(1);
        assertThat(FilledForm.data(form)).contains(entry("form-name", "riverside-petition"), entry("bot-field", ""),
                entry("email", "ana@example.org"));
    }

    @Test
    void actionNetworkUsesTheOsdiSignatureHelperShapeAndOffersItsOwnPageWithoutJavaScript() {
        Document page = build("forms:\n  provider: action-network\n  petitionId: " + AN_ID
                + "\n  page: https://actionnetwork.org/petitions/close-riverside\n  tags: [riverside, detention]\n",
                "  optIn: true");
        Element form = page.getElementById("form-1");
        assertThat(form.attr("action")).isEqualTo("https://actionnetwork.org/api/v2/petitions/" + AN_ID + "/signatures");
        assertThat(form.attr("data-bs-encoding")).isEqualTo("json");
        assertThat(form.hasClass("bs-needs-js")).as("hidden until the script runs").isTrue();
        assertThat(form.attr("data-bs-json-base")).isEqualTo("{\"add_tags\":[\"riverside\",\"detention\","
                + "\"riverside:petition\"],\"referrer_data\":{\"website\":"
                + "\"https://campaigns.example.org/riverside/#action-1\"},\"person\":{\"languages_spoken\":[\"en\"]},"
                + "\"triggers\":{\"autoresponse\":{\"enabled\":true}}}");
        assertThat(pointers(form)).containsExactly(
                entry("given_name", "/person/given_name"),
                entry("family_name", "/person/family_name"),
                entry("email", "/person/email_addresses/0/address"),
                entry("postal_code", "/person/postal_addresses/0/postal_code"),
                entry("country", "/person/postal_addresses/0/country"),
                entry("phone", "/person/phone_numbers/0/number"),
                entry("comment", "/comments"),
                entry("consent", "/person/custom_fields/consent"));
        assertThat(form.select("input[data-bs-field=opt_in]"))
                .as("Action Network subscribes every signer: a news box would change nothing").isEmpty();
        assertThat(page.getElementById("form-1-list-notice").text()).isEqualTo("Signing adds you to the mailing list "
                + "of Example Coalition, which uses Action Network: you will receive its emails and can unsubscribe at "
                + "any time.");
        assertThat(form.selectFirst("input[name=consent_wording]").attr("data-bs-json"))
                .isEqualTo("/person/custom_fields/consent_wording");
        assertThat(form.selectFirst("input[data-bs-query=source]").attr("data-bs-json")).isEqualTo("/referrer_data/source");
        assertThat(form.selectFirst("[data-bs-field=phone]").attr("data-bs-format")).isEqualTo("digits");
        Element noscript = page.selectFirst(".action-form noscript");
        assertThat(noscript.html()).contains("https://actionnetwork.org/petitions/close-riverside");
    }

    @Test
    void googleFormsSendsEntryNamesToFormResponseAndLeavesOutUnmappedFields() {
        Document page = build("""
                forms:
                  provider: google-forms
                  formId: 1FAIpQLSdExampleExampleExample
                  fields:
                    given_name: entry.1001
                    family_name: entry.1002
                    email: entry.1003
                    postal_code: entry.1004
                    country: entry.1005
                    consent: entry.1006
                  checkedValues:
                    consent: I agree
                """, "");
        FormElement form = FilledForm.fill(page, "form-1");
        assertThat(form.attr("action"))
                .isEqualTo("https://docs.google.com/forms/d/e/1FAIpQLSdExampleExampleExample/formResponse");
        assertThat(form.attr("data-bs-response")).isEqualTo("opaque");
        assertThat(form.select("[data-bs-field=phone], [data-bs-field=comment]"))
                .as("fields the Google Form does not take are not asked for").isEmpty();
        assertThat(FilledForm.data(form)).containsOnly(
                entry("entry.1001", "Ana"), entry("entry.1002", "Pérez"), entry("entry.1003", "ana@example.org"),
                entry("entry.1004", "60601"), entry("entry.1005", "US"), entry("entry.1006", "I agree"));
    }

    @Test
    void webhookRenamesFieldsAndAddsHiddenRedirectHoneypotAndCount() {
        Document page = build("""
                forms:
                  provider: webhook
                  url: https://hooks.example.org/sign
                  fields:
                    given_name: first_name
                    family_name: last_name
                    email: email_address
                  hidden:
                    source: broadside
                  redirectField: redirect_to
                  honeypot: website
                  response: status
                  countUrl: /api/count
                  countPointer: /data/total
                """, "");
        FormElement form = FilledForm.fill(page, "form-1");
        assertThat(form.attr("action")).isEqualTo("https://hooks.example.org/sign");
        assertThat(form.attr("data-bs-response")).isEqualTo("status");
        assertThat(FilledForm.data(form)).contains(entry("first_name", "Ana"), entry("last_name", "Pérez"),
                entry("email_address", "ana@example.org"), entry("postal_code", "60601"), entry("source", "broadside"),
                entry("redirect_to", "https://campaigns.example.org/riverside/thanks/"), entry("website", ""));
        Element counter = page.selectFirst(".counter");
        assertThat(counter.attr("data-bs-count-url")).isEqualTo("/api/count");
        assertThat(counter.attr("data-bs-count-pointer")).isEqualTo("/data/total");
    }

    @Test
    void webhookCanSendJsonWithFieldNamesAsTopLevelKeys() {
        Document page = build("forms:\n  provider: webhook\n  url: https://hooks.example.org/sign\n  encoding: json\n"
                + "  page: https://example.org/sign-elsewhere\n", "");
        Element form = page.getElementById("form-1");
        assertThat(form.attr("data-bs-encoding")).isEqualTo("json");
        assertThat(pointers(form)).contains(entry("email", "/email"), entry("given_name", "/given_name"));
    }

    @Test
    void localPostsToThePreviewSinkWithNextAndReadsTheLiveCount() {
        Document page = preview("forms:\n  provider: local\n", "");
        FormElement form = FilledForm.fill(page, "form-1");
        assertThat(form.attr("action")).isEqualTo("/_broadside/submit/riverside");
        assertThat(FilledForm.data(form)).contains(entry("_next", "/riverside/thanks/"),
                entry("_form", "riverside-petition"), entry("_gotcha", ""), entry("given_name", "Ana"));
        Element counter = page.selectFirst(".counter");
        assertThat(counter.attr("data-bs-count-url")).isEqualTo("/_broadside/count/riverside");
        assertThat(counter.attr("data-bs-count-pointer")).isEqualTo("/count");
    }

    @Test
    void localHonoursASubPathBaseUrl() {
        TestSite site = new TestSite(tmp).siteYmlExactly("title: Sub\nbaseUrl: https://example.github.io/campaigns/\n"
                + "forms: {provider: local}\n").petition("");
        site.buildPreview();
        FormElement form = (FormElement) site.page("riverside/index.html").getElementById("form-1");
        assertThat(form.attr("action")).isEqualTo("/campaigns/_broadside/submit/riverside");
        assertThat(form.selectFirst("input[name=_next]").val()).isEqualTo("/campaigns/riverside/thanks/");
    }

    @Test
    void everyInputHasAVisibleLabelAnAutocompleteTokenAndAnErrorHolder() {
        Document page = preview("forms:\n  provider: local\n", "  optIn: true");
        Element form = page.getElementById("form-1");
        Elements inputs = form.select("input[data-bs-field], textarea[data-bs-field], select[data-bs-field]");
        assertThat(inputs).hasSizeGreaterThan(8);
        for (Element input : inputs) {
            Element label = page.selectFirst("label[for=" + input.id() + "]");
            assertThat(label).as("label for " + input.id()).isNotNull();
            assertThat(label.text()).isNotBlank();
            if (!input.attr("type").equals("checkbox")) {
                assertThat(input.attr("autocomplete")).as("autocomplete of " + input.id()).isNotBlank();
            }
            if (input.hasAttr("required")) {
                assertThat(label.select(".required").text()).isEqualTo("(required)");
            }
            String describedBy = input.attr("aria-describedby");
            assertThat(page.getElementById(describedBy)).as("error holder of " + input.id()).isNotNull();
            assertThat(input.attr("data-bs-missing")).isNotBlank();
        }
        assertThat(form.selectFirst("[data-bs-field=email]").attr("autocomplete")).isEqualTo("email");
        assertThat(form.selectFirst("[data-bs-field=postal_code]").attr("autocomplete")).isEqualTo("postal-code");
        assertThat(form.getElementById("form-1-errors").select("h3").text()).isEqualTo("There is a problem");
        assertThat(page.getElementById("form-1-status").attr("aria-live")).isEqualTo("polite");
    }

    private static Map<String, String> pointers(Element form) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        form.select("[data-bs-field][data-bs-json]").forEach(e -> out.put(e.attr("name"), e.attr("data-bs-json")));
        return out;
    }
}
