package io.github.broadside.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A computer that has never built anything with Maven: its own home folder (so an empty
 * {@code ~/.m2/repository} and no downloaded Maven under {@code ~/.m2/wrapper}), and a
 * {@code ~/.m2/settings.xml} whose only repository is a mirror of everything to the given one, as a
 * company mirror or a CI runner's would be. Commands run in it as a user types them.
 */
final class FreshMachine {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final Path home;
    private final URI repository;

    FreshMachine(Path home, URI repository) throws IOException {
        this.home = home;
        this.repository = repository;
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>stand-in-central</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repository));
    }

    Path localRepository() {
        return home.resolve(".m2/repository");
    }

    /** Runs a command (through {@code sh -c}, as typed) in {@code folder}; returns its output, asserting it succeeded. */
    String run(Path folder, String command) throws IOException, InterruptedException {
        Process process = start(folder, command);
        Output output = Output.of(process);
        boolean ended = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = output.text();
        assertThat(ended).as("'%s' ended within %s; output:%n%s", command, LIMIT, text).isTrue();
        assertThat(process.exitValue()).as("exit status of '%s' in %s; output:%n%s", command, folder, text)
                .isZero();
        return text;
    }

    /**
     * Starts a command that keeps running (a server), waits until its output has {@code ready}, calls
     * {@code whileRunning}, then stops it.
     */
    String runUntil(Path folder, String command, String ready, Visit whileRunning)
            throws IOException, InterruptedException {
        Process process = start(folder, command);
        Output output = Output.of(process, ready);
        try {
            boolean up = output.ready.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(up && process.isAlive()).as("'%s' printed '%s'; output:%n%s", command, ready, output.text())
                    .isTrue();
            whileRunning.visit();
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return output.text();
    }

    interface Visit {
        void visit() throws IOException, InterruptedException;
    }

    private Process start(Path folder, String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(folder.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Nothing of this build's own Maven may leak in: no options, no settings, no Maven home.
        env.keySet().removeIf(name -> name.startsWith("MAVEN_") || name.startsWith("MVNW_") || name.equals("M2_HOME")
                || name.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", home.toString());
        // Java takes user.home from the password file, not $HOME: Maven's ~/.m2 must be the fresh one.
        env.put("MAVEN_OPTS", "-Duser.home=" + home + " -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        // The wrapper downloads Maven from here instead of Central (and so does broadside-init.sh).
        env.put("MVNW_REPOURL", repository.toString());
        return builder.start();
    }

    /** A process's output, collected as it comes, noting when a line has the awaited text. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CountDownLatch ready = new CountDownLatch(1);
        private Thread reader;

        static Output of(Process process) {
            return of(process, null);
        }

        static Output of(Process process, String awaited) {
            Output output = new Output();
            output.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.text.append(line).append('\n');
                        if (awaited != null && line.contains(awaited)) {
                            output.ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    output.text.append("(output ended: ").append(e.getMessage()).append(")\n");
                }
            }, "fresh-machine-output");
            output.reader.setDaemon(true);
            output.reader.start();
            return output;
        }

        String text() {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> lines = new ArrayList<>(List.of(text.toString().split("\n")));
            // The last lines say why a command failed; the first ones are download progress.
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        }
    }
}
