package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.content.ActionType;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.scaffold.NewPage;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new campaign page with commented front matter for its action type:
 * {@code ./mvnw broadside:new -Dtitle="Stop the raids" -Daction=petition}. With
 * {@code -Dfrom=en/stop-the-raids.md -Dlang=es} it starts a translation of an existing page instead,
 * recording the source's hash so that check can tell when the source changed. Never overwrites a
 * file; prints the path of the file it wrote.
 */
@Mojo(name = "new", threadSafe = true, requiresProject = false)
public class NewMojo extends AbstractMojo {

    /** The project folder. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /** The content folder. */
    @Parameter(property = "broadside.content", defaultValue = "content")
    private File content;

    /** The campaign's title; the file name and address are made from it. */
    @Parameter(property = "title")
    private String title;

    /** What readers are asked to do: petition, letter, call or statement. */
    @Parameter(property = "action", defaultValue = "petition")
    private String action;

    /** The language folder to write into; default: the site's default language. */
    @Parameter(property = "lang")
    private String lang;

    /** Starts a translation of this page (its path inside the content folder, e.g. en/stop-the-raids.md). */
    @Parameter(property = "from")
    private String from;

    /** The page's address segment; default: made from the title. */
    @Parameter(property = "slug")
    private String slug;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<ActionType> type = ActionType.fromKey(action == null ? "" : action.trim());
        if (type.isEmpty()) {
            throw new MojoFailureException("-Daction=" + action + " is not an action type; use one of: "
                    + String.join(", ", ActionType.keys()));
        }
        BuildOptions options = BuildOptions.defaults(basedir.toPath()).withContentDir(content.toPath());
        NewPage.Request request = new NewPage.Request(Optional.ofNullable(title), type.get(),
                Optional.ofNullable(lang), Optional.ofNullable(from), Optional.ofNullable(slug), LocalDate.now());
        try {
            var written = new NewPage(options).create(request);
            getLog().info("Wrote " + options.display(written));
            getLog().info("Preview it with ./mvnw broadside:serve (drafts are shown there).");
        } catch (BuildFailedException e) {
            ProblemLog.print(getLog(), e.problems());
            throw new MojoFailureException("No page was written. Fix the problem above and run again.");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the page: " + e.getMessage(), e);
        }
    }
}
