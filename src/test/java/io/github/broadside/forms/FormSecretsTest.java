package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials in form options are refused wherever they are written, since form options are
 * published in every page's HTML (issue 13, case 4). Each case below was published before.
 */
class FormSecretsTest {
    @TempDir
    Path tmp;

    private List<Problem> secrets(String siteYml, String actionLines) {
        return new TestSite(tmp).siteYml(siteYml).petition(actionLines).problems().stream()
                .filter(p -> p.isError() && p.message().contains("looks like a secret")).toList();
    }

    private List<Problem> webhook(String extra) {
        return secrets("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n" + extra, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "osdi-api-token", "authorization", "password", "secret", "X-Api-Key"})
    void aHiddenFieldNamedLikeASecretIsRefused(String name) {
        List<Problem> found = webhook("  hidden:\n    " + name + ": some-value\n");
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.hint()).contains("every page's HTML").contains("CI secrets");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_11ABCDEFG0123456789_abcdefghijkl",
            "gho_abcdefghijklmnopqrstuvwx", "AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE",
            "xoxb-1234567890-abcdefghij", "sk_live_abcdefghijklmnop", "rk_live_abcdefghijklmnop",
            "\"Basic dXNlcjpwYXNzd29yZA==\"", "\"Bearer abc.def.ghi\"", "0123456789abcdef0123456789abcdef"})
    void aValueShapedLikeATokenIsRefusedUnderAnyName(String value) {
        assertThat(webhook("  hidden:\n    campaign: " + value + "\n")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://admin:password@hooks.example.org/x", "https://admin@hooks.example.org/x",
            "https://hooks.example.org/x?api_key=abc&token=def", "https://hooks.example.org/x?key=abc",
            "https://hooks.example.org/x?access_token=abc", "https://hooks.example.org/x?auth=abc",
            "https://hooks.example.org/x?apikey=abc", "https://hooks.example.org/x?secret=abc"})
    void aUrlCarryingCredentialsIsRefused(String url) {
        List<Problem> found = secrets("forms:\n  provider: webhook\n  url: " + url + "\n", "");
        assertThat(found).singleElement().satisfies(p -> assertThat(p.message()).contains("'url'"));
    }

    @Test
    void aFormspreeEndpointWithUserAndPasswordIsRefused() {
        assertThat(secrets("forms:\n  provider: formspree\n  endpoint: https://u:p@formspree.io/f/xyzabcde\n", ""))
                .hasSize(1);
    }

    @Test
    void aSecretInACampaignsOwnFormBlockIsRefusedAtThatFile() {
        List<Problem> found = secrets("forms:\n  provider: webhook\n  url: https://hooks.example.org/x\n",
                "  form:\n    hidden:\n      api_key: abc");
        assertThat(found).singleElement().satisfies(p -> assertThat(p.file()).endsWith("content/en/riverside.md"));
    }

    @Test
    void ordinaryOptionsPass() {
        assertThat(webhook("  hidden:\n    campaign: riverside-2024\n    source: website\n")).isEmpty();
        assertThat(secrets("forms:\n  provider: action-network\n  petitionId: 1efc3644-af25-4253-90b8-a0baf12dbd1e\n",
                "")).isEmpty();
    }
}
