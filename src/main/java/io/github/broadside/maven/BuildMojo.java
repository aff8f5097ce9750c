package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.LanguageSummary;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.LogText;
import java.io.File;
import java.io.IOException;
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
public class BuildMojo extends AbstractPublishingMojo {

    /** Where the site is written. Replaced as a whole at the end of a successful build. */
    @Parameter(property = "broadside.output", defaultValue = "site")
    private File output;

    /**
     * Also writes a gzip copy beside each text file ({@code index.html.gz}), for hosts and CDNs that
     * serve precompressed files (an S3 bucket behind a CDN, nginx gzip_static).
     */
    @Parameter(property = "broadside.compress", defaultValue = "false")
    private boolean compress;

    /**
     * Replaces the output folder even when it holds files Broadside did not write (no
     * {@code .broadside-site} marker): -Dbroadside.force=true. Without it such a folder is refused,
     * since the build deletes the whole folder.
     */
    @Parameter(property = "broadside.force", defaultValue = "false")
    private boolean force;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        BuildOptions options = options();
        String site = options.display(options.outputDir());
        try {
            BuildResult result = new SiteBuilder(options).build();
            ProblemLog.print(getLog(), result.warnings());
            result.languages().forEach(line -> getLog().info(LogText.lines(line.format())));
            result.partlyUntranslated().forEach(p -> getLog().info("Partly untranslated, shown in the source's "
                    + "words: " + p.format()));
            int files = result.languages().stream().mapToInt(LanguageSummary::files).sum();
            getLog().info("Wrote " + files + " files (" + LanguageSummary.size(result.bytes()) + ") to " + site
                    + " in " + result.millis() + " ms");
        } catch (BuildFailedException e) {
            ProblemLog.print(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage() + "; " + site
                    + " was left as it was. Fix the problems above and build again.");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the site to " + site + ": " + e.getMessage(), e);
        }
    }

    @Override
    BuildOptions.Builder options(BuildOptions.Builder builder) {
        return super.options(builder).output(output.toPath()).compress(compress).force(force);
    }
}
