package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.quality.standin.ActionNetworkStandIn;
import io.github.broadside.quality.standin.FormspreeStandIn;
import io.github.broadside.quality.standin.GoogleFormsStandIn;
import io.github.broadside.quality.standin.NetlifyStandIn;
import io.github.broadside.quality.standin.StandIn;
import io.github.broadside.quality.standin.Submission;
import io.github.broadside.quality.standin.WebhookStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action type (petition, letter, call, statement) signed in Chromium, with JavaScript on and
 * off, English and Arabic, through each built-in provider, against a stand-in that holds that
 * provider's documented contract ({@link StandIn}; {@code local} is serve's real sink, see
 * {@link SigningTest}). Each provider's address points at its stand-in with the {@code endpoint}
 * option (Netlify is the site's host itself). A signature must reach the stand-in without breaking
 * its contract, name its campaign, action, language and the page address's source code, and the
 * page must say only what the provider confirmed.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderContractTest {
    static final String AN_ID = "1efc3644-af25-4253-90b8-a0baf12dbd1e";
    static final String GOOGLE_ID = "1FAIpQLSdStandInStandInStandIn";
    static final List<String> ACTIONS = List.of("petition", "letter", "call", "statement");
    static final Map<String, String> SIGNER = Map.of("given_name", "Ana", "family_name", "Pérez",
            "email", "ana@example.org", "organization", "Casa Unida", "role", "Director", "postal_code", "60601",
            "country", "MX", "phone", "+1 312 555 0100", "comment", "Count me in.");

    /** One provider under test: its stand-in, its forms: block, and whether a browser without script can sign. */
    enum Provider {
        FORMSPREE(true, "recorded"),
        NETLIFY(true, "recorded"),
        ACTION_NETWORK(false, "recorded"),
        GOOGLE_FORMS(true, "sent"),
        WEBHOOK(false, "recorded");

        final boolean plainPost;
        final String outcome;

        Provider(boolean plainPost, String outcome) {
            this.plainPost = plainPost;
            this.outcome = outcome;
        }
    }

    /** A built site served by its host, with the provider's stand-in. */
    record Deployed(StandIn standIn, AutoCloseable host, String origin) {
    }

    private final Map<Provider, Deployed> deployed = new java.util.EnumMap<>(Provider.class);
    private Path work;

    @BeforeAll
    void deployEveryProvider() throws Exception {
        work = Files.createTempDirectory("broadside-contract-");
        for (Provider provider : Provider.values()) {
            deployed.put(provider, deploy(provider, work.resolve(provider.name().toLowerCase())));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Deployed d : deployed.values()) {
            d.standIn().close();
            d.host().close();
        }
        io.github.broadside.publish.SiteWriter.deleteTree(work);
    }

    private static Deployed deploy(Provider provider, Path dir) throws Exception {
        Path site = dir.resolve("site");
        if (provider == Provider.NETLIFY) {
            NetlifyStandIn netlify = new NetlifyStandIn(site);
            build(dir, netlify.origin(), "forms:\n  provider: netlify\n  minimumFillSeconds: 0\n");
            netlify.deploy();
            return new Deployed(netlify, () -> { }, netlify.origin());
        }
        StandIn standIn = switch (provider) {
            case FORMSPREE -> new FormspreeStandIn();
            case ACTION_NETWORK -> new ActionNetworkStandIn();
            case GOOGLE_FORMS -> new GoogleFormsStandIn(List.of(
                    new GoogleFormsStandIn.Question("entry.10", true, List.of()),
                    new GoogleFormsStandIn.Question("entry.11", true, List.of()),
                    new GoogleFormsStandIn.Question("entry.9", true, List.of("I agree"))),
                    Map.of("campaign", "entry.10", "action_id", "entry.11", "language", "entry.12",
                            "source", "entry.13"));
            default -> new WebhookStandIn();
        };
        StaticSiteServer host = StaticSiteServer.start(site);
        String forms = switch (provider) {
            case FORMSPREE -> "forms:\n  provider: formspree\n  endpoint: " + standIn.origin() + "/f/abcd1234\n";
            case ACTION_NETWORK -> "forms:\n  provider: action-network\n  petitionId: " + AN_ID + "\n  endpoint: "
                    + standIn.origin() + "/api/v2/\n  page: https://actionnetwork.org/petitions/stand-together\n";
            case GOOGLE_FORMS -> "forms:\n  provider: google-forms\n  formId: " + GOOGLE_ID + "\n  endpoint: "
                    + standIn.origin() + "/forms/d/e/\n  fields:\n    given_name: entry.1\n    family_name: entry.2\n"
                    + "    email: entry.3\n    organization: entry.4\n    role: entry.5\n    postal_code: entry.6\n"
                    + "    country: entry.7\n    called: entry.8\n    consent: entry.9\n    phone: entry.14\n"
                    + "    comment: entry.15\n  checkedValues:\n    consent: I agree\n    called: I called\n"
                    + "  attribution:\n    campaign: entry.10\n    action_id: entry.11\n    language: entry.12\n"
                    + "    source: entry.13\n  required: [entry.9, entry.10, entry.11]\n";
            default -> "forms:\n  provider: webhook\n  url: " + standIn.origin() + "/hooks/signatures\n  encoding: json\n"
                    + "  page: https://example.org/sign-by-mail\n";
        };
        build(dir, host.origin(), forms + "  minimumFillSeconds: 0\n");
        return new Deployed(standIn, host, host.origin());
    }

    private static void build(Path dir, String origin, String forms) throws IOException, BuildFailedException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("en"));
        Files.createDirectories(content.resolve("ar"));
        Files.writeString(content.resolve("site.yml"), "title: Contract\nbaseUrl: " + origin + "/\n"
                + "organization: {name: Example Coalition}\nlanguages:\n  en: English\n  ar: العربية\n" + forms,
                StandardCharsets.UTF_8);
        Files.writeString(content.resolve("en/stand-together.md"), """
                ---
                title: "Stand together"
                date: 2024-05-01
                actions:
                  - type: petition
                  - type: letter
                  - type: call
                    targets:
                      - name: "The Mayor"
                        phone: "202-555-0100"
                  - type: statement
                ---
                Body.
                """, StandardCharsets.UTF_8);
        Files.writeString(content.resolve("ar/stand-together.md"), """
                ---
                title: "معًا"
                date: 2024-05-02
                ---
                نص.
                """, StandardCharsets.UTF_8);
        new SiteBuilder(BuildOptions.builder(SampleSite.projectDir()).content(content)
                .output(dir.resolve("site")).build()).build();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void everyActionTypeSignedWithJavaScriptReachesTheProviderNamedByCampaignActionLanguageAndSource(Provider provider,
            Page page) {
        Deployed d = deployed.get(provider);
        for (String lang : List.of("en", "ar")) {
            // every action type in English; in Arabic (right to left, another script) the petition
            for (int n = 1; n <= (lang.equals("en") ? ACTIONS.size() : 1); n++) {
                d.standIn().clear();
                String path = (lang.equals("en") ? "/" : "/ar/") + "stand-together/";
                page.navigate(d.origin() + path + "?source=email-blast&utm_medium=email");
                page.waitForFunction("() => document.documentElement.classList.contains('js')");
                Locator form = page.locator("#form-" + n);
                fill(form);
                page.locator("#form-" + n + "-submit").click();
                page.locator("#form-" + n + "-success").waitFor();
                String status = page.locator("#form-" + n + "-status").textContent();
                String sent = form.getAttribute("data-bs-msg-sent");
                String recorded = form.getAttribute("data-bs-msg-success");
                if (provider.outcome.equals("sent")) {
                    assertThat(status).as("an opaque answer is 'sent', not 'recorded'").isEqualTo(sent);
                } else {
                    assertThat(status).isEqualTo(recorded);
                }
                assertThat(d.standIn().violations()).as("%s %s action %d", provider, lang, n).isEmpty();
                Submission s = single(d.standIn());
                assertThat(s.campaign()).isEqualTo("stand-together");
                assertThat(s.action()).isEqualTo(ACTIONS.get(n - 1));
                assertThat(s.language()).isEqualTo(lang);
                assertThat(s.source()).isEqualTo("email-blast");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void everyActionTypeSignedWithoutJavaScriptReachesTheProviderOrOffersItsOwnPage(Provider provider, Browser browser) {
        Deployed d = deployed.get(provider);
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noScript.newPage();
            for (int n = 1; n <= ACTIONS.size(); n++) {
                d.standIn().clear();
                page.navigate(d.origin() + "/stand-together/");
                if (!provider.plainPost) {
                    // JSON needs the script: the page says so and links to the provider's own page
                    assertThat(page.locator(".action-form noscript").first().innerHTML()).contains("https://");
                    continue;
                }
                Locator form = page.locator("#form-" + n);
                fill(form);
                page.locator("#form-" + n + "-submit").click();
                page.waitForLoadState();
                if (provider == Provider.GOOGLE_FORMS) {
                    page.locator(".recorded").waitFor(); // Google's own confirmation page
                } else {
                    page.waitForURL("**/stand-together/thanks/");
                }
                assertThat(d.standIn().violations()).as("%s action %d without JavaScript", provider, n).isEmpty();
                Submission s = single(d.standIn());
                assertThat(s.campaign()).isEqualTo("stand-together");
                assertThat(s.action()).isEqualTo(ACTIONS.get(n - 1));
                assertThat(s.language()).isEqualTo("en");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = "NETLIFY")
    void netlifyFindsOneFormPerCampaignActionSharedByItsLanguages(Provider provider) {
        NetlifyStandIn netlify = (NetlifyStandIn) deployed.get(provider).standIn();
        assertThat(netlify.formNames()).containsExactlyInAnyOrder("stand-together-petition", "stand-together-letter",
                "stand-together-call", "stand-together-statement");
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = "FORMSPREE")
    void aFieldErrorFromFormspreeIsShownNextToItsField(Provider provider, Page page) {
        Deployed d = deployed.get(provider);
        page.navigate(d.origin() + "/stand-together/");
        page.waitForFunction("() => document.documentElement.classList.contains('js')");
        Locator form = page.locator("#form-1");
        fill(form);
        form.locator("[data-bs-field=email]").fill("ana@localhost"); // a browser's type=email takes it; Formspree does not
        page.locator("#form-1-submit").click();
        page.locator("#form-1-email-error").waitFor();
        assertThat(page.locator("#form-1-email-error").textContent()).isEqualTo("should be an email");
        assertThat(form.locator("[data-bs-field=email]").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#form-1-status").textContent()).isEqualTo(form.getAttribute("data-bs-msg-field-errors"));
        assertThat(page.locator("#form-1-success").isVisible()).isFalse();
    }

    private static Submission single(StandIn standIn) {
        List<Submission> accepted = standIn.accepted();
        assertThat(accepted).as("what the provider stored").hasSize(1);
        return accepted.get(0);
    }

    /**
     * Opens the form's step as a signer would (a page with several actions shows them as steps, one
     * open at a time), then fills every visible field and ticks every box.
     */
    private static void fill(Locator form) {
        Locator step = form.locator("xpath=ancestor::details[contains(@class,'step-body')]");
        if (step.count() > 0 && step.getAttribute("open") == null) {
            step.locator("summary").first().click();
        }
        Locator fields = form.locator("[data-bs-field]");
        for (int i = 0; i < fields.count(); i++) {
            Locator field = fields.nth(i);
            if (!field.isVisible()) {
                continue;
            }
            String key = field.getAttribute("data-bs-field");
            String tag = (String) field.evaluate("e => e.localName");
            if ("checkbox".equals(field.getAttribute("type"))) {
                field.check();
            } else if (tag.equals("select")) {
                field.selectOption(SIGNER.get(key));
            } else {
                field.fill(SIGNER.getOrDefault(key, "x"));
            }
        }
    }

}
