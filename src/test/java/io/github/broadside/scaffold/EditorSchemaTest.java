package io.github.broadside.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.broadside.TestProject;
import io.github.broadside.config.SiteFields;
import io.github.broadside.content.FrontMatter;
import io.github.broadside.content.FrontMatterFields;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.schema.Block;
import io.github.broadside.schema.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON Schemas editors use: generated from the parsers' own definitions, shipped as committed
 * files that match the generator, checked with a real JSON Schema validator (networknt): the sample
 * content and site.yml have 0 findings, each typical mistake is flagged, and the parser agrees with
 * the schema about every key and every allowed word.
 */
class EditorSchemaTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static JsonSchema schema(String text) {
        return FACTORY.getSchema(text);
    }

    static Set<ValidationMessage> validate(String schema, String yaml) throws IOException {
        JsonNode node = YAML.readTree(yaml);
        return schema(schema).validate(node == null || node.isNull() ? YAML.createObjectNode() : node);
    }

    static String frontMatter(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return ((FrontMatter.Split) FrontMatter.split(file.toString(), text)).parts().yaml();
    }

    @Test
    void theCommittedSchemasAreTheGeneratorsOutput() throws IOException {
        for (Map.Entry<String, String> file : EditorSchemas.files().entrySet()) {
            Path committed = TestProject.REPOSITORY.resolve(EditorSchemas.FOLDER).resolve(file.getKey());
            assertThat(committed).as("regenerate with EditorSchemas.writeInto(project root)").exists();
            assertThat(Files.readString(committed)).as(file.getKey()).isEqualTo(file.getValue());
            // and the jar carries them
            assertThat(EditorSchemas.class.getResource("/io/github/broadside/schema/" + file.getKey())).isNotNull();
        }
    }

    @Test
    void theSampleContentAndSiteYmlHaveNoFindings() throws IOException {
        Path content = TestProject.REPOSITORY.resolve("content");
        List<String> findings = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                validate(EditorSchemas.frontMatter(), frontMatter(page)).forEach(m -> findings.add(page + ": " + m));
            }
        }
        validate(EditorSchemas.site(), Files.readString(content.resolve("site.yml")))
                .forEach(m -> findings.add("site.yml: " + m));
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "summery: A typo                       | summery",
        "status: paused                        | status",
        "action: {type: petition, goal: 10k}   | goal",
        "action: {type: rally}                 | type",
        "date: March 3                         | date",
        "tags: {detention: yes}                | tags",
        "actions: [{type: call, targets: [{name: A, phonee: 1}]}] | phonee"})
    void eachTypicalMistakeIsFlagged(String line, String key) throws IOException {
        Set<ValidationMessage> messages = validate(EditorSchemas.frontMatter(), "title: T\ndate: 2024-05-01\n" + line);
        assertThat(messages).as(line).isNotEmpty();
        assertThat(messages.toString()).contains(key);
    }

    @Test
    void siteYmlMistakesAreFlagged() throws IOException {
        assertThat(validate(EditorSchemas.site(), "titel: T\n")).isNotEmpty();
        assertThat(validate(EditorSchemas.site(), "untranslatedCampaigns: hide\n")).isNotEmpty();
        assertThat(validate(EditorSchemas.site(), "languages:\n  Spanish: Español\n")).isNotEmpty();
        assertThat(validate(EditorSchemas.site(), "languages:\n  es:\n    nam: Español\n")).isNotEmpty();
        assertThat(validate(EditorSchemas.site(), "languages:\n  en: English\n  ar:\n  es: {name: Español}\n"))
                .isEmpty();
    }

    /** Every key the schema lists, the parser reads without an unknown-key warning, and every other it warns about. */
    @Test
    void theParserAndTheSchemaAgreeOnEveryKey() throws IOException {
        JsonNode schema = YAML.readTree(EditorSchemas.frontMatter());
        Set<String> schemaKeys = new LinkedHashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaKeys::add);
        assertThat(schemaKeys).isEqualTo(FrontMatterFields.PAGE.keys());
        for (String key : schemaKeys) {
            assertThat(unknownKeyWarnings("title: T\ndate: 2024-05-01\n" + key + ":\n")).as(key).isEmpty();
        }
        assertThat(unknownKeyWarnings("title: T\ndate: 2024-05-01\nsummery: x\n")).hasSize(1);
        // nested blocks: each key the schema gives the action block is known to the parser
        JsonNode action = schema.get("properties").get("action").get("properties");
        for (Iterator<String> it = action.fieldNames(); it.hasNext();) {
            String key = it.next();
            assertThat(unknownKeyWarnings("title: T\ndate: 2024-05-01\naction:\n  type: petition\n  " + key + ":\n"))
                    .as("action." + key).isEmpty();
        }
    }

    /** Every allowed word in the schema is accepted by the parser, and a word outside it is refused. */
    @Test
    void theParserAndTheSchemaAgreeOnEveryAllowedWord() throws IOException {
        JsonNode schema = YAML.readTree(EditorSchemas.frontMatter());
        Map<String, String> paths = Map.of("status", "status: %s\n", "kind", "kind: %s\n",
                "type", "action:\n  type: %s\n");
        for (Map.Entry<String, String> choice : paths.entrySet()) {
            JsonNode values = choice.getKey().equals("type")
                    ? schema.get("properties").get("action").get("properties").get("type").get("enum")
                    : schema.get("properties").get(choice.getKey()).get("enum");
            assertThat(values).as(choice.getKey()).isNotEmpty();
            for (JsonNode value : values) {
                assertThat(errors("title: T\ndate: 2024-05-01\n" + choice.getValue().formatted(value.asText())))
                        .as(choice.getKey() + " " + value).isEmpty();
            }
            assertThat(errors("title: T\ndate: 2024-05-01\n" + choice.getValue().formatted("paused")))
                    .as(choice.getKey() + " paused").isNotEmpty();
        }
        JsonNode site = YAML.readTree(EditorSchemas.site());
        assertThat(site.get("properties").get("untranslatedCampaigns").get("enum")).hasSize(
                SiteFields.UNTRANSLATED.size());
    }

    @Test
    void everyBlockKeyHasADescription() {
        List<Block> blocks = List.of(FrontMatterFields.PAGE, SiteFields.SITE);
        for (Block block : blocks) {
            assertThat(block.fields()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
            block.fields().stream().map(Field::block).flatMap(java.util.Optional::stream)
                    .forEach(b -> assertThat(b.fields()).allSatisfy(f -> assertThat(f.description()).isNotBlank()));
        }
    }

    private static List<Problem> parse(String yaml) {
        Problems problems = new Problems();
        new CampaignParser("en").parse("content/en/x.md", "en", "x.md", "---\n" + yaml + "---\nText.\n", problems);
        return problems.sorted();
    }

    private static List<Problem> unknownKeyWarnings(String yaml) {
        return parse(yaml).stream().filter(p -> p.message().startsWith("unknown key")).toList();
    }

    private static List<Problem> errors(String yaml) {
        return parse(yaml).stream().filter(Problem::isError).toList();
    }
}
