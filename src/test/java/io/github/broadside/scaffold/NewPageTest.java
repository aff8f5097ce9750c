package io.github.broadside.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import io.github.broadside.content.ActionType;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.SiteBuilder;
import io.github.broadside.site.Site;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NewPageTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 14);
    @TempDir
    Path dir;
    BuildOptions options;

    @BeforeEach
    void sample() {
        SampleProject.copyInto(dir);
        options = BuildOptions.defaults(dir);
    }

    static Campaign parse(Path file, String language, Problems problems) throws Exception {
        return new CampaignParser("en").parse("x.md", language, file.getFileName().toString(),
                Files.readString(file), problems).orElseThrow(() -> new AssertionError(problems.sorted()));
    }

    @ParameterizedTest
    @EnumSource(ActionType.class)
    void aNewCampaignParsesCleanlyWithItsActionType(ActionType type) throws Exception {
        Path file = new NewPage(options).create(NewPage.Request.campaign("Close Riverside: now # or never", type, TODAY));
        assertThat(file).isEqualTo(dir.resolve("content/en/close-riverside-now-or-never.md"));
        String text = Files.readString(file);
        assertThat(text).contains("# Every key is explained in docs/front-matter.md", "type: " + type.key());
        // The editor's schema, by a path relative to the file, written into the project; a correct image path.
        assertThat(text).startsWith("---\n# yaml-language-server: $schema=../../.broadside/schema/"
                + "front-matter.schema.json\n");
        assertThat(dir.resolve(".broadside/schema/front-matter.schema.json")).hasContent(EditorSchemas.frontMatter());
        assertThat(text).contains("# image: \"/images/picture.jpg\"");
        Problems problems = new Problems();
        Campaign campaign = parse(file, "en", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(campaign.title()).isEqualTo("Close Riverside: now # or never");
        assertThat(campaign.date()).contains(TODAY);
        assertThat(campaign.draft()).isTrue();
        assertThat(campaign.mainAction().orElseThrow().type()).isEqualTo(type);
    }

    @Test
    void refusesToOverwriteAndLeavesTheFileAlone() throws Exception {
        Path existing = dir.resolve("content/en/stop-unjust-raids.md");
        byte[] before = Files.readAllBytes(existing);
        assertThatThrownBy(() -> new NewPage(options).create(
                NewPage.Request.campaign("Stop unjust raids", ActionType.PETITION, TODAY)))
                .isInstanceOf(BuildFailedException.class)
                .satisfies(e -> assertThat(((BuildFailedException) e).problems().get(0).format())
                        .contains("content/en/stop-unjust-raids.md", "already exists"));
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }

    @Test
    void aTitleIsRequiredAndTheLanguageAndSlugCanBeChosen() throws Exception {
        assertThatThrownBy(() -> new NewPage(options).create(new NewPage.Request(Optional.of("  "),
                ActionType.CALL, Optional.empty(), Optional.empty(), Optional.empty(), TODAY)))
                .isInstanceOf(BuildFailedException.class);
        Path file = new NewPage(options).create(NewPage.Request.campaign("Año nuevo", ActionType.CALL, TODAY)
                .withLanguage("es").withSlug("ano-2026"));
        assertThat(file).isEqualTo(dir.resolve("content/es/ano-2026.md"));
        Problems problems = new Problems();
        assertThat(parse(file, "es", problems).slug()).isEqualTo("ano-2026");
        assertThatThrownBy(() -> new NewPage(options).create(
                NewPage.Request.campaign("x", ActionType.CALL, TODAY).withSlug("../evil")))
                .isInstanceOf(BuildFailedException.class);
        assertThatThrownBy(() -> new NewPage(options).create(
                NewPage.Request.campaign("x", ActionType.CALL, TODAY).withLanguage("../en")))
                .isInstanceOf(BuildFailedException.class);
    }

    @Test
    void aTranslationSkeletonRecordsItsSourceAndHash() throws Exception {
        Path source = dir.resolve("content/en/stop-unjust-raids.md");
        Path file = new NewPage(options).create(NewPage.Request.translation("en/stop-unjust-raids.md", "fr", TODAY)
                .withTitle("Halte aux raids injustes"));
        assertThat(file).isEqualTo(dir.resolve("content/fr/stop-unjust-raids.md"));
        String text = Files.readString(file);
        assertThat(text).containsPattern("translationOf:\n  source: en/stop-unjust-raids\\.md\n  hash: [0-9a-f]{12}\n");
        assertThat(text).startsWith("---\n# yaml-language-server: $schema=../../.broadside/schema/front-matter.schema.json\n");
        // The recorded hash is the one the build compares with: the new translation is not stale.
        Problems linked = new Problems();
        Site site = new SiteBuilder(options.toBuilder().drafts(true).build()).load(linked);
        assertThat(site.translations().stale()).noneMatch(s -> s.translation().contentPath()
                .equals("fr/stop-unjust-raids.md"));
        assertThat(text).contains("title: \"Halte aux raids injustes\"", "draft: true",
                "This week, the Department of Homeland Security");
        Problems problems = new Problems();
        Campaign translation = parse(file, "fr", problems);
        assertThat(problems.hasErrors()).isFalse();
        assertThat(translation.draft()).isTrue();
        assertThat(translation.slug()).isEqualTo("stop-unjust-raids");
        assertThat(translation.actions()).hasSize(1);
    }

    @Test
    void aTranslationNeedsAnExistingSourceInsideContentAndAnotherLanguage() {
        NewPage create = new NewPage(options);
        assertThatThrownBy(() -> create.create(NewPage.Request.translation("en/nope.md", "es", TODAY)))
                .isInstanceOf(BuildFailedException.class);
        assertThatThrownBy(() -> create.create(NewPage.Request.translation("../pom.xml", "es", TODAY)))
                .isInstanceOf(BuildFailedException.class);
        assertThatThrownBy(() -> create.create(NewPage.Request.translation("en/privacy.md", "en", TODAY)))
                .isInstanceOf(BuildFailedException.class);
    }
}
