package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.content.ActionType;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.scaffold.NewPage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new campaign page with commented front matter for its action type:
 * {@code ./mvnw broadside:new -Dbroadside.title="Stop the raids" -Dbroadside.action=petition}. With
 * {@code -Dbroadside.from=en/stop-the-raids.md -Dbroadside.lang=es} it starts a translation of an
 * existing page instead, recording the source's hash so that check can tell when the source
 * changed. Never overwrites a file; prints the path of the file it wrote.
 */
@Mojo(name = "new", threadSafe = true, requiresProject = false)
public class NewMojo extends AbstractContentMojo {
    private static final RenamedProperty TITLE = new RenamedProperty("title", "broadside.title");
    private static final RenamedProperty ACTION = new RenamedProperty("action", "broadside.action");
    private static final RenamedProperty LANG = new RenamedProperty("lang", "broadside.lang");
    private static final RenamedProperty FROM = new RenamedProperty("from", "broadside.from");
    private static final RenamedProperty SLUG = new RenamedProperty("slug", "broadside.slug");

    /** The campaign's title; the file name and address are made from it. */
    @Parameter(property = "broadside.title")
    private String title;

    /** What readers are asked to do: petition, letter, call or statement. */
    @Parameter(property = "broadside.action", defaultValue = "petition")
    private String action;

    /** The language folder to write into; default: the site's default language. */
    @Parameter(property = "broadside.lang")
    private String lang;

    /** Starts a translation of this page (its path inside the content folder, e.g. en/stop-the-raids.md). */
    @Parameter(property = "broadside.from")
    private String from;

    /** The page's address segment; default: made from the title. */
    @Parameter(property = "broadside.slug")
    private String slug;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        NewPage.Request request = request();
        BuildOptions options = options();
        try {
            Path written = new NewPage(options).create(request);
            getLog().info("Wrote " + options.display(written));
            getLog().info("Preview it with ./mvnw broadside:serve (drafts are shown there).");
        } catch (BuildFailedException e) {
            ProblemLog.print(getLog(), e.problems());
            throw new MojoFailureException("No page was written. Fix the problem above and run again.");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the page: " + e.getMessage(), e);
        }
    }

    /** The page to write, from the parameters (or their old names, with a warning). */
    NewPage.Request request() throws MojoFailureException {
        String actionKey = renamed(ACTION, action);
        Optional<ActionType> type = ActionType.fromKey(actionKey == null ? "" : actionKey.trim());
        if (type.isEmpty()) {
            throw new MojoFailureException("-Dbroadside.action=" + actionKey + " is not an action type; use one of: "
                    + String.join(", ", ActionType.keys()));
        }
        return new NewPage.Request(Optional.ofNullable(renamed(TITLE, title)), type.get(),
                Optional.ofNullable(renamed(LANG, lang)), Optional.ofNullable(renamed(FROM, from)),
                Optional.ofNullable(renamed(SLUG, slug)), LocalDate.now());
    }
}
