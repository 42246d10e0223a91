package com.omniops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the kernel says about a process (Linux /proc): CPU time, resident memory, name and command line. */
final class ProcFs {

    /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ); 100 on every common Linux build. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();
    // A client backend names itself "postgres: [cluster: ]user database host(port) state"; other processes
    // (checkpointer, walwriter, autovacuum launcher, ...) and the postmaster do not.
    private static final Pattern BACKEND = Pattern.compile("^postgres: (?:\\S+: )?\\S+ (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\]).*");

    record Sample(long cpuMillis, long childrenCpuMillis, long rssKib, long anonKib, long shmemKib) {
    }

    private ProcFs() {
    }

    /** The process's CPU time (user + system) and memory, or null when it is gone. */
    static Sample sample(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) " field 3 (state) is f[0]; utime 14, stime 15, cutime 16, cstime 17
            long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long children = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            long rss = 0;
            long anon = 0;
            long shmem = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("RssAnon:")) {
                    anon = kib(line);
                } else if (line.startsWith("RssShmem:")) {
                    shmem = kib(line);
                }
            }
            return new Sample(cpu * 1000 / TICKS_PER_SECOND, children * 1000 / TICKS_PER_SECOND, rss, anon, shmem);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * PostgreSQL's processes, found by name: the server and its helpers, and the client backends — only those of
     * {@code database} when one is given (other databases' work on a shared server is not ours).
     */
    static List<Long> postgres(String database) {
        List<Long> pids = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (!Files.readString(dir.resolve("comm")).strip().equals("postgres")) {
                        continue;
                    }
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').strip();
                    var backend = BACKEND.matcher(cmdline);
                    if (database.isEmpty() || !backend.matches() || backend.group(1).equals(database)) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    /** The postmaster: the postgres process whose parent is not a postgres process. */
    static boolean isPostmaster(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> !readComm(parent.pid()).equals("postgres")).orElse(true);
    }

    /** Busy and total CPU time of the whole machine (all cores), from /proc/stat. */
    static long[] machineMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{(total - idle) * 1000 / TICKS_PER_SECOND, total * 1000 / TICKS_PER_SECOND};
        } catch (IOException e) {
            return new long[]{0, 0};
        }
    }

    private static String readComm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
