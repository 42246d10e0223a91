package com.omniops.system.faults;

import static org.awaitility.Awaitility.await;

import com.omniops.system.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of the apps as its own operating-system process, started from the runnable jar its module built, so a test can
 * kill it as a crash does ({@code kill -9}: no shutdown hook, no flush, connections cut) and start it again on the
 * same port and database. Its output goes to {@code target/faults/<name>-<n>.log}, one file per start.
 */
final class AppProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "faults");

    private final String module;
    private final String name;
    private final int port = freePort();
    private final List<String> args = new ArrayList<>();
    private Process process;
    private int starts;

    /** {@code module} is the Maven module whose {@code target/<module>-*-exec.jar} runs. */
    AppProcess(String module, String name) {
        this.module = module;
        this.name = name;
    }

    /** Arguments for every start (any {@code --server.port} among them gives way to this process's port). */
    AppProcess args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Starts the process and waits until it reports ready (its database reachable, its processors started). */
    void start() {
        starts++;
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Ddisable-axoniq-console-message=true", "-jar", jar().toString()));
        // Spring joins a repeated argument's values, so the port is given once: this one
        args.stream().filter(arg -> !arg.startsWith("--server.port=")).forEach(command::add);
        command.add("--server.port=" + port);
        Path log = LOGS.resolve(name + "-" + starts + ".log");
        try {
            Files.createDirectories(LOGS);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(name + " ready (log " + log + ")").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return Http.get(url() + "/actuator/health/readiness").status() == 200;
                });
    }

    /** As {@code kill -9}: the JVM gets no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /**
     * As {@code kill} (SIGTERM) does, which is how a deployment stops a node: it shuts down gracefully. True when it
     * exited on its own within a minute (it is killed after that).
     */
    boolean stop() {
        process.destroy();
        return waitFor();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (running()) {
            stop();
        }
    }

    private boolean waitFor() {
        try {
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The runnable jar {@code ./mvnw verify} (or {@code install}) built in the module's target directory. */
    private Path jar() {
        Path target = Path.of("..", module, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target.toAbsolutePath()
                            + ": build the module first (./mvnw install -DskipTests)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM running the tests runs the apps too. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
