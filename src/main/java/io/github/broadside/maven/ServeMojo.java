package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import io.github.broadside.serve.DevServer;
import io.github.broadside.serve.ServeLog;
import io.github.broadside.serve.ServeOptions;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Previews the site while you edit it: builds it into target/broadside/serve-site (never into
 * site/), serves it on http://127.0.0.1:8080/, and rebuilds the pages a change affects whenever a
 * file in the content folder or the theme is saved; open pages reload by themselves. Drafts are
 * shown. Build errors are listed on every page until they are fixed; the server keeps running.
 * Forms of the 'local' provider post to a sink that appends to target/broadside/submissions.jsonl.
 * Stop with Ctrl+C.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends AbstractRenderingMojo {

    /**
     * The site folder that build writes; serve never writes there, and refuses a
     * -Dbroadside.serveOutput inside it.
     */
    @Parameter(property = "broadside.output", defaultValue = "site")
    private File output;

    /** The port to serve on; 0 picks a free one. */
    @Parameter(property = "broadside.port", defaultValue = "8080")
    private int port;

    /**
     * The address to listen on. The default only accepts connections from this computer; use
     * 0.0.0.0 to let phones on the same network open the preview (anyone on it can then see it).
     */
    @Parameter(property = "broadside.host", defaultValue = "127.0.0.1")
    private String host;

    /** The folder serve builds into and serves from; emptied when serve starts. */
    @Parameter(property = "broadside.serveOutput", defaultValue = "${project.build.directory}/broadside/serve-site")
    private File serveOutput;

    /** The file the local form sink appends one JSON line per submission to. */
    @Parameter(property = "broadside.submissions",
            defaultValue = "${project.build.directory}/broadside/submissions.jsonl")
    private File submissions;

    @Override
    public void execute() throws MojoExecutionException {
        ServeOptions options = serveOptions();
        DevServer server;
        try {
            server = DevServer.start(options, new MavenServeLog());
        } catch (BindException e) {
            throw new MojoExecutionException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "). Is serve already running? Stop it, or pick another port: -Dbroadside.port=8081");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start serve: " + e.getMessage(), e);
        }
        Thread hook = new Thread(() -> {
            getLog().info("Stopping serve");
            server.close();
        }, "broadside-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /** What serve runs with: the build options of these parameters, the address and serve's own files. */
    ServeOptions serveOptions() throws MojoExecutionException {
        BuildOptions build = options();
        if (port < 0 || port > 65535) {
            throw new MojoExecutionException("-Dbroadside.port=" + port + " is not a port; use 1 to 65535, or 0 for a free one");
        }
        try {
            return new ServeOptions(build, host, port, serveOutput.toPath(), submissions.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage() + "; choose another -Dbroadside.serveOutput");
        }
    }

    @Override
    BuildOptions.Builder options(BuildOptions.Builder builder) {
        return super.options(builder).output(output.toPath());
    }

    private final class MavenServeLog implements ServeLog {
        @Override
        public void info(String line) {
            getLog().info(line);
        }

        @Override
        public void warn(String line) {
            getLog().warn(line);
        }

        @Override
        public void error(String line) {
            getLog().error(line);
        }
    }
}
