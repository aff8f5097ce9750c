package io.github.broadside.maven;

import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.scaffold.SiteScaffold;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a new campaign-site project in the current (empty) folder:
 * {@code mvn io.github.broadside:broadside-maven-plugin:<version>:init -Dbroadside.title="Our campaigns"},
 * or with only Java, {@code sh broadside-init.sh -Dbroadside.title="Our campaigns"}. It writes pom.xml (asking
 * for this plugin's version), the Maven wrapper, content/ with site.yml, an example campaign and a
 * privacy page, a copy of the default theme, .gitignore, CI recipes for GitHub Pages, GitLab Pages,
 * Netlify and Cloudflare Pages, and a README with the commands to preview and build. Never
 * overwrites a file; with -Dbroadside.addMissing=true it adds to an existing site the files a newer
 * version introduced.
 */
@Mojo(name = "init", threadSafe = true, requiresProject = false)
public class InitMojo extends AbstractBroadsideMojo {
    private static final RenamedProperty TITLE = new RenamedProperty("title", "broadside.title");
    private static final RenamedProperty BASE_URL = new RenamedProperty("baseUrl", "broadside.baseUrl");

    /** The folder to create the project in; the current folder by default. */
    @Parameter(property = "broadside.dir", defaultValue = "${user.dir}")
    private File dir;

    /** The site's title. */
    @Parameter(property = "broadside.title", defaultValue = "Our campaigns")
    private String title;

    /** The address the site will be published at; CI recipes override it per deploy. */
    @Parameter(property = "broadside.baseUrl", defaultValue = "https://campaigns.example.org/")
    private String baseUrl;

    /**
     * The Broadside version the new site's pom.xml asks for; by default the version of the plugin
     * that runs init. A site only builds elsewhere (on CI, on a colleague's computer) with a version
     * released to Maven Central, so a {@code -SNAPSHOT} here draws a warning.
     */
    @Parameter(property = "broadside.pluginVersion", defaultValue = "${plugin.version}")
    private String pluginVersion;

    /**
     * On an existing Broadside site: add only the files that a Broadside newer than the one its
     * pom.xml asks for introduced, overwriting nothing (see docs/upgrading.md).
     */
    @Parameter(property = "broadside.addMissing", defaultValue = "false")
    private boolean addMissing;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SiteScaffold.Request request = request();
        try {
            if (addMissing) {
                report(SiteScaffold.addMissing(request));
                return;
            }
            List<String> written = SiteScaffold.create(request);
            getLog().info("Created a Broadside site in " + dir + " (" + written.size() + " files), including:");
            written.stream().filter(f -> !f.startsWith("themes/")).forEach(f -> getLog().info("  " + f));
            getLog().info("  themes/default/ (the default theme, yours to change)");
            getLog().info("Next: ./mvnw broadside:serve   (preview at http://127.0.0.1:8080/)");
            getLog().info("      ./mvnw broadside:build   (the site, in site/)");
            if (pluginVersion.endsWith("-SNAPSHOT")) {
                getLog().warn("pom.xml asks for broadside-maven-plugin " + pluginVersion + ", a development version"
                        + " that exists only where it was built and installed: CI and other computers will not find it.");
                getLog().warn("Before you publish, set <broadside.version> in pom.xml to a released version, or run"
                        + " init again with -Dbroadside.pluginVersion=<a released version>.");
            }
        } catch (BuildFailedException e) {
            ProblemLog.print(getLog(), e.problems());
            throw new MojoFailureException("No project was created.");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the project: " + e.getMessage(), e);
        }
    }

    /** The project to create, from the parameters (or their old names, with a warning). */
    SiteScaffold.Request request() {
        return new SiteScaffold.Request(dir.toPath(), renamed(TITLE, title), renamed(BASE_URL, baseUrl), pluginVersion,
                LocalDate.now());
    }

    /** Whether init adds the missing files to an existing site rather than creating one. */
    boolean addMissing() {
        return addMissing;
    }

    private void report(SiteScaffold.Additions additions) {
        if (additions.added().isEmpty()) {
            getLog().info("Nothing to add: the site has every file Broadside " + pluginVersion + " introduced after "
                    + additions.siteVersion() + ".");
        } else {
            getLog().info("Added " + additions.added().size() + " files introduced after Broadside "
                    + additions.siteVersion() + ":");
            additions.added().forEach(f -> getLog().info("  + " + f));
        }
        getLog().info("Left alone: " + additions.present().size() + " files the site already has (never overwritten).");
        if (!additions.leftOut().isEmpty()) {
            getLog().info("Not added, as old as the site's version (deleted on purpose, it seems):");
            additions.leftOut().forEach(f -> getLog().info("  - " + f));
        }
        if (!additions.siteVersion().equals(pluginVersion)) {
            getLog().info("Next: set <broadside.version> in pom.xml to " + pluginVersion
                    + ", then ./mvnw broadside:check (docs/upgrading.md).");
        }
    }
}
