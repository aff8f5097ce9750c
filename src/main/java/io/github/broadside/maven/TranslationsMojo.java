package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.site.TranslationReport;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints which pages are translated into which language (original, current, stale, untracked,
 * missing) and writes the same table as JSON for CI. Reads the content only; writes no site.
 */
@Mojo(name = "translations", threadSafe = true, requiresProject = false)
public class TranslationsMojo extends AbstractContentMojo {

    /** Where the JSON report is written. */
    @Parameter(property = "broadside.translationsReport", defaultValue = "target/broadside-translations.json")
    private File report;

    /** Fails the goal when a translation was made from an older version of its source. */
    @Parameter(property = "broadside.failOnStale", defaultValue = "false")
    private boolean failOnStale;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        BuildOptions options = options();
        Problems problems = new Problems();
        Site site = new SiteBuilder(options).load(problems);
        ProblemLog.print(getLog(), problems.sorted());
        if (problems.hasErrors()) {
            throw new MojoFailureException(problems.errorCount() + " errors in the content; fix them first");
        }
        TranslationReport result = TranslationReport.of(site);
        result.table().forEach(getLog()::info);
        Path json = reportFile();
        try {
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, result.json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + options.display(json) + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + options.display(json));
        int stale = site.translations().stale().size();
        if (failOnStale && stale > 0) {
            throw new MojoFailureException(stale + " stale translation" + (stale == 1 ? "" : "s")
                    + " (broadside.failOnStale is set)");
        }
    }

    /** The JSON report's file. */
    Path reportFile() {
        return basedir().toPath().resolve(report.toPath()).normalize();
    }

    /** Whether a stale translation fails the goal. */
    boolean failOnStale() {
        return failOnStale;
    }
}
