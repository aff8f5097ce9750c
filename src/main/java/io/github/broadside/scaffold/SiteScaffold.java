package io.github.broadside.scaffold;

import io.github.broadside.content.Slug;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code broadside:init}: lays out a new campaign-site project in an empty folder. The project uses
 * the published plugin by its coordinates, has the Maven wrapper (so only Java is needed), a
 * {@code content/} folder with {@code site.yml}, an example campaign and a privacy page, a copy of
 * the default theme to customise, CI recipes for GitHub Pages, GitLab Pages and Netlify, and a
 * README with the two commands to preview and build.
 *
 * <p>The theme and the wrapper are copied from the plugin jar, where the build puts them.
 */
public final class SiteScaffold {
    static final String THEME = "/io/github/broadside/themes/default";
    static final String INIT = "init/";
    static final String WRAPPER = "wrapper/";

    /**
     * What to lay out.
     *
     * @param folder        the project folder; must be empty but for hidden entries such as {@code .git}
     * @param title         the site title
     * @param baseUrl       where the site will be published (CI overrides it per deploy)
     * @param pluginVersion the Broadside version the generated pom uses
     * @param today         the example campaign's date
     */
    public record Request(Path folder, String title, String baseUrl, String pluginVersion, LocalDate today) {
        public Request {
            folder = folder.toAbsolutePath().normalize();
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            Objects.requireNonNull(today, "today");
        }
    }

    private SiteScaffold() {
    }

    /** Writes the project; returns the files written, relative to the folder, in order. */
    public static List<String> create(Request request) throws BuildFailedException, IOException {
        check(request);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String artifactId = Slug.of(request.folder().getFileName() == null ? "campaigns"
                : request.folder().getFileName().toString());
        Map<String, String> values = Map.of(
                "{{title}}", request.title(),
                "{{titleXml}}", xml(request.title()),
                "{{titleYaml}}", NewPage.quote(request.title()),
                "{{artifactId}}", artifactId,
                "{{version}}", xml(request.pluginVersion()),
                "{{baseUrl}}", request.baseUrl().endsWith("/") ? request.baseUrl() : request.baseUrl() + "/",
                "{{date}}", request.today().toString());
        files.put("pom.xml", fill("pom.xml", values));
        files.put("README.md", fill("README.md", values));
        files.put(".gitignore", fill("gitignore", values));
        files.put("content/site.yml", fill("site.yml", values));
        files.put("content/en/keep-our-library-open.md", fill("example-campaign.md", values));
        files.put("content/en/privacy.md", fill("privacy.md", values));
        files.put(".github/workflows/pages.yml", fill("github-pages.yml", values));
        files.put(".gitlab-ci.yml", fill("gitlab-ci.yml", values));
        files.put("netlify.toml", fill("netlify.toml", values));
        for (String wrapper : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
            files.put(wrapper, bytes(WRAPPER + wrapper));
        }
        files.putAll(theme());
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = request.folder().resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written.add(file.getKey());
        }
        Path mvnw = request.folder().resolve("mvnw");
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(mvnw));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(mvnw, permissions);
        } catch (UnsupportedOperationException e) {
            // Windows: mvnw.cmd is used there.
        }
        return written;
    }

    private static void check(Request request) throws BuildFailedException, IOException {
        Path folder = request.folder();
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw fail(folder.toString(), "this is a file, not a folder", "run init in an empty folder");
            }
            List<String> present;
            try (Stream<Path> children = Files.list(folder)) {
                present = children.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                        .toList();
            }
            if (!present.isEmpty()) {
                throw fail(folder.toString(), "the folder is not empty (it has " + String.join(", ",
                        present.subList(0, Math.min(5, present.size()))) + (present.size() > 5 ? ", ..." : "") + ")",
                        "make a new folder, change into it and run init there; nothing was written");
            }
            for (String hidden : List.of(".gitignore", ".github", ".gitlab-ci.yml", ".mvn")) {
                if (Files.exists(folder.resolve(hidden))) {
                    throw fail(folder.resolve(hidden).toString(), "already exists",
                            "init only writes into an empty folder; nothing was written");
                }
            }
        }
        try {
            URI uri = new URI(request.baseUrl());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(request.baseUrl(), "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw fail("-DbaseUrl", "'" + request.baseUrl() + "' is not an absolute http(s) URL",
                    "give the address the site will have, e.g. -DbaseUrl=https://campaigns.example.org/");
        }
        if (request.title().isBlank()) {
            throw fail("-Dtitle", "the site title is empty", "give one, e.g. -Dtitle=\"Our campaigns\"");
        }
    }

    /** The default theme from the plugin jar (or from the classes folder when run from a build). */
    static Map<String, byte[]> theme() throws IOException {
        URL marker = SiteScaffold.class.getResource(THEME + "/theme.yml");
        if (marker == null) {
            throw new IOException("the default theme is missing from the plugin");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    collect(jar.getPath(THEME), out);
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            } else {
                collect(Path.of(uri).getParent(), out);
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the default theme: " + e.getMessage(), e);
        }
        return out;
    }

    private static void collect(Path root, Map<String, byte[]> out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            out.put("themes/default/" + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
    }

    private static byte[] fill(String template, Map<String, String> values) throws IOException {
        String text = new String(bytes(INIT + template), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = SiteScaffold.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name + " in the plugin");
            }
            return in.readAllBytes();
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static BuildFailedException fail(String where, String message, String hint) {
        return new BuildFailedException(List.of(Problem.error(where, 0, 0, message, hint)));
    }
}
