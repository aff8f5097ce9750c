package io.github.broadside.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.BrowserEditor;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.FrontMatterFields;
import io.github.broadside.schema.Block;
import io.github.broadside.schema.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The browser editor's configuration: one collection per language folder, each listing every key of
 * the front matter (at every depth) with the widget that takes its kind of value, the allowed words of
 * each choice, and only the page's own required keys required. Decap's own rules check the same
 * configuration in {@link DecapPackagesTest}.
 */
class DecapConfigTest {
    static final BrowserEditor GITHUB = new BrowserEditor("github", "my-org/campaigns", "main",
            "https://api.netlify.com", "", "");

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static void keys(Block block, String prefix, TreeSet<String> out) {
        for (Field field : block.fields()) {
            out.add(prefix + field.name());
            field.block().ifPresent(b -> keys(b, prefix + field.name() + ".", out));
        }
    }

    static void fieldNames(List<Map<String, Object>> fields, String prefix, TreeSet<String> out) {
        for (Map<String, Object> field : fields) {
            out.add(prefix + field.get("name"));
            if (field.containsKey("fields")) {
                fieldNames(list(field.get("fields")), prefix + field.get("name") + ".", out);
            }
        }
    }

    @Test
    void everyLanguageFolderIsACollectionListingEveryFrontMatterKey() {
        SiteConfig config = SiteConfigLoader.defaults();
        Map<String, Object> decap = load(DecapConfig.yaml(GITHUB, config, List.of("en", "es", "ar"), "content"));
        TreeSet<String> expected = new TreeSet<>();
        keys(FrontMatterFields.PAGE, "", expected);
        expected.add(DecapConfig.BODY);
        assertThat(expected).contains("action.targets.phone", "action.signatories.organization", "updates.date",
                "translationOf.hash", "action.form");

        List<Map<String, Object>> collections = list(decap.get("collections"));
        assertThat(collections).extracting(c -> c.get("folder"))
                .containsExactly("content/en", "content/es", "content/ar");
        assertThat(collections).extracting(c -> c.get("label"))
                .containsExactly("Pages: English (en)", "Pages: Español (es)", "Pages: العربية (ar)");
        for (Map<String, Object> collection : collections) {
            TreeSet<String> listed = new TreeSet<>();
            fieldNames(list(collection.get("fields")), "", listed);
            assertThat(listed).as((String) collection.get("name")).isEqualTo(expected);
            assertThat(collection).containsEntry("extension", "md").containsEntry("format", "yaml-frontmatter")
                    .containsEntry("create", true);
        }
        assertThat(decap).containsEntry("media_folder", "content/static/images").containsEntry("public_folder",
                "/images");
        assertThat((Map<String, Object>) decap.get("backend")).containsEntry("name", "github")
                .containsEntry("repo", "my-org/campaigns").containsEntry("branch", "main")
                .containsEntry("base_url", "https://api.netlify.com");
    }

    @Test
    void widgetsFollowTheKindOfEachKey() {
        Map<String, Object> decap = load(DecapConfig.yaml(GITHUB, SiteConfigLoader.defaults(), List.of("en"),
                "content"));
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        List<Map<String, Object>> fields = list(list(decap.get("collections")).get(0).get("fields"));
        fields.forEach(f -> byName.put((String) f.get("name"), f));
        assertThat(byName.get("title")).containsEntry("widget", "string").containsEntry("required", true);
        assertThat(byName.get("date")).containsEntry("widget", "datetime").containsEntry("format", "YYYY-MM-DD")
                .containsEntry("time_format", false);
        assertThat(byName.get("status")).containsEntry("widget", "select")
                .containsEntry("options", FrontMatterFields.PAGE.values("status"));
        assertThat(byName.get("image")).containsEntry("widget", "image");
        assertThat(byName.get("tags")).containsEntry("widget", "list").doesNotContainKey("fields");
        assertThat(byName.get("draft")).containsEntry("widget", "boolean");
        assertThat(byName.get("body")).containsEntry("widget", "markdown");
        Map<String, Object> action = byName.get("action");
        assertThat(action).containsEntry("widget", "object");
        Map<String, Map<String, Object>> actionFields = new java.util.HashMap<>();
        list(action.get("fields")).forEach(f -> actionFields.put((String) f.get("name"), f));
        assertThat(actionFields.get("goal")).containsEntry("widget", "number").containsEntry("value_type", "int");
        assertThat(actionFields.get("type")).containsEntry("options", FrontMatterFields.ACTION.values("type"))
                .as("a translation may leave the action's type to its source").containsEntry("required", false);
        assertThat(actionFields.get("form")).as("provider settings stay as the file has them")
                .containsEntry("widget", "hidden");
        assertThat(actionFields.get("targets")).containsEntry("widget", "list").containsKey("fields");
        List<Object> required = new ArrayList<>();
        fields.stream().filter(f -> Boolean.TRUE.equals(f.get("required"))).forEach(f -> required.add(f.get("name")));
        assertThat(required).containsExactly("title");
    }

    @Test
    void aProjectInsideTheRepositoryAndOtherBackends() {
        BrowserEditor gitlab = new BrowserEditor("gitlab", "org/repo", "live", "", "abc123", "campaigns/site");
        Map<String, Object> decap = load(DecapConfig.yaml(gitlab, SiteConfigLoader.defaults(), List.of("en"),
                "content"));
        assertThat((Map<String, Object>) decap.get("backend")).containsEntry("name", "gitlab")
                .containsEntry("app_id", "abc123").containsEntry("auth_type", "pkce").containsEntry("branch", "live")
                .doesNotContainKey("base_url");
        assertThat(list(decap.get("collections")).get(0)).containsEntry("folder", "campaigns/site/content/en");
        assertThat(decap).containsEntry("media_folder", "campaigns/site/content/static/images");

        BrowserEditor gateway = new BrowserEditor("git-gateway", "", "main", "", "", "");
        Map<String, Object> netlify = load(DecapConfig.yaml(gateway, SiteConfigLoader.defaults(), List.of("en"),
                "content"));
        assertThat((Map<String, Object>) netlify.get("backend")).containsEntry("name", "git-gateway")
                .doesNotContainKey("repo");
    }

    @Test
    void labelsReadAsWords() {
        assertThat(DecapConfig.label("findRepresentativeUrl")).isEqualTo("Find representative address");
        assertThat(DecapConfig.label("title")).isEqualTo("Title");
    }
}
