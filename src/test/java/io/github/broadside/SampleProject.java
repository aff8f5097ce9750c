package io.github.broadside;

import java.nio.file.Path;

/** Test fixture: a copy of the repository's sample content and default theme in a temporary folder. */
public final class SampleProject {
    private SampleProject() {
    }

    /** Copies content/ and themes/ of this repository into {@code dir}; returns {@code dir}. */
    public static Path copyInto(Path dir) {
        TestTrees.copy(TestTrees.REPOSITORY.resolve("content"), dir.resolve("content"));
        TestTrees.copy(TestTrees.REPOSITORY.resolve("themes"), dir.resolve("themes"));
        return dir;
    }
}
