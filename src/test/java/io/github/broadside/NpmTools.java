package io.github.broadside;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools from the npm registry that tests install into {@code target/} (validators other projects
 * publish). Without npm, or offline, such a test is skipped on a developer's machine and fails in CI,
 * where {@code .ci/run} sets {@code BROWSER_REQUIRED=true} after installing Node.
 */
public final class NpmTools {
    private NpmTools() {
    }

    /**
     * Runs {@code command} with {@code sh} in {@code folder} (created if needed) and returns its output;
     * when it fails, skips or fails the calling test, naming {@code what} could not be set up.
     */
    public static String shell(Path folder, String command, String what) {
        String problem;
        String output = "";
        try {
            Files.createDirectories(folder);
            Process process = new ProcessBuilder("sh", "-c", command).directory(folder.toFile())
                    .redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            problem = process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0 ? null : output;
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem != null) {
            String reason = what + " could not be installed (" + command + "): " + problem;
            if (Boolean.parseBoolean(System.getenv("BROWSER_REQUIRED"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return output;
    }
}
