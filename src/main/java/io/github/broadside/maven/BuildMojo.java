package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the static campaign site: reads the Markdown campaigns in the content folder, renders
 * them with the theme and writes the site folder. The previous site is replaced only when the
 * whole build succeeded; any problem in the content fails the build with every problem listed.
 */
@Mojo(name = "build", threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractMojo {

    /** The project folder; content, theme and output paths are resolved against it. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /** The content folder: site.yml and one folder of Markdown pages per language (en/, es/ ...). */
    @Parameter(property = "broadside.content", defaultValue = "content")
    private File content;

    /** The theme folder: templates/ (Pebble), assets/ (CSS, script) and an optional theme.yml. */
    @Parameter(property = "broadside.theme", defaultValue = "themes/default")
    private File theme;

    /** Where the site is written. Replaced as a whole at the end of a successful build. */
    @Parameter(property = "broadside.output", defaultValue = "site")
    private File output;

    /**
     * Replaces baseUrl from site.yml for this run, e.g. for a preview deploy:
     * -Dbroadside.baseUrl=https://preview-123.example.org/
     */
    @Parameter(property = "broadside.baseUrl")
    private String baseUrl;

    /** Publishes pages marked 'draft: true' (true) or leaves them out (false); default from site.yml. */
    @Parameter(property = "broadside.drafts")
    private Boolean drafts;

    /** Worker threads for parsing and rendering; 0 means one per processor. */
    @Parameter(property = "broadside.threads", defaultValue = "0")
    private int threads;

    /**
     * Also writes a gzip copy beside each text file ({@code index.html.gz}), for hosts and CDNs that
     * serve precompressed files (an S3 bucket behind a CDN, nginx gzip_static).
     */
    @Parameter(property = "broadside.compress", defaultValue = "false")
    private boolean compress;

    /**
     * Fails the build when a translation was made from an older version of its source (normally a
     * warning), e.g. in CI: -Dbroadside.failOnStale
     */
    @Parameter(property = "broadside.failOnStale", defaultValue = "false")
    private boolean failOnStale;

    /**
     * Where share cards are kept between builds, so that a rebuild draws only the cards whose text
     * changed ({@code mvn clean} empties it).
     */
    @Parameter(property = "broadside.cache", defaultValue = "${project.build.directory}/broadside")
    private File cache;

    /**
     * Replaces the output folder even when it holds files Broadside did not write (no
     * {@code .broadside-site} marker): -Dbroadside.force=true. Without it such a folder is refused,
     * since the build deletes the whole folder.
     */
    @Parameter(property = "broadside.force", defaultValue = "false")
    private boolean force;

    /** Skips the goal. */
    @Parameter(property = "broadside.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: broadside.skip is set");
            return;
        }
        BuildOptions options = options();
        try {
            BuildResult result = new SiteBuilder(options).build();
            ProblemLog.print(getLog(), result.warnings());
            result.languages().forEach(line -> getLog().info(io.github.broadside.problem.LogText.lines(line.format())));
            result.partlyUntranslated().forEach(p -> getLog().info("Partly untranslated, shown in the source's "
                    + "words: " + p.format()));
            int files = result.languages().stream().mapToInt(l -> l.files()).sum();
            getLog().info("Wrote " + files + " files (" + io.github.broadside.LanguageSummary.size(result.bytes())
                    + ") to " + options.display(options.outputDir()) + " in " + result.millis() + " ms");
        } catch (BuildFailedException e) {
            ProblemLog.print(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage() + "; " + options.display(options.outputDir())
                    + " was left as it was. Fix the problems above and build again.");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the site to " + options.display(options.outputDir()) + ": " + e.getMessage(), e);
        }
    }

    BuildOptions options() {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new BuildOptions(basedir.toPath(), content.toPath(), theme.toPath(), output.toPath(),
                Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), Optional.ofNullable(drafts), workers,
                compress, failOnStale).withCacheDir(cache.toPath()).withForce(force);
    }
}
