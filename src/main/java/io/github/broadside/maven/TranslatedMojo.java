package io.github.broadside.maven;

import io.github.broadside.SiteBuilder;
import io.github.broadside.i18n.TranslationRecorder;
import io.github.broadside.problem.BuildFailedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Marks a translation as up to date with its source: records the source's current version in the
 * translation's front matter ({@code translationOf: {source, hash}}), so that the build stops
 * warning that it is stale. Run it after updating the translation:
 * {@code ./mvnw broadside:translated -Dbroadside.file=es/stop-unjust-raids.md}.
 */
@Mojo(name = "translated", threadSafe = true, requiresProject = false)
public class TranslatedMojo extends AbstractContentMojo {
    private static final RenamedProperty FILE = new RenamedProperty("file", "broadside.file");

    /**
     * The translation, inside the content folder ({@code es/stop-unjust-raids.md}) or from the
     * project folder ({@code content/es/stop-unjust-raids.md}). Several may be given, separated by
     * commas. Required.
     */
    @Parameter(property = "broadside.file")
    private String file;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> files = files();
        SiteBuilder builder = new SiteBuilder(options());
        for (String one : files) {
            try {
                TranslationRecorder.Recorded recorded = builder.recordTranslation(one);
                if (recorded.changed()) {
                    getLog().info(recorded.file() + " is now recorded as translated from the current version of "
                            + recorded.source() + " (" + recorded.hash() + ")");
                } else {
                    getLog().info(recorded.file() + " already records the current version of " + recorded.source()
                            + "; nothing changed");
                }
            } catch (BuildFailedException e) {
                ProblemLog.print(getLog(), e.problems());
                throw new MojoFailureException("Could not record " + one + "; fix the problems above.");
            } catch (IOException e) {
                throw new MojoExecutionException("Could not write " + one + ": " + e.getMessage(), e);
            }
        }
    }

    /** The translations to record, from {@code -Dbroadside.file} (or {@code -Dfile}, with a warning). */
    List<String> files() throws MojoFailureException {
        String given = renamed(FILE, file);
        List<String> files = given == null ? List.of()
                : Arrays.stream(given.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            throw new MojoFailureException("Name the translation to record: "
                    + "./mvnw broadside:translated -Dbroadside.file=es/stop-unjust-raids.md");
        }
        return files;
    }
}
