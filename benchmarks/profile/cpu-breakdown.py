#!/usr/bin/env python3
"""CPU per placed order by thread and by component, from a JFR recording of one app during a benchmark run.

Per thread group, CPU comes from jdk.ThreadCPULoad (each thread's share of all cores, every 10 s), so JIT compiler
threads are counted too; what the process used beyond its Java threads (/proc, from the benchmark's report) is shown
as "GC and other native threads". Within a busy thread group, the time is split by component with jdk.ExecutionSample:
each sample goes to the library of the leaf-most frame that is not the JDK's own (a socket read under Tomcat counts
as Tomcat, a HashMap lookup inside jOOQ as jOOQ).

Usage: cpu-breakdown.py FILE.jfr --from 2026-12-03T13:14:15 --to 2026-12-03T13:15:15 \
           --cpu-ms-per-order 3.75 --orders 9979 [--cores 2]
  --from/--to: the benchmark's measured window (UTC, as JFR prints times); --cpu-ms-per-order and --orders: the
  benchmark report's figures for this process and window.
"""
import argparse, collections, json, os, re, subprocess

LIBRARIES = [  # first match wins; order matters (Axon's serializer before Jackson, specific Axon packages first)
    ("org.postgresql", "JDBC driver"), ("com.zaxxer", "Hikari"), ("org.jooq", "jOOQ"),
    ("org.axonframework.serialization", "event (de)serialization"), ("com.fasterxml.jackson", "Jackson"),
    ("org.axonframework.eventsourcing", "Axon event store / sourcing"),
    ("org.axonframework.eventhandling", "Axon event processing"),
    ("org.axonframework.modelling", "Axon aggregate model"), ("org.axonframework.commandhandling", "Axon command bus"),
    ("org.axonframework.messaging", "Axon handlers / interceptors"), ("org.axonframework", "Axon, other"),
    ("org.springframework.security", "Spring Security"), ("org.springframework.web", "Spring MVC"),
    ("org.springframework.transaction", "Spring transactions"), ("org.springframework.jdbc", "Spring JDBC"),
    ("org.springframework", "Spring, other"), ("org.apache", "Tomcat"), ("io.micrometer", "Micrometer"),
    ("ch.qos.logback", "logging"), ("org.slf4j", "logging"), ("com.omniops", "OmniOps code"),
]


def library(frames):
    for frame in frames:
        for prefix, name in LIBRARIES:
            if frame.startswith(prefix):
                if name == "Jackson":  # Jackson under Axon's serializer is event (de)serialization, else HTTP JSON
                    return "event (de)serialization" if any("org.axonframework.serialization" in f for f in frames) \
                        else "Jackson (HTTP JSON)"
                return name
    return "JDK only"


def thread_group(name):
    name = re.sub(r"\d+", "#", name or "?")
    if name.startswith("http-nio"):
        return "HTTP request threads"
    if "CompilerThread" in name:
        return "JIT compiler"
    m = re.match(r"(WorkPackage|Coordinator)\[(.*)\]", name)
    if m:
        return ("processor " if m.group(1) == "WorkPackage" else "coordinator of ") + m.group(2)
    return name


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file"); p.add_argument("--from", dest="start", required=True); p.add_argument("--to", required=True)
    p.add_argument("--cpu-ms-per-order", type=float, required=True); p.add_argument("--orders", type=int, required=True)
    p.add_argument("--cores", type=int, default=os.cpu_count())
    a = p.parse_args()
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--events", "jdk.ThreadCPULoad,jdk.ExecutionSample",
                          "--stack-depth", "128", a.file], capture_output=True, text=True, check=True).stdout
    cpu_ms = collections.Counter()
    samples = collections.defaultdict(collections.Counter)
    for event in json.loads(out)["recording"]["events"]:
        v = event["values"]
        if not (a.start <= v["startTime"][:19] < a.to):
            continue
        if event["type"] == "jdk.ThreadCPULoad":  # share of all cores over the 10 s period
            cpu_ms[thread_group((v.get("eventThread") or {}).get("javaName"))] += \
                (v["user"] + v["system"]) * 10_000 * a.cores
        else:
            frames = [f["method"]["type"]["name"].replace("/", ".")
                      for f in (v.get("stackTrace") or {}).get("frames", [])]
            samples[thread_group((v.get("sampledThread") or {}).get("javaName"))][library(frames)] += 1
    total = a.cpu_ms_per_order * a.orders
    java = sum(cpu_ms.values())
    print(f"{a.cpu_ms_per_order:.2f} ms CPU per order; Java threads {java / a.orders:.2f}, "
          f"GC and other native threads {max(0.0, total - java) / a.orders:.2f}")
    for group, ms in cpu_ms.most_common():
        per_order = ms / a.orders
        if per_order < 0.02:
            continue
        print(f"  {group:34s} {per_order:5.2f}")
        by_library = samples.get(group)
        if by_library and per_order >= 0.15:
            n = sum(by_library.values())
            print("      " + ", ".join(f"{lib} {per_order * k / n:.2f}" for lib, k in by_library.most_common(12)))


if __name__ == "__main__":
    main()
