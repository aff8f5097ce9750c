package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each provider requires of a form, held at build time: Action Network's person needs an email
 * or a phone, a Google Form's required questions must always be answered, signatures posted to one
 * shared Google Form must say which action they are for; the country list and its default; the count
 * floor and {@code countUrl}; Netlify's one form per campaign action.
 */
class ProviderRulesTest {
    static final String GOOGLE = """
            forms:
              provider: google-forms
              formId: 1FAIpQLSdExampleExampleExample
              fields:
                given_name: entry.1
                family_name: entry.2
                email: entry.3
                postal_code: entry.4
                country: entry.5
                called: entry.6
            """;
    static final String CALL = """
            ---
            title: "Call the mayor"
            date: 2024-03-02
            action:
              type: call
            ---
            Call.
            """;

    @TempDir
    Path tmp;

    @Test
    void anActionNetworkCallFormAsksForAnEmailAddressRequired() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: action-network\n  petitionId: "
                + ProviderMarkupTest.AN_ID + "\n  page: https://actionnetwork.org/petitions/x\n").page("call.md", CALL);
        site.build();
        Element email = site.page("call/index.html").selectFirst("#form-1 [data-bs-field=email]");
        assertThat(email).as("Action Network records no person without an email or a phone").isNotNull();
        assertThat(email.hasAttr("required")).isTrue();
        assertThat(email.attr("data-bs-json")).isEqualTo("/person/email_addresses/0/address");
    }

    @Test
    void aGoogleFormsRequiredQuestionTheCallFormDoesNotSendFailsTheBuild() {
        List<Problem> problems = new TestSite(tmp).siteYml(GOOGLE + "  required: [entry.1]\n").page("call.md", CALL)
                .problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("requires entry.1").contains("call form");
            assertThat(p.line()).as("the required: line").isEqualTo(14);
        });
    }

    @Test
    void oneGoogleFormSharedByActionsThatCannotBeToldApartFailsTheBuild() {
        TestSite site = new TestSite(tmp).siteYml(GOOGLE).petition("").page("call.md", CALL);
        assertThat(site.problems()).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("call / call").contains("riverside / petition")
                    .contains("would not say which action");
            assertThat(p.hint()).contains("attribution:");
        });
    }

    @Test
    void mappingCampaignAndActionLetsOneGoogleFormServeEveryAction() {
        TestSite site = new TestSite(tmp).siteYml(GOOGLE + "  attribution:\n    campaign: entry.7\n"
                + "    action_id: entry.8\n    language: entry.9\n    source: entry.10\n").petition("").page("call.md", CALL);
        assertThat(site.problems()).noneMatch(Problem::isError);
        site.build();
        Element form = site.page("call/index.html").getElementById("form-1");
        assertThat(form.selectFirst("input[name=entry.7]").val()).isEqualTo("call");
        assertThat(form.selectFirst("input[name=entry.8]").val()).isEqualTo("call");
        assertThat(form.selectFirst("input[name=entry.9]").val()).isEqualTo("en");
        assertThat(form.selectFirst("input[name=entry.10]").attr("data-bs-query")).isEqualTo("source");
    }

    @Test
    void theCountryIsAListOfIsoCodesNamedInThePagesLanguageWithTheSitesDefault() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: netlify\n  defaultCountry: mx\n").petition("");
        site.build();
        Element country = site.page("riverside/index.html").selectFirst("#form-1 select[data-bs-field=country]");
        assertThat(country.attr("name")).isEqualTo("country");
        assertThat(country.select("option[selected]").val()).isEqualTo("MX");
        assertThat(country.select("option[value=DE]").text()).isEqualTo("Germany");
        assertThat(country.select("option").size()).isGreaterThan(240);
        assertThat(Countries.in("ar").stream().filter(c -> c.code().equals("DE")).findFirst().orElseThrow().name())
                .isEqualTo("ألمانيا");
        assertThat(Countries.in("es").stream().filter(c -> c.code().equals("DE")).findFirst().orElseThrow().name())
                .isEqualTo("Alemania");
    }

    @Test
    void aDefaultCountryThatIsNotAnIsoCodeIsAnErrorAtItsLine() {
        List<Problem> problems = new TestSite(tmp).siteYml("forms:\n  provider: netlify\n  defaultCountry: Mexico\n")
                .petition("").problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("'Mexico' is not an ISO 3166-1 alpha-2");
            assertThat(p.line()).isEqualTo(6);
        });
    }

    @Test
    void anyProviderTakesACountUrlPerCampaignAndTheFrontMattersCountIsItsFloor() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n  formId: xyzabcde\n"
                + "  countUrl: /counts/{campaign}.json\n").petition("");
        site.build();
        Element counter = site.page("riverside/index.html").selectFirst(".counter");
        assertThat(counter.attr("data-bs-count-url")).isEqualTo("/counts/riverside.json");
        assertThat(counter.attr("data-bs-count-pointer")).isEqualTo("/count");
        assertThat(counter.attr("data-bs-count-floor")).isEqualTo("1200");
    }

    @Test
    void netlifyNamesOneFormPerCampaignActionWhateverTheLanguageOrScriptOfItsAddress() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: netlify\n")
                .page("riverside.md", TestSite.PETITION.formatted("").replace("title: \"Close the Riverside center\"",
                        "title: \"Close the Riverside center\"\nslug: \"أغلقوا-المركز\""));
        site.build();
        Document page = site.page("أغلقوا-المركز/index.html");
        assertThat(page.getElementById("form-1").attr("name")).isEqualTo("riverside-petition");
        assertThat(page.selectFirst("input[name=language]").val()).isEqualTo("en");
    }
}
