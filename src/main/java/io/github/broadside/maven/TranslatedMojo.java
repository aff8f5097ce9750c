package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.i18n.TranslationRecorder;
import io.github.broadside.problem.BuildFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Marks a translation as up to date with its source: records the source's current version in the
 * translation's front matter ({@code translationOf: {source, hash}}), so that the build stops
 * warning that it is stale. Run it after updating the translation:
 * {@code ./mvnw broadside:translated -Dfile=es/stop-unjust-raids.md}.
 */
@Mojo(name = "translated", threadSafe = true, requiresProject = false)
public class TranslatedMojo extends AbstractMojo {

    /** The project folder; the content path is resolved against it. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /** The content folder: site.yml and one folder of Markdown pages per language. */
    @Parameter(property = "broadside.content", defaultValue = "content")
    private File content;

    /**
     * The translation, inside the content folder ({@code es/stop-unjust-raids.md}) or from the
     * project folder ({@code content/es/stop-unjust-raids.md}). Several may be given, separated by commas.
     */
    @Parameter(property = "file", required = true)
    private String file;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        BuildOptions options = new BuildOptions(basedir.toPath(), content.toPath(), Path.of("themes", "default"),
                Path.of("site"), Optional.empty(), Optional.empty(), 1);
        SiteBuilder builder = new SiteBuilder(options);
        for (String one : file.split(",")) {
            if (one.isBlank()) {
                continue;
            }
            try {
                TranslationRecorder.Recorded recorded = builder.recordTranslation(one.strip());
                if (recorded.changed()) {
                    getLog().info(recorded.file() + " is now recorded as translated from the current version of "
                            + recorded.source() + " (" + recorded.hash() + ")");
                } else {
                    getLog().info(recorded.file() + " already records the current version of " + recorded.source()
                            + "; nothing changed");
                }
            } catch (BuildFailedException e) {
                ProblemLog.print(getLog(), e.problems());
                throw new MojoFailureException("Could not record " + one.strip() + "; fix the problems above.");
            } catch (IOException e) {
                throw new MojoExecutionException("Could not write " + one.strip() + ": " + e.getMessage(), e);
            }
        }
    }
}
