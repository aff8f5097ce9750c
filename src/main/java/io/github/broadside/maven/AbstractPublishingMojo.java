package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that run the whole build, publish stage included: {@code build}
 * (into the output folder) and {@code check} (into a temporary folder). Both see the site as it
 * would be published, so both take the same overrides, the same card cache and {@code skip}.
 */
abstract class AbstractPublishingMojo extends AbstractRenderingMojo {

    /**
     * Replaces baseUrl from site.yml for this run, e.g. for a preview deploy:
     * -Dbroadside.baseUrl=https://preview-123.example.org/
     */
    @Parameter(property = "broadside.baseUrl")
    private String baseUrl;

    /** Includes pages marked 'draft: true' (true) or leaves them out (false); default from site.yml. */
    @Parameter(property = "broadside.drafts")
    private Boolean drafts;

    /**
     * Fails when a translation was made from an older version of its source (normally a
     * warning), e.g. in CI: -Dbroadside.failOnStale
     */
    @Parameter(property = "broadside.failOnStale", defaultValue = "false")
    private boolean failOnStale;

    /**
     * Where share cards and picture copies are kept between runs, so that a rebuild or a check
     * draws only the cards whose text changed ({@code mvn clean} empties it).
     */
    @Parameter(property = "broadside.cache", defaultValue = "${project.build.directory}/broadside")
    private File cache;

    /** Skips the goal. */
    @Parameter(property = "broadside.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: broadside.skip is set");
            return;
        }
        run();
    }

    /** The goal's work, unless it is skipped. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    BuildOptions.Builder options(BuildOptions.Builder builder) {
        super.options(builder).failOnStale(failOnStale).cache(cache.toPath());
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl.strip());
        }
        if (drafts != null) {
            builder.drafts(drafts);
        }
        return builder;
    }
}
