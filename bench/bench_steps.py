"""The measuring steps of run_bench.py. Each returns a dict of figures (medians)."""
import json
import os
import shutil

import bench_lib as bl

PYTHON = "/usr/bin/python3"
EXPORT_FORMATS = ["graphml", "gexf", "json"]


class Tools:
    def __init__(self, build, root, here):
        self.root, self.here = root, here
        self.kamergraph = os.path.join(build, "kamergraph")
        self.driver = os.path.join(build, "bench", "kg_bench")
        self.micro = os.path.join(build, "bench", "kg_bench_matcher")
        self.rules = os.path.join(root, "rules")
        self.rg = shutil.which("rg")

    def missing(self):
        return [p for p in (self.kamergraph, self.driver, self.micro) if not os.path.exists(p)]

    def script(self, name):
        return os.path.join(self.here, name)


class Config:
    def __init__(self, sizes, shard_mb, repeat, peer_mb, gazetteers, synth, micro_time):
        self.sizes, self.shard_mb, self.repeat, self.peer_mb = sizes, shard_mb, repeat, peer_mb
        self.gazetteers, self.synth, self.micro_time = gazetteers, synth, micro_time


def corpus_bytes(paths):
    total = 0
    for p in paths:
        for root, _, names in os.walk(p):
            total += sum(os.path.getsize(os.path.join(root, n)) for n in names)
    return total


def corpus(tools, work, cfg, results):
    print("\ngenerating the corpus (%s MB, cached in %s)" % (max(cfg.sizes), work), flush=True)
    r = bl.checked([PYTHON, tools.script("gen_corpus.py"), "--out", os.path.join(work, "corpus"),
                    "--mb", str(max(cfg.sizes)), "--shard-mb", str(cfg.shard_mb)])
    shards = r.out.split()
    results["corpus"] = {"shards": len(shards), "generate_s": r.wall}
    return shards


def timed(cmd, n, before=None):
    """n runs of cmd (before() runs first each time); the runs, all succeeded or raise."""
    runs = []
    for _ in range(n):
        if before:
            before()
        r = bl.run(cmd)
        if r.rc not in (0, 2):  # 2: ingest skipped a file; the rest was done
            raise RuntimeError("%s failed (exit %d):\n%s" % (" ".join(cmd), r.rc, r.err[-2000:]))
        runs.append(r)
    return runs


def project(nbytes, rate):
    return nbytes / 1e6 / rate if rate else None


def bench_size(tools, work, cfg, budget, size, paths, prev):
    nbytes = corpus_bytes(paths)
    res = {"mb": nbytes / 1e6, "docs": sum(len(os.listdir(p)) for p in paths)}
    print("\n== %.1f MB (%d documents)" % (res["mb"], res["docs"]), flush=True)
    rate = lambda key: prev.get(key) if prev else None

    projected = project(nbytes, rate("extract_mb_s"))
    if budget.allow("extract %.0f MB" % res["mb"], projected):
        n = bl.repeats(projected, cfg.repeat)
        runs = [bl.checked([tools.driver, "extract", "--stages", *paths]).json()]
        runs += [bl.checked([tools.driver, "extract", *paths]).json() for _ in range(n - 1)]
        res["extract_mb_s"] = bl.median([r["mb_per_s"] for r in runs])
        res["extract_peak_mib"] = bl.median([r["peak_rss_kib"] / 1024 for r in runs])
        res["extract_stages"] = dict(runs[0]["stages"], extract_s=runs[0]["extract_s"],
                                     compile_s=runs[0]["compile_s"])
        print("  extract: %.2f MB/s per core" % res["extract_mb_s"], flush=True)

    db = os.path.join(work, "db")
    clear = lambda: shutil.rmtree(db, ignore_errors=True)
    for jobs in (1, 2):
        key = "ingest_j%d" % jobs
        projected = project(nbytes, rate(key + "_mb_s") or (res.get("extract_mb_s") or 0) * jobs)
        if not budget.allow("ingest --jobs %d %.0f MB" % (jobs, res["mb"]), projected):
            continue
        n = bl.repeats(projected, cfg.repeat)
        runs = timed([tools.kamergraph, "ingest", *paths, "--db", db, "--jobs", str(jobs)], n,
                     before=clear)
        res[key + "_mb_s"] = bl.median([nbytes / 1e6 / r.wall for r in runs])
        res[key + "_peak_mib"] = bl.median([r.peak_mib for r in runs])
        print("  ingest --jobs %d: %.2f MB/s, peak %.0f MiB" %
              (jobs, res[key + "_mb_s"], res[key + "_peak_mib"]), flush=True)
    if os.path.isdir(db):
        res["exports"] = export_graph(tools, work, cfg, budget, db)

    projected = project(nbytes, rate("store_mb_s") or res.get("ingest_j1_mb_s"))
    if budget.allow("store share %.0f MB" % res["mb"], projected):
        sdb = os.path.join(work, "db-store")
        runs = []
        for _ in range(bl.repeats(projected, cfg.repeat)):
            shutil.rmtree(sdb, ignore_errors=True)
            runs.append(bl.checked([tools.driver, "store", "--db", sdb, *paths]).json())
        shutil.rmtree(sdb, ignore_errors=True)
        res["store_mb_s"] = bl.median([r["mb_per_s"] for r in runs])
        res["storage_share"] = bl.median([r["storage_share"] for r in runs])
        print("  in the store: %.1f%% of the time" % (100 * res["storage_share"]), flush=True)
    clear()
    return res


def export_graph(tools, work, cfg, budget, db):
    out = {}
    for fmt in EXPORT_FORMATS:
        path = os.path.join(work, "export." + fmt)
        r = bl.run([tools.kamergraph, "export", "--db", db, "--format", fmt, "--out", path])
        if r.rc != 0:
            out[fmt] = {"available": False, "error": (r.err.strip().splitlines() or [""])[-1]}
            print("  export %s: not available (%s)" % (fmt, out[fmt]["error"]), flush=True)
            continue
        runs = [r] + timed([tools.kamergraph, "export", "--db", db, "--format", fmt,
                            "--out", path], bl.repeats(r.wall, cfg.repeat) - 1)
        size = os.path.getsize(path) if os.path.exists(path) else 0
        out[fmt] = {"available": True, "seconds": bl.median([x.wall for x in runs]),
                    "peak_mib": bl.median([x.peak_mib for x in runs]), "mb": size / 1e6}
        print("  export %s: %.2f s, peak %.0f MiB, %.1f MB" %
              (fmt, out[fmt]["seconds"], out[fmt]["peak_mib"], size / 1e6), flush=True)
        if os.path.exists(path):
            os.remove(path)
    return out


def peer_subset(shard, work, mb):
    """The first documents of a shard adding up to `mb`, hard-linked into one folder."""
    dest = os.path.join(work, "peers-%g" % mb)
    if not os.path.isdir(dest):
        tmp = dest + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        total = 0
        for name in sorted(os.listdir(shard)):
            if total >= mb * 1e6:
                break
            os.link(os.path.join(shard, name), os.path.join(tmp, name))
            total += os.path.getsize(os.path.join(shard, name))
        os.rename(tmp, dest)
    return dest


def literals_file(tools, work):
    path = os.path.join(work, "gazetteer-literals.txt")
    gaz = os.path.join(tools.rules, "gazetteer")
    pats = set()
    for name in sorted(os.listdir(gaz)):
        if name.endswith(".jsonl"):
            with open(os.path.join(gaz, name), encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line and not line.startswith("//"):
                        pats.add(json.loads(line)["pattern"])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(pats)) + "\n")
    return path, len(pats)


def peers(tools, work, cfg, budget, subset):
    nbytes = corpus_bytes([subset])
    res = {"mb": nbytes / 1e6}
    print("\n== peers on the same %.2f MB" % res["mb"], flush=True)
    runs = [bl.checked([tools.driver, "extract", "--stages", subset]).json()
            for _ in range(cfg.repeat)]
    res["kamergraph_extract_mb_s"] = bl.median([r["mb_per_s"] for r in runs])
    res["kamergraph_gazetteer_mb_s"] = bl.median(
        [nbytes / 1e6 / (r["stages"]["normalise_s"] + r["stages"]["entities_s"]) for r in runs])
    for variant in ("naive", "trie"):
        if not budget.allow("python re (%s)" % variant, None):
            continue
        r = bl.checked([PYTHON, tools.script("baseline_re.py"), "--" + variant, subset]).json()
        res["python_%s_mb_s" % variant] = r["mb_per_s"]
        res["python_rules_skipped"] = r["rules_skipped"]
        print("  python re (%s): %.3f MB/s" % (variant, r["mb_per_s"]), flush=True)
    if tools.rg:
        lits, count = literals_file(tools, work)
        runs = timed([tools.rg, "-F", "-i", "-c", "-j", "1", "-f", lits, subset], cfg.repeat)
        res["rg_mb_s"] = bl.median([nbytes / 1e6 / r.wall for r in runs])
        res["rg_literals"] = count
        print("  rg -F -i -f (%d literals, 1 thread): %.1f MB/s" % (count, res["rg_mb_s"]),
              flush=True)
    return res


def micro(tools, cfg, subset):
    r = bl.checked([tools.micro, "--benchmark_format=json",
                    "--benchmark_min_time=%g" % cfg.micro_time], env={"KG_BENCH_CORPUS": subset})
    data = json.loads(r.out)
    return {b["name"]: b.get("bytes_per_second", 0) / 1e6 for b in data["benchmarks"]}


def gazetteer_scaling(tools, work, cfg, budget, subset):
    out = []
    print("\n== gazetteer size (on the peers' text)", flush=True)
    for entries in cfg.gazetteers:
        if not budget.allow("gazetteer %d" % entries, None):
            continue
        rules = os.path.join(work, "rules-%d" % entries)
        bl.checked([PYTHON, tools.script("gen_gazetteer.py"), "--rules", tools.rules,
                    "--entries", str(entries), "--out", rules])
        runs = [bl.checked([tools.driver, "extract", "--stages", "--rules", rules, subset]).json()
                for _ in range(max(1, cfg.repeat - 1))]
        mb = runs[0]["bytes"] / 1e6
        row = {"entries": runs[0]["gazetteer_entries"],
               "compile_s": bl.median([r["compile_s"] for r in runs]),
               "extract_mb_s": bl.median([r["mb_per_s"] for r in runs]),
               "entities_mb_s": bl.median([mb / r["stages"]["entities_s"] for r in runs]),
               "peak_mib": bl.median([r["peak_rss_kib"] / 1024 for r in runs])}
        out.append(row)
        print("  %6d entries: compile %.2f s, extract %.2f MB/s, gazetteer scan %.1f MB/s" %
              (row["entries"], row["compile_s"], row["extract_mb_s"], row["entities_mb_s"]),
              flush=True)
        shutil.rmtree(rules, ignore_errors=True)
    return out


def synthetic_export(tools, work, cfg, budget):
    nodes, edges = cfg.synth
    out = {"nodes": nodes, "edges": edges}
    print("\n== synthetic graph: %d nodes, %d edges" % (nodes, edges), flush=True)
    r = bl.checked([tools.driver, "export", "--format", ",".join(EXPORT_FORMATS),
                    "--nodes", str(nodes), "--edges", str(edges), "--repeat", str(cfg.repeat),
                    "--out", os.path.join(work, "synthetic.out")]).json()
    out["build_s"], out["graph_mib"] = r["build_s"], r["graph_rss_kib"] / 1024
    for fmt in EXPORT_FORMATS:
        f = r["formats"][fmt]
        if not f["available"]:
            out[fmt] = {"available": False}
            print("  %s: not in this build" % fmt, flush=True)
            continue
        runs = f["runs"]
        out[fmt] = {"available": True,
                    "seconds": bl.median([x["seconds"] for x in runs]),
                    "export_peak_add_mib": bl.median([x["export_peak_add_kib"] / 1024 for x in runs]),
                    "mb": runs[0]["bytes"] / 1e6}
        print("  %s: %.2f s, %.0f MB, export adds %.1f MiB to a %.0f MiB graph" %
              (fmt, out[fmt]["seconds"], out[fmt]["mb"], out[fmt]["export_peak_add_mib"],
               out["graph_mib"]), flush=True)
    return out
