package io.github.broadside.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.broadside.NpmTools;
import io.github.broadside.config.BrowserEditor;
import io.github.broadside.config.SiteConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The browser editor checked against Decap CMS's own published packages, downloaded from the npm
 * registry into {@code target/decap-tools}: the generated configuration passes Decap's configuration
 * schema and its widgets' schemas (with the Ajv plugins Decap uses; see
 * {@code src/test/resources/decap/validate-config.mjs}), a broken one does not, and the admin page's
 * integrity hash is that of the release's {@code dist/decap-cms.js}.
 */
public class DecapPackagesTest {
    public static final Path TOOLS = Path.of("target/decap-tools").toAbsolutePath();
    /** The releases that make up decap-cms 3.16.3 (its decap-cms-app's dependencies). */
    static final List<String> PACKAGES = List.of("decap-cms@" + DecapAdminPage.VERSION,
            "decap-cms-app@" + DecapAdminPage.VERSION, "decap-cms-core@3.19.1", "decap-cms-widget-string@3.3.2",
            "decap-cms-widget-number@3.4.2", "decap-cms-widget-image@3.4.3", "decap-cms-widget-select@3.4.2",
            "decap-cms-widget-markdown@3.13.1", "decap-cms-widget-list@3.6.3", "decap-cms-widget-object@3.7.3",
            "decap-cms-widget-boolean@3.2.2", "decap-cms-widget-datetime@3.6.2");
    static final String AJV = "ajv@8.17.1 ajv-keywords@5.1.0 ajv-errors@3.0.0";

    @BeforeAll
    public static void downloadDecap() throws IOException {
        Path done = TOOLS.resolve("ready");
        if (Files.exists(done) && Files.readString(done).equals(PACKAGES + AJV)) {
            return;
        }
        StringBuilder script = new StringBuilder("set -e\n");
        for (String spec : PACKAGES) {
            String name = spec.substring(0, spec.lastIndexOf('@'));
            script.append("rm -rf ").append(name).append(" && mkdir ").append(name)
                    .append(" && tar xzf \"$(npm pack --silent ").append(spec).append(")\" -C ").append(name)
                    .append(" && rm -f ").append(name).append("-*.tgz\n");
        }
        script.append("npm install --no-save --no-audit --no-fund --prefix . ").append(AJV).append('\n');
        NpmTools.shell(TOOLS, script.toString(), "Decap CMS's packages");
        Files.copy(DecapPackagesTest.class.getResourceAsStream("/decap/validate-config.mjs"),
                TOOLS.resolve("validate-config.mjs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(done, PACKAGES + AJV);
    }

    /** Runs Decap's validation over {@code config} (YAML); returns the exit code and output. */
    static Map.Entry<Integer, String> validate(String config) throws Exception {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(config);
        Path json = Files.createTempFile(TOOLS, "config", ".json");
        new ObjectMapper().writeValue(json.toFile(), tree);
        Files.copy(DecapPackagesTest.class.getResourceAsStream("/decap/validate-config.mjs"),
                TOOLS.resolve("validate-config.mjs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("node", "validate-config.mjs", TOOLS.toString(),
                json.toString()));
        PACKAGES.stream().filter(p -> p.startsWith("decap-cms-widget-"))
                .forEach(p -> command.add(p.substring(0, p.lastIndexOf('@'))));
        Process node = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return Map.entry(node.exitValue(), output.strip());
    }

    @Test
    void theGeneratedConfigurationPassesDecapsOwnChecks() throws Exception {
        for (BrowserEditor editor : List.of(DecapConfigTest.GITHUB,
                new BrowserEditor("gitlab", "org/repo", "main", "", "abc", "site/"),
                new BrowserEditor("git-gateway", "", "main", "", "", ""))) {
            String config = DecapConfig.yaml(editor, SiteConfigLoader.defaults(), List.of("en", "es", "ar"),
                    "content");
            assertThat(validate(config)).as(editor.backend()).isEqualTo(Map.entry(0, "valid"));
        }
    }

    @Test
    void aConfigurationDecapRefusesIsFlagged() throws Exception {
        String config = DecapConfig.yaml(DecapConfigTest.GITHUB, SiteConfigLoader.defaults(), List.of("en"),
                "content");
        Map.Entry<Integer, String> noOptions = validate(config.replaceFirst("(?m)^    options:\\n(    - \\w+\\n)+",
                ""));
        assertThat(noOptions.getKey()).isEqualTo(1);
        assertThat(noOptions.getValue()).contains("must have required property 'options'");
        Map.Entry<Integer, String> noMedia = validate(config.replace("media_folder:", "media_place:"));
        assertThat(noMedia.getValue()).contains("must have required property 'media_folder'");
        Map.Entry<Integer, String> unknownWidget = validate(config.replaceFirst("widget: string", "widget: strnig"));
        assertThat(unknownWidget.getValue()).contains("no widget 'strnig' is registered");
    }

    @Test
    void theAdminPagesIntegrityHashIsThatOfTheRelease() throws Exception {
        MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
        try (InputStream in = Files.newInputStream(TOOLS.resolve("decap-cms/package/dist/decap-cms.js"))) {
            sha384.update(in.readAllBytes());
        }
        assertThat(DecapAdminPage.INTEGRITY)
                .isEqualTo("sha384-" + Base64.getEncoder().encodeToString(sha384.digest()));
        assertThat(DecapAdminPage.SCRIPT).isEqualTo("https://unpkg.com/decap-cms@" + DecapAdminPage.VERSION
                + "/dist/decap-cms.js");
    }
}
