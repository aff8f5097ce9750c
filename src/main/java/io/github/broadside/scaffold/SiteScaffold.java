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
import java.nio.file.LinkOption;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code broadside:init}: lays out a new campaign-site project in an empty folder. The project uses
 * the published plugin by its coordinates, has the Maven wrapper (so only Java is needed), a
 * {@code content/} folder with {@code site.yml}, an example campaign and a privacy page, a copy of
 * the default theme to customise, CI recipes for GitHub Pages, GitLab Pages, Netlify and Cloudflare
 * Pages, and a README with the two commands to preview and build.
 *
 * <p>On an existing site, {@link #addMissing} adds only the files that a Broadside newer than the
 * site's introduced (per {@code init/introduced.txt}) and never overwrites one. The theme and the
 * wrapper are copied from the plugin jar, where the build puts them.
 */
public final class SiteScaffold {
    static final String THEME = "/io/github/broadside/themes/default";
    static final String INIT = "init/";
    static final String WRAPPER = "wrapper/";
    /** The example campaign: a neutral one, whatever the site is about. */
    static final String EXAMPLE = "content/en/our-first-petition.md";
    /** Maven's JVM options for the site; the same file as this repository's own {@code .mvn/jvm.config}. */
    static final String JVM_CONFIG = ".mvn/jvm.config";

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

    /**
     * What {@link #addMissing} did to an existing site.
     *
     * @param siteVersion the Broadside version the site's pom.xml asked for
     * @param added       files written, introduced after that version
     * @param present     files the site already has, left as they are
     * @param leftOut     files missing from the site but as old as its version: deleted on purpose
     */
    public record Additions(String siteVersion, List<String> added, List<String> present, List<String> leftOut) {
        public Additions {
            added = List.copyOf(added);
            present = List.copyOf(present);
            leftOut = List.copyOf(leftOut);
        }
    }

    private static final Pattern SITE_VERSION = Pattern.compile(
            "<broadside\\.version>\\s*([^<\\s]+)\\s*</broadside\\.version>");

    private SiteScaffold() {
    }

    /** Writes the project; returns the files written, relative to the folder, in order. */
    public static List<String> create(Request request) throws BuildFailedException, IOException {
        check(request);
        Map<String, byte[]> files = files(request);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            write(request.folder(), file.getKey(), file.getValue());
        }
        return List.copyOf(files.keySet());
    }

    /**
     * Adds to an existing Broadside site the files it lacks that were introduced after the version
     * its pom.xml asks for; overwrites nothing.
     */
    public static Additions addMissing(Request request) throws BuildFailedException, IOException {
        checkValues(request);
        Path pom = request.folder().resolve("pom.xml");
        Matcher version = SITE_VERSION.matcher(Files.isRegularFile(pom) ? Files.readString(pom) : "");
        if (!version.find() || !Files.isRegularFile(request.folder().resolve("content/site.yml"))) {
            throw fail(request.folder().toString(), "this is not a Broadside site made by init (no"
                    + " <broadside.version> in pom.xml, or no content/site.yml), so nothing was added",
                    "run -Dbroadside.addMissing=true in the folder of a site; to start a new site, run init in"
                    + " an empty folder without it");
        }
        String siteVersion = version.group(1);
        Introduced introduced = Introduced.read(new String(bytes(INIT + "introduced.txt"), StandardCharsets.UTF_8));
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files(request).entrySet()) {
            if (Files.exists(request.folder().resolve(file.getKey()), LinkOption.NOFOLLOW_LINKS)) {
                present.add(file.getKey());
            } else if (Introduced.compare(introduced.version(file.getKey()), siteVersion) > 0) {
                write(request.folder(), file.getKey(), file.getValue());
                added.add(file.getKey());
            } else {
                leftOut.add(file.getKey());
            }
        }
        return new Additions(siteVersion, added, present, leftOut);
    }

    private static Map<String, byte[]> files(Request request) throws IOException {
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
        files.put("content/site.yml", (EditorSchemas.MODELINE + "../" + EditorSchemas.FOLDER + "/" + EditorSchemas.SITE
                + "\n" + new String(fill("site.yml", values), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        files.put(EXAMPLE, new String(fill("example-campaign.md", values), StandardCharsets.UTF_8).replace("{{schema}}",
                EditorSchemas.MODELINE + "../../" + EditorSchemas.FOLDER + "/" + EditorSchemas.FRONT_MATTER)
                .getBytes(StandardCharsets.UTF_8));
        files.put("content/en/privacy.md", fill("privacy.md", values));
        files.put(".github/workflows/pages.yml", fill("github-pages.yml", values));
        files.put(".gitlab-ci.yml", fill("gitlab-ci.yml", values));
        files.put("netlify.toml", fill("netlify.toml", values));
        files.put(".github/workflows/cloudflare-pages.yml", fill("cloudflare-pages.yml", values));
        for (String wrapper : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
            files.put(wrapper, bytes(WRAPPER + wrapper));
        }
        // Options for Maven's JVM, measured in docs/performance.md: a serial collector and a heap cap keep a
        // 10,000-page build under 1 GiB, and the quick compiler alone halves the JIT's share of a build.
        files.put(JVM_CONFIG, bytes(INIT + "jvm.config"));
        files.putAll(theme());
        EditorSchemas.files().forEach((name, text) -> files.put(EditorSchemas.FOLDER + "/" + name,
                text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static void write(Path folder, String name, byte[] bytes) throws IOException {
        Path target = folder.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (!name.equals("mvnw")) {
            return;
        }
        Path mvnw = target;
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(mvnw));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(mvnw, permissions);
        } catch (UnsupportedOperationException e) {
            // Windows: mvnw.cmd is used there.
        }
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
                boolean site = Files.isRegularFile(folder.resolve("pom.xml"))
                        && SITE_VERSION.matcher(Files.readString(folder.resolve("pom.xml"))).find();
                throw fail(folder.toString(), "the folder is not empty (it has " + String.join(", ",
                        present.subList(0, Math.min(5, present.size()))) + (present.size() > 5 ? ", ..." : "") + ")",
                        site ? "this is already a Broadside site: to add only the files a newer Broadside introduced,"
                                + " run init with -Dbroadside.addMissing=true (see docs/upgrading.md); nothing was written"
                                : "make a new folder, change into it and run init there; nothing was written");
            }
            for (String hidden : List.of(".gitignore", ".github", ".gitlab-ci.yml", ".mvn", ".broadside")) {
                if (Files.exists(folder.resolve(hidden))) {
                    throw fail(folder.resolve(hidden).toString(), "already exists",
                            "init only writes into an empty folder; nothing was written");
                }
            }
        }
        checkValues(request);
    }

    private static void checkValues(Request request) throws BuildFailedException {
        if (!request.pluginVersion().matches("[0-9A-Za-z][0-9A-Za-z._-]*")) {
            throw fail("-Dbroadside.pluginVersion", "'" + request.pluginVersion() + "' is not a version",
                    "give a released version of broadside-maven-plugin, e.g. -Dbroadside.pluginVersion=0.1.0");
        }
        try {
            URI uri = new URI(request.baseUrl());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(request.baseUrl(), "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw fail("-Dbroadside.baseUrl", "'" + request.baseUrl() + "' is not an absolute http(s) URL",
                    "give the address the site will have, e.g. -Dbroadside.baseUrl=https://campaigns.example.org/");
        }
        if (request.title().isBlank()) {
            throw fail("-Dbroadside.title", "the site title is empty", "give one, e.g. -Dbroadside.title=\"Our campaigns\"");
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
