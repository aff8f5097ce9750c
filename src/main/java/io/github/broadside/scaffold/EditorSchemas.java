package io.github.broadside.scaffold;

import io.github.broadside.config.SiteFields;
import io.github.broadside.content.FrontMatterFields;
import io.github.broadside.schema.JsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schemas editors use to help people type front matter and {@code site.yml}: generated from
 * the definitions the parsers validate with ({@link FrontMatterFields}, {@link SiteFields}), shipped
 * in the plugin jar (under {@code io/github/broadside/schema/}) and written into a project under
 * {@value #FOLDER}/ by {@code init} and {@code new}, so the YAML language server finds them offline
 * through the {@code # yaml-language-server: $schema=...} line those goals write, a path relative to
 * the file.
 */
public final class EditorSchemas {
    /** Where a project keeps them, relative to the project folder. */
    public static final String FOLDER = ".broadside/schema";
    public static final String FRONT_MATTER = "front-matter.schema.json";
    public static final String SITE = "site.schema.json";
    /** The start of the line that points the YAML language server at a schema. */
    public static final String MODELINE = "# yaml-language-server: $schema=";

    private EditorSchemas() {
    }

    /** The schema of a page's front matter. */
    public static String frontMatter() {
        return JsonSchema.of(FrontMatterFields.PAGE, "urn:broadside:schema:front-matter",
                "Broadside front matter (docs/front-matter.md)");
    }

    /** The schema of {@code content/site.yml}. */
    public static String site() {
        return JsonSchema.of(SiteFields.SITE, "urn:broadside:schema:site", "Broadside site.yml (docs/front-matter.md)");
    }

    /** Both schemas by file name. */
    public static Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(FRONT_MATTER, frontMatter());
        out.put(SITE, site());
        return out;
    }

    /**
     * Writes (or refreshes) both schemas into {@code project}/{@value #FOLDER}; a file already up to
     * date is left alone.
     */
    public static void writeInto(Path project) throws IOException {
        Path folder = project.resolve(FOLDER);
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path target = folder.resolve(file.getKey());
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
        }
    }

    /**
     * The modeline for a YAML file at {@code file} (inside {@code project}) that should follow the
     * schema {@code schema}: {@code # yaml-language-server: $schema=../../.broadside/schema/...}.
     */
    public static String modeline(Path project, Path file, String schema) {
        Path from = file.toAbsolutePath().normalize().getParent();
        Path to = project.toAbsolutePath().normalize().resolve(FOLDER).resolve(schema);
        return MODELINE + from.relativize(to).toString().replace('\\', '/');
    }
}
