package io.github.broadside.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteScaffoldTest {
    @TempDir
    Path temp;

    SiteScaffold.Request request(Path folder) {
        return new SiteScaffold.Request(folder, "Friends of the Library", "https://library.example.org",
                "1.2.3", LocalDate.of(2026, 5, 1));
    }

    @Test
    void anEmptyFolderBecomesAProjectThatBuilds() throws Exception {
        Path folder = temp.resolve("library-campaigns");
        Files.createDirectories(folder.resolve(".git"));
        List<String> written = SiteScaffold.create(request(folder));
        assertThat(written).contains("pom.xml", "README.md", ".gitignore", "mvnw", "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties", "content/site.yml", "content/en/our-first-petition.md",
                ".github/workflows/pages.yml", ".gitlab-ci.yml", "netlify.toml", "themes/default/theme.yml",
                "themes/default/templates/base.peb", "themes/default/assets/style.css");
        // The theme is a full copy of the bundled default theme.
        try (var files = Files.walk(Path.of("themes/default"))) {
            assertThat(files.filter(Files::isRegularFile).count())
                    .isEqualTo(written.stream().filter(f -> f.startsWith("themes/default/")).count());
        }
        String pom = Files.readString(folder.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>broadside-maven-plugin</artifactId>",
                "<broadside.version>1.2.3</broadside.version>", "<artifactId>library-campaigns</artifactId>",
                "<name>Friends of the Library</name>");
        assertThat(Files.isExecutable(folder.resolve("mvnw"))).isTrue();
        assertThat(Files.readString(folder.resolve(".mvn/wrapper/maven-wrapper.properties")))
                .contains("distributionSha256Sum=");
        // Maven's JVM gets the settings measured in docs/performance.md, the same this repository (and its
        // benchmark, scripts/bench.sh) uses for its own sample site.
        String jvmConfig = Files.readString(folder.resolve(".mvn/jvm.config"));
        assertThat(jvmConfig.trim().split("\\s+")).containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xmx2g");
        assertThat(jvmConfig).isEqualTo(Files.readString(Path.of(".mvn/jvm.config")));
        assertThat(Files.readString(Path.of("scripts/bench.sh")))
                .contains("src/main/resources/io/github/broadside/scaffold/init/jvm.config");
        String readme = Files.readString(folder.resolve("README.md"));
        assertThat(readme).contains("./mvnw broadside:serve", "./mvnw broadside:build");
        assertThat(Files.readString(folder.resolve(".github/workflows/pages.yml")))
                .contains("broadside:build", "upload-pages-artifact", "path: site");
        assertThat(Files.readString(folder.resolve(".gitlab-ci.yml"))).contains("mv site public", "CI_PAGES_URL");
        assertThat(Files.readString(folder.resolve("netlify.toml"))).contains("publish = \"site\"");
        assertThat(Files.readString(folder.resolve(".gitignore"))).contains("/site/", "/target/");

        // Editors find the schemas through a relative path, offline; the example is about no particular cause.
        assertThat(Files.readString(folder.resolve("content/site.yml")))
                .startsWith("# yaml-language-server: $schema=../.broadside/schema/site.schema.json\n");
        String example = Files.readString(folder.resolve("content/en/our-first-petition.md"));
        assertThat(example).startsWith("---\n# yaml-language-server: $schema=../../.broadside/schema/"
                + "front-matter.schema.json\n").doesNotContain("Library", "library");
        for (String schema : List.of(EditorSchemas.FRONT_MATTER, EditorSchemas.SITE)) {
            assertThat(folder.resolve("content/en").resolve("../../.broadside/schema/" + schema)).isRegularFile();
        }

        // What `./mvnw broadside:build` runs, through the engine with the project's own defaults.
        BuildResult result = new SiteBuilder(BuildOptions.defaults(folder)).build();
        // At most a reminder in site.yml (e.g. to choose a form provider); nothing wrong in the files it wrote.
        assertThat(result.warnings()).allSatisfy(w -> assertThat(w.file()).isEqualTo("content/site.yml"));
        Document home = Jsoup.parse(folder.resolve("site/index.html").toFile());
        assertThat(home.select("h1").text()).isEqualTo("Friends of the Library");
        assertThat(home.select("a[href=/our-first-petition/]")).isNotEmpty();
        Document campaign = Jsoup.parse(folder.resolve("site/our-first-petition/index.html").toFile());
        assertThat(campaign.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://library.example.org/our-first-petition/");
        assertThat(folder.resolve("site/privacy/index.html")).exists();
    }

    @Test
    void aFolderWithFilesIsLeftAlone() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> SiteScaffold.create(request(folder)))
                .isInstanceOf(BuildFailedException.class)
                .satisfies(e -> assertThat(((BuildFailedException) e).problems().get(0).message())
                        .contains("not empty", "notes.txt"));
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(folder.resolve("notes.txt"));
        }
    }

    @Test
    void aBadBaseUrlIsRefused() {
        assertThatThrownBy(() -> SiteScaffold.create(new SiteScaffold.Request(temp.resolve("x"), "T", "example.org",
                "1", LocalDate.of(2026, 1, 1)))).isInstanceOf(BuildFailedException.class);
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void anExistingSiteIsRefusedWithTheUpgradeHint() throws Exception {
        Path folder = temp.resolve("site");
        SiteScaffold.create(request(folder));
        assertThatThrownBy(() -> SiteScaffold.create(request(folder)))
                .isInstanceOf(BuildFailedException.class)
                .satisfies(e -> assertThat(((BuildFailedException) e).problems().get(0).hint())
                        .contains("-Dbroadside.addMissing=true"));
    }

    @Test
    void addMissingAddsOnlyFilesNewerThanTheSiteAndOverwritesNothing() throws Exception {
        Path folder = temp.resolve("site");
        SiteScaffold.create(request(folder));
        // The site was made by an older Broadside that did not write the Cloudflare recipe nor a theme file;
        // its owner changed the campaign and the stylesheet, and deleted the Netlify file.
        Path pom = folder.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<broadside.version>1.2.3<", "<broadside.version>0.0.9<"));
        Files.delete(folder.resolve(".github/workflows/cloudflare-pages.yml"));
        Files.delete(folder.resolve("themes/default/templates/base.peb"));
        Files.writeString(folder.resolve("themes/default/assets/style.css"), "/* mine */");
        Files.writeString(folder.resolve("content/en/our-first-petition.md"), "mine");

        SiteScaffold.Additions additions = SiteScaffold.addMissing(request(folder));
        assertThat(additions.siteVersion()).isEqualTo("0.0.9");
        assertThat(additions.added()).containsExactlyInAnyOrder(".github/workflows/cloudflare-pages.yml",
                "themes/default/templates/base.peb");
        assertThat(additions.present()).contains("pom.xml", "themes/default/assets/style.css",
                "content/en/our-first-petition.md");
        assertThat(folder.resolve(".github/workflows/cloudflare-pages.yml")).exists();
        assertThat(folder.resolve("themes/default/assets/style.css")).hasContent("/* mine */");
        assertThat(folder.resolve("content/en/our-first-petition.md")).hasContent("mine");
        assertThat(Files.readString(pom)).contains("<broadside.version>0.0.9<");

        // A file as old as the site's version that is missing was deleted on purpose: it stays deleted.
        Files.writeString(pom, Files.readString(pom).replace("<broadside.version>0.0.9<", "<broadside.version>0.1.0<"));
        Files.delete(folder.resolve("netlify.toml"));
        SiteScaffold.Additions again = SiteScaffold.addMissing(request(folder));
        assertThat(again.added()).isEmpty();
        assertThat(again.leftOut()).containsExactly("netlify.toml");
        assertThat(folder.resolve("netlify.toml")).doesNotExist();
    }

    @Test
    void addMissingRefusesAFolderThatIsNotABroadsideSite() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("other"));
        Files.writeString(folder.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> SiteScaffold.addMissing(request(folder)))
                .isInstanceOf(BuildFailedException.class)
                .satisfies(e -> assertThat(((BuildFailedException) e).problems().get(0).message())
                        .contains("not a Broadside site"));
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(folder.resolve("pom.xml"));
        }
    }

    @Test
    void everyFileInitWritesSaysWhichVersionIntroducedIt() throws Exception {
        Introduced introduced = Introduced.read(NewPage.resource("init/introduced.txt"));
        assertThat(SiteScaffold.create(request(temp.resolve("all")))).allSatisfy(file ->
                assertThat(introduced.covers(file)).as("init/introduced.txt has a line for %s", file).isTrue());
        assertThat(Introduced.compare("0.10.0", "0.9.1")).isPositive();
        assertThat(Introduced.compare("0.2.0-SNAPSHOT", "0.2.0")).isNegative();
        assertThat(Introduced.compare("0.2.0", "0.2.0")).isZero();
        assertThat(Introduced.compare("1.0", "0.9.9")).isPositive();
    }

    @Test
    void aVersionThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> SiteScaffold.create(new SiteScaffold.Request(temp.resolve("v"), "T",
                "https://example.org/", "1.0</broadside.version><x>", LocalDate.of(2026, 1, 1))))
                .isInstanceOf(BuildFailedException.class);
        assertThat(temp.resolve("v")).doesNotExist();
    }
}
