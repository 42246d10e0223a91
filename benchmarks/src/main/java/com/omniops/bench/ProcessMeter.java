package com.omniops.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * CPU time and memory per process over the measured window, read from the OS (/proc): the command side, the query
 * side, PostgreSQL (all its processes) and this generator. CPU = user + system time consumed between the window's
 * start and end. Memory is sampled every second: RSS for a JVM, and for PostgreSQL Σ private (anonymous) memory plus
 * the largest shared-memory share once, since every backend maps the same shared buffers. Heap comes from the apps'
 * own metrics (GET /actuator/metrics/jvm.memory.used?tag=area:heap), this generator's from its MemoryMXBean.
 */
final class ProcessMeter {

    /** One process group's figures over the window. */
    record Usage(String name, long cpuMillis, int processes, long rssPeakKib, long rssEndKib, long heapPeakBytes,
                 long heapEndBytes) {
    }

    private record Group(String name, Supplier<List<Long>> pids, Supplier<Long> heap) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Long> rssPeak = new HashMap<>();
    private final Map<String, Long> heapPeak = new HashMap<>();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final String pgDatabase;
    private long postmasterChildrenAtStart;
    private long[] machineAtStart;
    private volatile boolean stopped;
    private Thread sampler;

    ProcessMeter(Options options, Api api) {
        pgDatabase = options.pgDatabase();
        if (options.commandPid() > 0) {
            groups.add(new Group("command side", () -> List.of((long) options.commandPid()),
                    () -> heapOf(api, api.commandUrl())));
        }
        if (options.queryPid() > 0) {
            groups.add(new Group("query side", () -> List.of((long) options.queryPid()),
                    () -> heapOf(api, api.queryUrl())));
        }
        groups.add(new Group("PostgreSQL", () -> ProcFs.postgres(pgDatabase), () -> -1L));
        groups.add(new Group("load generator", () -> List.of(ProcessHandle.current().pid()),
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
    }

    void start() {
        for (Group group : groups) {
            for (long pid : group.pids().get()) {
                ProcFs.Sample s = ProcFs.sample(pid);
                if (s != null) {
                    cpuAtStart.put(pid, s.cpuMillis());
                    if (ProcFs.isPostmaster(pid) && group.name().equals("PostgreSQL")) {
                        postmasterChildrenAtStart = s.childrenCpuMillis();
                    }
                }
            }
        }
        machineAtStart = ProcFs.machineMillis();
        sampler = Thread.ofPlatform().name("process-meter").daemon().start(() -> {
            int tick = 0;
            while (!stopped) {
                sampleMemory(tick++ % 2 == 0);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Ends the window: each group's CPU since {@link #start}, and the machine's busy cores over the window. */
    Result stop(double windowSeconds) throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join();
        List<Usage> usages = new ArrayList<>();
        long ours = 0;
        for (Group group : groups) {
            long cpu = 0;
            long rssEnd = 0;
            List<Long> pids = group.pids().get();
            for (long pid : pids) {
                ProcFs.Sample s = ProcFs.sample(pid);
                if (s == null) {
                    continue;
                }
                // a process that started in the window (a new backend) spent all its CPU in it
                cpu += s.cpuMillis() - cpuAtStart.getOrDefault(pid, 0L);
                if (group.name().equals("PostgreSQL") && ProcFs.isPostmaster(pid) && pgDatabase.isEmpty()) {
                    cpu += s.childrenCpuMillis() - postmasterChildrenAtStart; // backends that ended in the window
                }
            }
            rssEnd = memoryOf(group.name(), pids);
            long heapEnd = group.heap().get();
            ours += cpu;
            usages.add(new Usage(group.name(), cpu, pids.size(), Math.max(rssEnd, rssPeak.getOrDefault(group.name(), 0L)),
                    rssEnd, Math.max(heapEnd, heapPeak.getOrDefault(group.name(), -1L)), heapEnd));
        }
        long[] machine = ProcFs.machineMillis();
        double busyCores = (machine[0] - machineAtStart[0]) / 1000.0 / windowSeconds;
        double otherCores = Math.max(0, busyCores - ours / 1000.0 / windowSeconds);
        return new Result(usages, busyCores, otherCores, Runtime.getRuntime().availableProcessors());
    }

    record Result(List<Usage> usages, double machineBusyCores, double otherBusyCores, int cores) {
        Map<String, Usage> byName() {
            Map<String, Usage> map = new LinkedHashMap<>();
            usages.forEach(u -> map.put(u.name(), u));
            return map;
        }
    }

    private void sampleMemory(boolean withHeap) {
        for (Group group : groups) {
            rssPeak.merge(group.name(), memoryOf(group.name(), group.pids().get()), Math::max);
            if (withHeap) {
                heapPeak.merge(group.name(), group.heap().get(), Math::max);
            }
        }
    }

    private static long memoryOf(String group, List<Long> pids) {
        if (!group.equals("PostgreSQL")) {
            ProcFs.Sample s = pids.isEmpty() ? null : ProcFs.sample(pids.get(0));
            return s == null ? 0 : s.rssKib();
        }
        long anon = 0;
        long shmem = 0;
        for (long pid : pids) {
            ProcFs.Sample s = ProcFs.sample(pid);
            if (s != null) {
                anon += s.anonKib();
                shmem = Math.max(shmem, s.shmemKib());
            }
        }
        return anon + shmem;
    }

    private static Long heapOf(Api api, String baseUrl) {
        try {
            var response = api.get(baseUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap");
            if (response.statusCode() != 200) {
                return -1L;
            }
            return (long) Api.parse(response.body()).path("measurements").path(0).path("value").asDouble(-1);
        } catch (Exception e) {
            return -1L;
        }
    }
}
