package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.check.SiteCheck;
import io.github.broadside.problem.LogText;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the site before publishing, without writing site/: everything the build validates, plus
 * internal links and #anchors that lead nowhere, missing images and images without a text
 * alternative, files loaded from other sites, forms without a provider, and translations behind
 * their source. Prints one {@code file:line: level: message} line per problem (GitHub Actions
 * also gets annotations) and fails when there are errors, or warnings with
 * {@code -Dbroadside.failOn=warning}.
 */
@Mojo(name = "check", threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractPublishingMojo {

    /** What fails the check: 'error' (the default) or 'warning' (any problem at all). */
    @Parameter(property = "broadside.failOn", defaultValue = "error")
    private String failOn;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Severity threshold = threshold();
        BuildOptions options = options();
        SiteCheck.Report report;
        try {
            report = new SiteCheck(options).run();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not check the site: " + e.getMessage(), e);
        }
        // Plain lines on standard output, so editors and CI annotators can read them as they are.
        PrintStream out = System.out;
        boolean github = "true".equals(System.getenv("GITHUB_ACTIONS"));
        for (Problem problem : report.problems()) {
            out.println(LogText.lines(problem.format()));
            if (github) {
                out.println("::" + problem.severity().label() + " file=" + escape(problem.file())
                        + (problem.line() > 0 ? ",line=" + problem.line() : "")
                        + (problem.column() > 0 ? ",col=" + problem.column() : "") + "::"
                        + data(problem.message()));
            }
        }
        report.notes().forEach(note -> getLog().info(LogText.lines(note)));
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        String summary = "Checked " + report.pagesChecked() + " pages: " + errors + (errors == 1 ? " error, " : " errors, ")
                + warnings + (warnings == 1 ? " warning" : " warnings");
        if (report.fails(threshold)) {
            throw new MojoFailureException(summary + " (failing on " + threshold.label() + "s)");
        }
        getLog().info(summary);
    }

    /** The level of problem that fails the check, from {@code -Dbroadside.failOn}. */
    Severity threshold() throws MojoExecutionException {
        return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
            case "error", "errors" -> Severity.ERROR;
            case "warning", "warnings" -> Severity.WARNING;
            default -> throw new MojoExecutionException("-Dbroadside.failOn=" + failOn
                    + " is not a level; use error or warning");
        };
    }

    /** GitHub workflow-command escaping of a message. */
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub workflow-command escaping of a property value such as the file name. */
    private static String escape(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
