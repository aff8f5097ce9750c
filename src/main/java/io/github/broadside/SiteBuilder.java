package io.github.broadside;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.forms.FormEndpoints;
import io.github.broadside.i18n.TranslationRecorder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's front door for the goals and the tests: builds a site, loads it, or records a
 * translation, for one {@link BuildOptions}. Knows nothing of Maven. The stages and their order
 * live in {@link Pipeline}; this class turns a failed run into a {@link BuildFailedException}.
 *
 * <p>Any error in the user's input stops the build before the output folder is touched and is
 * reported, together with every other problem found, as a {@link BuildFailedException}.
 */
public final class SiteBuilder {
    private final Pipeline pipeline;

    /** A builder using the form providers on this class's classpath (built-in ones and plugin dependencies). */
    public SiteBuilder(BuildOptions options) {
        this(new Pipeline(options));
    }

    /** A builder using exactly {@code endpoints} as form providers. */
    public SiteBuilder(BuildOptions options, FormEndpoints endpoints) {
        this(new Pipeline(options, endpoints));
    }

    private SiteBuilder(Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * This builder for serve's preview: every form posts to serve's local sink, whatever provider
     * site.yml names, so authors can sign before going live.
     */
    public SiteBuilder forPreview() {
        return new SiteBuilder(pipeline.forPreview());
    }

    /** The stages this builder runs, for callers that run them one by one (serve, tests). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Loads, validates and links the site without rendering or writing anything. */
    public Site load(Problems problems) {
        return pipeline.load(problems);
    }

    /** The config stage: {@code site.yml} with this run's overrides (base URL, drafts) applied. */
    public SiteConfig loadConfig(Problems problems) {
        return pipeline.config(problems);
    }

    /** Builds the site into the output folder, replacing it only if the whole build succeeded. */
    public BuildResult build() throws BuildFailedException, IOException {
        Pipeline.Outcome outcome = pipeline.build();
        if (outcome instanceof Pipeline.Failed failed) {
            throw new BuildFailedException(failed.problems());
        }
        return ((Pipeline.Built) outcome).result();
    }

    /**
     * Records in translation {@code file} ({@code es/x.md}) that it is up to date with the current
     * version of its source (the {@code translated} goal). Nothing else is read or written.
     */
    public TranslationRecorder.Recorded recordTranslation(String file) throws BuildFailedException, IOException {
        BuildOptions options = pipeline.options();
        Problems problems = new Problems();
        String contentDisplay = options.display(options.contentDir());
        SiteConfig config = SiteConfigLoader.load(options.contentDir().resolve("site.yml"),
                contentDisplay + "/site.yml", options.files(), problems);
        TranslationRecorder recorder = new TranslationRecorder(options.projectDir(), options.contentDir(),
                contentDisplay, new CampaignParser(config.defaultLanguage(),
                        config.localization().defaultLanguageInSubfolder()));
        Optional<TranslationRecorder.Recorded> recorded = recorder.record(file, problems);
        if (recorded.isEmpty() || problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        return recorded.get();
    }
}
