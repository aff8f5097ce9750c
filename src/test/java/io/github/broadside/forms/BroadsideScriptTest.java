package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-party script: small, no HTML injection, and the JSON body it builds for a JSON provider
 * is the provider's documented shape. The JSON part runs the real script under Node.js when the
 * machine has it; the browser behaviour is driven by the browser tests.
 */
class BroadsideScriptTest {
    static final Path SCRIPT = SampleSite.PROJECT.resolve("themes/default/assets/broadside.js");

    @TempDir
    Path tmp;

    @Test
    void theScriptIsUnderFourteenKilobytesAndNeverWritesHtml() throws IOException {
        // 14 KB raw (about 4.5 KB gzip) since the jump link, the native share sheet and copy feedback;
        // the whole heaviest page stays under 50 KB gzip (SampleSiteFormsTest)
        assertThat(Files.size(SCRIPT)).isLessThan(14 * 1024);
        String text = Files.readString(SCRIPT);
        assertThat(text).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", ".style.", "setAttribute('style'");
    }

    /** Node.js is here, or CI requires it ({@code .ci/run} installs it), where its absence is a failure. */
    static boolean nodeAvailable() {
        if (Boolean.parseBoolean(System.getenv("BROWSER_REQUIRED"))) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @EnabledIf(value = "nodeAvailable", disabledReason = "install Node.js to run the script's JSON builder")
    void theScriptSendsActionNetworkTheOsdiPersonShape() throws Exception {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: action-network\n"
                + "  petitionId: 1efc3644-af25-4253-90b8-a0baf12dbd1e\n  page: https://actionnetwork.org/petitions/x\n"
                + "  tags: [riverside]\n").petition("  optIn: true");
        site.build();
        Element form = FilledForm.fill(site.page("riverside/index.html"), "form-1");
        // What the script collects: each sent control with a JSON pointer, in page order, ticked boxes only,
        // source codes only when the address gave one, phone numbers as digits.
        List<String> entries = new ArrayList<>();
        for (Element e : form.select("[name][data-bs-json]")) {
            if (e.attr("type").equals("checkbox") && !e.hasAttr("checked")
                    || e.hasAttr("data-bs-query") && e.val().isEmpty()) {
                continue;
            }
            String typed = e.tagName().equals("select") ? e.select("option[selected]").val() : e.val();
            String value = e.attr("data-bs-format").equals("digits") ? typed.replaceAll("\\D+", "") : typed;
            entries.add("[" + jsString(e.attr("data-bs-json")) + "," + jsString(value) + "]");
        }
        String json = runNode("jsonBody(" + jsString(form.attr("data-bs-json-base")) + ", [" + String.join(",", entries)
                + "])");
        assertThat(json).isEqualTo("{\"add_tags\":[\"riverside\",\"riverside:petition\"],"
                + "\"referrer_data\":{\"website\":\"https://campaigns.example.org/riverside/#action-1\"},"
                + "\"person\":{\"languages_spoken\":[\"en\"],\"custom_fields\":{\"consent_wording\":\"I agree that Example Coalition may keep the "
                + "details I give here to record my action.\",\"consent\":\"yes\"},"
                + "\"given_name\":\"Ana\",\"family_name\":\"Pérez\","
                + "\"email_addresses\":[{\"address\":\"ana@example.org\"}],"
                + "\"postal_addresses\":[{\"postal_code\":\"60601\",\"country\":\"US\"}],"
                + "\"phone_numbers\":[{\"number\":\"13125550100\"}]},"
                + "\"triggers\":{\"autoresponse\":{\"enabled\":true}},\"comments\":\"Families belong together & free.\"}");
    }

    @Test
    @EnabledIf(value = "nodeAvailable", disabledReason = "install Node.js to run the script's JSON reader")
    void theScriptReadsTheLiveCountAtItsPointer() throws Exception {
        assertThat(runNode("getAt({data: {total: 1234}}, '/data/total')")).isEqualTo("1234");
        assertThat(runNode("getAt({count: 7}, '/count')")).isEqualTo("7");
        assertThat(runNode("getAt(42, '')")).isEqualTo("42");
    }

    private String runNode(String expression) throws Exception {
        Path program = tmp.resolve("run.js");
        Files.writeString(program, "const b = require(" + jsString(SCRIPT.toString()) + ");\n"
                + "const { jsonBody, getAt } = b;\nprocess.stdout.write(JSON.stringify(" + expression + "));\n",
                StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("node", program.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String jsString(String s) throws IOException {
        return new ObjectMapper().writeValueAsString(s);
    }
}
