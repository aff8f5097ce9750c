package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad provider configuration is reported as problems at the line the user wrote, with a way to fix it. */
class ProviderProblemsTest {
    @TempDir
    Path tmp;

    private List<Problem> problems(String siteYml, String actionLines) {
        return new TestSite(tmp).siteYml(siteYml).petition(actionLines).problems();
    }

    private static Problem only(List<Problem> problems, String messagePart) {
        List<Problem> found = problems.stream().filter(p -> p.message().contains(messagePart)).toList();
        assertThat(found).as("problems containing '" + messagePart + "' in " + problems).hasSize(1);
        return found.get(0);
    }

    @Test
    void missingFormIdIsAnErrorAtTheProviderLine() {
        List<Problem> problems = problems("forms:\n  provider: formspree\n", "");
        Problem p = only(problems, "needs 'formId'");
        assertThat(p.isError()).isTrue();
        assertThat(p.file()).endsWith("content/site.yml");
        assertThat(p.line()).isEqualTo(5); // site.yml: title, baseUrl, privacyUrl, forms:, provider:
        assertThat(p.hint()).contains("https://formspree.io/f/xyzabcde");
    }

    @Test
    void aFormspreeAddressInsteadOfAnIdSuggestsTheId() {
        Problem p = only(problems("forms:\n  provider: formspree\n  formId: https://formspree.io/f/mqkrabcd\n", ""),
                "is not a Formspree form id");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.hint()).contains("formId: mqkrabcd");
    }

    @Test
    void aSecretKeyInAPublicPageIsAnError() {
        List<Problem> problems = problems("forms:\n  provider: action-network\n"
                + "  petitionId: 1efc3644-af25-4253-90b8-a0baf12dbd1e\n  apiKey: 0123456789abcdef0123456789abcdef\n", "");
        Problem p = only(problems, "looks like a secret key");
        assertThat(p.isError()).isTrue();
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).contains("'apiKey'").contains("published in the page");
    }

    @Test
    void aSecretValueUnderAnInnocentKeyIsAnErrorToo() {
        Problem p = only(problems("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n"
                + "  hidden:\n    auth: Bearer abc.def.ghi\n", ""), "looks like a secret key");
        assertThat(p.message()).contains("'hidden'");
    }

    @Test
    void anUnknownProviderListsTheKnownOnesAndSuggestsTheClosest() {
        Problem p = only(problems("forms:\n  provider: formsprea\n", ""), "unknown form provider 'formsprea'");
        assertThat(p.isError()).isTrue();
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.hint()).contains("did you mean 'formspree'?")
                .contains("action-network, formspree, google-forms, local, netlify, webhook");
    }

    @Test
    void anUnknownProviderInACampaignPointsAtTheCampaignFile() {
        Problem p = only(problems("forms:\n  provider: local\n", "  form:\n    provider: mailchimp-petitions"),
                "unknown form provider");
        assertThat(p.file()).endsWith("content/en/riverside.md");
        assertThat(p.line()).isEqualTo(13); // the 'provider:' line inside the action's 'form:' block
    }

    @Test
    void anUnknownOptionIsAWarningWithASuggestion() {
        Problem p = only(problems("forms:\n  provider: formspree\n  formID: xyzabcde\n  formId: xyzabcde\n", ""),
                "unknown option 'formID'");
        assertThat(p.isError()).isFalse();
        assertThat(p.hint()).isEqualTo("did you mean 'formId'?");
    }

    @Test
    void anOptionOfTheWrongShapeIsAnError() {
        Problem p = only(problems("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n"
                + "  fields: email_address\n", ""), "'fields' must be");
        assertThat(p.isError()).isTrue();
        assertThat(p.line()).isEqualTo(7);
    }

    @Test
    void aWebhookOverPlainHttpIsRefusedExceptOnLoopback() {
        only(problems("forms:\n  provider: webhook\n  url: http://hooks.example.org/x\n", ""), "not an https:// address");
        List<Problem> loopback = new TestSite(tmp.resolve("b")).siteYml(
                "forms:\n  provider: webhook\n  url: http://127.0.0.1:8081/x\n").petition("").problems();
        assertThat(loopback).noneMatch(Problem::isError);
    }

    @Test
    void aLiveCountOnAnotherSiteIsRefusedBecauseItWouldBeContactedOnPageLoad() {
        Problem p = only(problems("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n"
                + "  countUrl: https://counter.example.net/count\n", ""), "live count address");
        assertThat(p.isError()).isTrue();
        assertThat(p.message()).contains("when the page loads");
    }

    @Test
    void googleFormsNeedsAnEntryForEveryRequiredField() {
        List<Problem> problems = problems("forms:\n  provider: google-forms\n  formId: 1FAIpQLSdExampleExampleExample\n"
                + "  fields:\n    email: entry.1\n", "");
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::message)
                .anyMatch(m -> m.contains("asks for 'given_name'"))
                .anyMatch(m -> m.contains("asks for 'postal_code'"));
        assertThat(problems).filteredOn(p -> !p.isError()).extracting(Problem::message)
                .anyMatch(m -> m.contains("'phone' has no Google Form entry"));
    }

    @Test
    void anUnknownCanonicalFieldNameListsTheKnownOnes() {
        Problem p = only(problems("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n"
                + "  fields:\n    firstname: first\n", ""), "'firstname' under 'fields'");
        assertThat(p.hint()).contains("given_name");
    }

    @Test
    void actionNetworkNeedsAnIdAndWarnsWithoutAFallbackPage() {
        only(problems("forms:\n  provider: action-network\n", ""), "needs 'petitionId'");
        List<Problem> noPage = new TestSite(tmp.resolve("b")).siteYml("forms:\n  provider: action-network\n"
                + "  petitionId: 1efc3644-af25-4253-90b8-a0baf12dbd1e\n").petition("").problems();
        Problem p = only(noPage, "needs JavaScript");
        assertThat(p.isError()).isFalse();
        assertThat(p.hint()).contains("page:");
    }

    @Test
    void settingsWithoutAProviderAreAnError() {
        only(problems("forms:\n  formId: xyzabcde\n", ""), "name no 'provider'");
    }

    @Test
    void aCampaignCanChangeOneOptionOfTheSiteProviderOrChooseAnotherProvider() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n  formId: sitewide1\n  subject: Hi\n")
                .petition("  form:\n    formId: ownform1")
                .page("other.md", TestSite.PETITION.formatted("  form:\n    provider: netlify").replace("Riverside", "Other"));
        FormPlan plan = site.plan();
        assertThat(plan.formActionOrigins()).containsExactly("'self'", "https://formspree.io");
        site.build();
        org.jsoup.nodes.Element own = site.page("riverside/index.html").getElementById("form-1");
        assertThat(own.attr("action")).isEqualTo("https://formspree.io/f/ownform1");
        assertThat(own.selectFirst("input[name=_subject]").val()).as("other site options are kept").isEqualTo("Hi");
        org.jsoup.nodes.Element other = site.page("other/index.html").getElementById("form-1");
        assertThat(other.attr("data-netlify")).isEqualTo("true");
        assertThat(other.select("input[name=_subject]")).as("a different provider starts afresh").isEmpty();
    }
}
