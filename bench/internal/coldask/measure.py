#!/usr/bin/env python3
"""Interleaved whole-process timing (docs/performance.md, "Cold start"):

    python3 bench/internal/coldask/measure.py SPEC.json RESULTS.json

SPEC.json: {"rounds": N, "variants": [{"label": ..., "cmd": [...]}], "ratios": [[a, b]]}.
Variants run in an order rotating per round. Measures of commands: /usr/bin/time -v for wall,
CPU and max RSS, and /proc/<pid>/smaps_rollup sampled every few ms until the
process exits (the last sample and the peaks are kept)."""
import json, os, re, subprocess, sys, time, statistics

def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []

def rollup(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            txt = f.read()
    except OSError:
        return None
    d = {}
    for line in txt.splitlines()[1:]:
        m = re.match(r"(\w+):\s+(\d+) kB", line)
        if m:
            d[m.group(1)] = int(m.group(2))
    return d or None

def run(cmd):
    p = subprocess.Popen(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    child, last, peak_anon, peak_file = None, None, 0, 0
    while p.poll() is None:
        if child is None:
            c = children(p.pid)
            child = c[0] if c else None
        if child is not None:
            r = rollup(child)
            if r:
                last = r
                peak_anon = max(peak_anon, r.get("Anonymous", 0))
                peak_file = max(peak_file, r.get("Rss", 0) - r.get("Anonymous", 0))
        time.sleep(0.003)
    err = p.stderr.read()
    def field(name):
        m = re.search(re.escape(name) + r".*?: (.*)", err)
        return m.group(1).strip() if m else None
    wall = field("Elapsed (wall clock) time")
    parts = [float(x) for x in wall.split(":")]
    secs = sum(x * 60 ** i for i, x in enumerate(reversed(parts)))
    if p.returncode != 0:
        sys.stderr.write(err[-2000:])
    return {"wall_s": secs, "user_s": float(field("User time (seconds)")), "sys_s": float(field("System time (seconds)")),
            "maxrss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
            "peak_anon_mb": peak_anon / 1024, "peak_file_mb": peak_file / 1024,
            "last_rollup": last, "rc": p.returncode}

def main():
    spec = json.load(open(sys.argv[1]))
    rounds = spec["rounds"]
    variants = spec["variants"]  # [{"label":..., "cmd":[...]}]
    res = {v["label"]: [] for v in variants}
    for r in range(rounds):
        order = variants[r % len(variants):] + variants[:r % len(variants)]
        for v in order:
            x = run(v["cmd"])
            res[v["label"]].append(x)
            print(v["label"], r, json.dumps({k: x[k] for k in ("wall_s", "user_s", "sys_s", "maxrss_mb", "peak_anon_mb", "peak_file_mb", "rc")}), flush=True)
    json.dump(res, open(sys.argv[2], "w"), indent=1)
    print("\nmedians:")
    for lab, xs in res.items():
        med = lambda k: statistics.median(x[k] for x in xs)
        print(f"{lab:30s} wall {med('wall_s'):.3f}s cpu {statistics.median(x['user_s']+x['sys_s'] for x in xs):.3f}s maxRSS {med('maxrss_mb'):.0f}MB peak anon {med('peak_anon_mb'):.0f}MB peak file-backed {med('peak_file_mb'):.0f}MB")
    pairs = spec.get("ratios", [])
    for a, b in pairs:
        for k in ("wall_s", "maxrss_mb", "peak_anon_mb"):
            rs = [x[k] / y[k] for x, y in zip(res[a], res[b]) if y[k] > 0]
            if rs:
                print(f"{a} / {b} {k}: median of per-round ratios {statistics.median(rs):.2f}x")
        rs = [(x['user_s']+x['sys_s']) / (y['user_s']+y['sys_s']) for x, y in zip(res[a], res[b]) if y['user_s']+y['sys_s'] > 0]
        print(f"{a} / {b} cpu: median of per-round ratios {statistics.median(rs):.2f}x")

main()
