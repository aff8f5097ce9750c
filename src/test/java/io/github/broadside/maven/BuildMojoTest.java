package io.github.broadside.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build goal passes what Maven injected to the engine: folders, overrides and the card cache. */
class BuildMojoTest {
    @TempDir
    Path project;

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private BuildMojo mojo() throws ReflectiveOperationException {
        BuildMojo mojo = new BuildMojo();
        set(mojo, "basedir", project.toFile());
        set(mojo, "content", new File("content"));
        set(mojo, "theme", new File("themes/default"));
        set(mojo, "output", new File("site"));
        set(mojo, "cache", project.resolve("target/broadside").toFile());
        return mojo;
    }

    @Test
    void mapsItsParametersToBuildOptions() throws ReflectiveOperationException {
        BuildMojo mojo = mojo();
        set(mojo, "baseUrl", "  ");
        set(mojo, "threads", 0);
        set(mojo, "compress", true);
        BuildOptions options = mojo.options();
        assertThat(options.contentDir()).isEqualTo(project.resolve("content"));
        assertThat(options.outputDir()).isEqualTo(project.resolve("site"));
        assertThat(options.baseUrl()).as("a blank override is no override").isEmpty();
        assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.compress()).isTrue();
        assertThat(options.cacheDir()).contains(project.resolve("target/broadside"));
        assertThat(options.force()).as("an unmarked output folder is refused unless forced").isFalse();
        set(mojo, "force", true);
        assertThat(mojo.options().force()).isTrue();
    }

    @Test
    void theCacheFolderMayBeRelativeToTheProject() throws ReflectiveOperationException {
        BuildMojo mojo = mojo();
        set(mojo, "cache", new File("build-cache"));
        set(mojo, "threads", 3);
        BuildOptions options = mojo.options();
        assertThat(options.cacheDir()).contains(project.resolve("build-cache"));
        assertThat(options.threads()).isEqualTo(3);
    }
}
