package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of every goal that reads a project's content (all but {@code init}): the project
 * folder and the content folder. A goal reads its parameters, hands the engine the
 * {@link BuildOptions} that {@link #options()} makes of them, and reports what came back; each
 * level below adds its own parameters in {@link #options(BuildOptions.Builder)}.
 */
abstract class AbstractContentMojo extends AbstractBroadsideMojo {

    /** The project folder; the content, theme, output and cache paths are resolved against it. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /** The content folder: site.yml and one folder of Markdown pages per language (en/, es/ ...). */
    @Parameter(property = "broadside.content", defaultValue = "content")
    private File content;

    /** The engine's options: these parameters over the conventional layout; a value it cannot take fails the goal. */
    BuildOptions options() throws MojoExecutionException {
        try {
            return options(BuildOptions.builder(basedir.toPath())).build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** Sets on {@code builder} what this goal's parameters say; a subclass adds its own after {@code super}'s. */
    BuildOptions.Builder options(BuildOptions.Builder builder) {
        return builder.content(content.toPath());
    }

    /** The project folder. */
    final File basedir() {
        return basedir;
    }
}
