package io.github.broadside.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link Block} definition as a JSON Schema (draft-07, the draft the YAML language server
 * and most editors read), so editors complete keys, show each key's description and allowed words,
 * and flag unknown keys and wrong types while people type. Unknown keys are refused here
 * ({@code additionalProperties: false}) where the build only warns: in an editor a misspelt key should
 * be underlined.
 */
public final class JsonSchema {
    public static final String DRAFT = "http://json-schema.org/draft-07/schema#";
    /** A date as the parser reads it: year-month-day. */
    static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** A language tag as a folder name ({@code es}, {@code pt-BR}, {@code zh-Hans}). */
    public static final String TAG_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    private JsonSchema() {
    }

    /** The schema of {@code root}, with {@code id} and {@code title}, as indented JSON ending with a newline. */
    public static String of(Block root, String id, String title) {
        Objects.requireNonNull(root, "root");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            json.writeStartObject();
            json.writeStringField("$schema", DRAFT);
            json.writeStringField("$id", id);
            json.writeStringField("title", title);
            blockBody(json, root, true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void block(JsonGenerator json, Block block) throws IOException {
        json.writeStartObject();
        blockBody(json, block, false);
        json.writeEndObject();
    }

    /**
     * Only the root block lists its required keys: a translation leaves out of its nested blocks
     * whatever it inherits from its source ({@code type} of an action, a target's {@code name}).
     */
    private static void blockBody(JsonGenerator json, Block block, boolean root) throws IOException {
        json.writeStringField("type", "object");
        json.writeObjectFieldStart("properties");
        for (Field field : block.fields()) {
            json.writeFieldName(field.name());
            field(json, field);
        }
        json.writeEndObject();
        json.writeBooleanField("additionalProperties", false);
        List<String> required = block.fields().stream().filter(Field::required).map(Field::name).toList();
        if (root && !required.isEmpty()) {
            json.writeArrayFieldStart("required");
            for (String name : required) {
                json.writeString(name);
            }
            json.writeEndArray();
        }
    }

    private static void field(JsonGenerator json, Field field) throws IOException {
        json.writeStartObject();
        json.writeStringField("description", field.description());
        switch (field.kind()) {
            case TEXT, MARKDOWN -> types(json, "string", "number", "boolean");
            case URL -> types(json, "string");
            case DATE -> {
                types(json, "string");
                json.writeStringField("pattern", DATE_PATTERN);
            }
            case INTEGER -> {
                types(json, "integer");
                json.writeNumberField("minimum", 0);
            }
            case BOOLEAN -> types(json, "boolean");
            case CHOICE -> {
                types(json, "string");
                json.writeArrayFieldStart("enum");
                for (String value : field.values()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            case TEXTS -> {
                types(json, "array", "string");
                json.writeObjectFieldStart("items");
                types(json, "string", "number");
                json.writeEndObject();
            }
            case BLOCK -> blockBody(json, field.block().orElseThrow(), false);
            case BLOCKS -> {
                types(json, "array");
                json.writeFieldName("items");
                block(json, field.block().orElseThrow());
            }
            case TEXT_OR_BLOCK, BOOLEAN_OR_BLOCK -> {
                json.writeArrayFieldStart("anyOf");
                json.writeStartObject();
                types(json, field.kind() == Field.Kind.TEXT_OR_BLOCK ? "string" : "boolean");
                json.writeEndObject();
                block(json, field.block().orElseThrow());
                json.writeEndArray();
            }
            case OPEN_BLOCK -> types(json, "object");
            case PER_LANGUAGE -> {
                types(json, "object");
                json.writeObjectFieldStart("propertyNames");
                json.writeStringField("pattern", TAG_PATTERN);
                json.writeEndObject();
                json.writeObjectFieldStart("additionalProperties");
                json.writeArrayFieldStart("anyOf");
                json.writeStartObject();
                types(json, "string", "null");
                json.writeEndObject();
                block(json, field.block().orElseThrow());
                json.writeEndArray();
                json.writeEndObject();
            }
            default -> throw new IllegalStateException(field.kind().name());
        }
        json.writeEndObject();
    }

    private static void types(JsonGenerator json, String... types) throws IOException {
        if (types.length == 1) {
            json.writeStringField("type", types[0]);
            return;
        }
        json.writeArrayFieldStart("type");
        for (String type : types) {
            json.writeString(type);
        }
        json.writeEndArray();
    }
}
