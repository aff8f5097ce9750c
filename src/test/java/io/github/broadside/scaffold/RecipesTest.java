package io.github.broadside.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.broadside.NpmTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CI recipes {@code init} writes are the ones docs/publishing.md shows, and each one works as
 * written: Java 17, the three caches, {@code broadside:check} before {@code broadside:build}, the
 * host's address of this deploy as base URL; the GitHub workflows pass a real workflow validator
 * (the npm package {@code @action-validator/cli}, installed into target/ on first use), the GitLab
 * file parses with the keys GitLab Pages needs, and netlify.toml is valid TOML.
 */
class RecipesTest {
    static final String VALIDATOR = "@action-validator/cli@0.6.0";
    static final Path TOOLS = Path.of("target/npm-tools");

    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void init() throws Exception {
        site = temp.resolve("library");
        SiteScaffold.create(new SiteScaffold.Request(site, "Friends of the Library", "https://library.example.org/",
                "1.2.3", LocalDate.of(2026, 5, 1)));
    }

    @Test
    void theDocsShowExactlyTheFilesInitWrites() throws IOException {
        String docs = Files.readString(Path.of("docs/publishing.md"));
        Matcher block = Pattern.compile("<!-- init writes (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL)
                .matcher(docs);
        Map<String, String> shown = new LinkedHashMap<>();
        while (block.find()) {
            shown.put(block.group(1), block.group(2));
        }
        assertThat(shown).containsOnlyKeys(".github/workflows/pages.yml", ".gitlab-ci.yml", "netlify.toml",
                ".github/workflows/cloudflare-pages.yml");
        for (Map.Entry<String, String> recipe : shown.entrySet()) {
            assertThat(recipe.getValue()).as("docs/publishing.md shows %s as init writes it", recipe.getKey())
                    .isEqualTo(Files.readString(site.resolve(recipe.getKey())));
        }
    }

    @Test
    void everyRecipeSetsUpJavaCachesChecksAndPassesTheDeployAddress() throws IOException {
        String pages = Files.readString(site.resolve(".github/workflows/pages.yml"));
        assertThat(pages).contains("java-version: '17'", "~/.m2/repository", "~/.m2/wrapper", "target/broadside",
                "-Dbroadside.baseUrl=${{ steps.pages.outputs.base_url }}/");
        checkBeforeBuild(pages);

        String gitlab = Files.readString(site.resolve(".gitlab-ci.yml"));
        assertThat(gitlab).contains("eclipse-temurin:17", ".m2/repository/", ".m2/wrapper/", "target/broadside/",
                "-Dbroadside.baseUrl=$CI_PAGES_URL/");
        checkBeforeBuild(gitlab);

        String cloudflare = Files.readString(site.resolve(".github/workflows/cloudflare-pages.yml"));
        assertThat(cloudflare).contains("java-version: '17'", "~/.m2/repository", "~/.m2/wrapper",
                "target/broadside", "wrangler", "pages.dev");
        checkBeforeBuild(cloudflare);

        JsonNode netlify = new TomlMapper().readTree(site.resolve("netlify.toml").toFile());
        assertThat(netlify.at("/build/publish").asText()).isEqualTo("site");
        assertThat(netlify.at("/build/environment/JAVA_VERSION").asText()).isEqualTo("17");
        // Production at the site's address, previews and branch deploys at their own.
        String production = netlify.at("/context/production/command").asText();
        String preview = netlify.at("/build/command").asText();
        assertThat(production).contains("-Dbroadside.baseUrl=$URL/").doesNotContain("DEPLOY_PRIME_URL");
        assertThat(preview).contains("-Dbroadside.baseUrl=$DEPLOY_PRIME_URL/");
        checkBeforeBuild(production);
        checkBeforeBuild(preview);
        assertThat(netlify.at("/plugins/0/inputs/paths").toString())
                .contains(".m2/repository", ".m2/wrapper", "target/broadside");
    }

    @Test
    void theGitlabFileHasWhatGitlabPagesNeeds() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> ci = yaml.load(Files.readString(site.resolve(".gitlab-ci.yml")));
        assertThat(ci).containsKeys("image", "cache", "check", "pages");
        @SuppressWarnings("unchecked")
        Map<String, Object> pages = (Map<String, Object>) ci.get("pages");
        assertThat(pages).containsKeys("script", "artifacts");
        assertThat(pages.get("artifacts").toString()).contains("public");
        assertThat(ci.get("stages").toString()).contains(pages.get("stage").toString(),
                ((Map<?, ?>) ci.get("check")).get("stage").toString());
    }

    @Test
    void theGithubWorkflowsPassAWorkflowValidator() throws Exception {
        Path validator = validator();
        for (Path workflow : List.of(site.resolve(".github/workflows/pages.yml"),
                site.resolve(".github/workflows/cloudflare-pages.yml"), Path.of(".github/workflows/release.yml"))) {
            Process run = new ProcessBuilder(validator.toString(), workflow.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as("action-validator %s:%n%s", workflow, output).isZero();
        }
        // The control: the validator does reject a broken workflow.
        Path broken = temp.resolve("broken.yml");
        Files.writeString(broken, Files.readString(site.resolve(".github/workflows/pages.yml"))
                .replace("runs-on:", "runs_on:"));
        Process run = new ProcessBuilder(validator.toString(), broken.toString()).redirectErrorStream(true).start();
        run.getInputStream().readAllBytes();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isNotZero();
    }

    private static void checkBeforeBuild(String recipe) {
        assertThat(recipe).contains("broadside:check", "broadside:build");
        assertThat(recipe.indexOf("broadside:check")).as("broadside:check runs before broadside:build")
                .isLessThan(recipe.indexOf("broadside:build"));
    }

    /** The validator, installed into target/npm-tools with npm; skipped without npm unless BROWSER_REQUIRED. */
    static Path validator() {
        Path bin = TOOLS.resolve("node_modules/.bin/action-validator");
        if (!Files.isExecutable(bin)) {
            NpmTools.shell(TOOLS, "npm install --no-save --no-audit --no-fund --prefix . " + VALIDATOR,
                    "the workflow validator");
        }
        return bin.toAbsolutePath();
    }
}
