"""The summary of run_bench.py: tables, the spec §9 targets, the peer ratios, the plot."""
import bench_lib as bl

TARGETS = {"extract_mb_s": 50.0, "ingest_j2_mb_s": 25.0, "storage_share": 0.25,
           "graphml_1m_s": 2.0}


def ratio(a, b):
    return a / b if a and b else None


def print_all(res):
    sizes = res.get("sizes", [])
    bl.table("Throughput by corpus size (MB/s; medians)",
             ["MB", "docs", "extract/core", "ingest j1", "ingest j2", "j2/j1", "store %",
              "peak MiB j1", "peak MiB j2"],
             [[s["mb"], s["docs"], s.get("extract_mb_s"), s.get("ingest_j1_mb_s"),
               s.get("ingest_j2_mb_s"), ratio(s.get("ingest_j2_mb_s"), s.get("ingest_j1_mb_s")),
               100 * s["storage_share"] if s.get("storage_share") is not None else None,
               s.get("ingest_j1_peak_mib"), s.get("ingest_j2_peak_mib")] for s in sizes])
    bl.table("Where extraction spends its time (first run, seconds)",
             ["MB", "compile", "read", "normalise", "segment", "gazetteer", "rules+resolve"],
             [[s["mb"], st.get("compile_s"), st.get("read_s"), st.get("normalise_s"),
               st.get("segment_s"), st.get("entities_s"),
               st["extract_s"] - st["normalise_s"] - st["segment_s"] - st["entities_s"]]
              for s in sizes for st in [s.get("extract_stages")] if st])
    rows = []
    for s in sizes:
        for fmt, e in sorted(s.get("exports", {}).items()):
            rows.append([s["mb"], fmt, e.get("seconds") if e["available"] else "n/a",
                         e.get("peak_mib"), e.get("mb")])
    bl.table("Export of the ingested graph (kamergraph export, whole process)",
             ["corpus MB", "format", "seconds", "peak MiB", "file MB"], rows)
    syn = res.get("synthetic_export", {})
    bl.table("Synthetic graph export (%s nodes, %s edges, %s MiB in memory; writer only)" %
             (syn.get("nodes"), syn.get("edges"), bl.fmt(syn.get("graph_mib"), 0)),
             ["format", "seconds", "file MB", "MB/s", "export adds MiB"],
             [[f, e.get("seconds") if e["available"] else "n/a", e.get("mb"),
               ratio(e.get("mb"), e.get("seconds")), e.get("export_peak_add_mib")]
              for f, e in syn.items() if isinstance(e, dict)])
    gaz = res.get("gazetteer", [])
    bl.table("Gazetteer size (on the peers' text)",
             ["entries", "compile s", "extract MB/s", "gazetteer MB/s", "peak MiB"],
             [[g["entries"], g["compile_s"], g["extract_mb_s"], g["entities_mb_s"], g["peak_mib"]]
              for g in gaz])
    print_peers(res)
    print_targets(res)
    if res.get("skipped"):
        print("\nSkipped to stay within the time budget:")
        for s in res["skipped"]:
            print("  " + s)


def print_peers(res):
    p, m = res.get("peers", {}), res.get("micro", {})
    ours = p.get("kamergraph_extract_mb_s")
    rows = [["kamergraph extraction (everything)", ours, 1.0],
            ["kamergraph gazetteer (fold + scan)", p.get("kamergraph_gazetteer_mb_s"),
             ratio(p.get("kamergraph_gazetteer_mb_s"), ours)],
            ["python re, naive alternation", p.get("python_naive_mb_s"),
             ratio(p.get("python_naive_mb_s"), ours)],
            ["python re, trie alternation", p.get("python_trie_mb_s"),
             ratio(p.get("python_trie_mb_s"), ours)],
            ["rg -F -i -f literals, 1 thread", p.get("rg_mb_s"), ratio(p.get("rg_mb_s"), ours)]]
    for name in ("BM_HyperscanLiteralsNoSom", "BM_HyperscanLiteralsSom", "BM_MatcherEntities",
                 "BM_MatcherPatterns", "BM_Normalise", "BM_Segment", "BM_Extract"):
        if name in m:
            rows.append(["micro " + name, m[name], ratio(m[name], ours)])
    bl.table("Peers and limits on the same %.2f MB (MB/s; x = times kamergraph extraction)" %
             p.get("mb", 0), ["", "MB/s", "x"], rows)
    print("  kamergraph / python re (naive): %s   / python re (trie): %s" %
          (bl.fmt(ratio(ours, p.get("python_naive_mb_s"))),
           bl.fmt(ratio(ours, p.get("python_trie_mb_s")))))
    print("  kamergraph / rg scan limit: %s   / Hyperscan scan limit: %s" %
          (bl.fmt(ratio(ours, p.get("rg_mb_s")), 3),
           bl.fmt(ratio(ours, m.get("BM_HyperscanLiteralsNoSom")), 3)))


def print_targets(res):
    sizes = [s for s in res.get("sizes", [])]
    largest = lambda key: next((s[key] for s in reversed(sizes) if s.get(key) is not None), None)
    graphml = res.get("synthetic_export", {}).get("graphml", {}).get("seconds")
    checks = [("extraction >= 50 MB/s per core", largest("extract_mb_s"), TARGETS["extract_mb_s"],
               True),
              ("ingest --jobs 2 >= 25 MB/s", largest("ingest_j2_mb_s"),
               TARGETS["ingest_j2_mb_s"], True),
              ("storage < 25% of the time", largest("storage_share"), TARGETS["storage_share"],
               False),
              ("1M-edge GraphML <= 2 s", graphml, TARGETS["graphml_1m_s"], False)]
    print("\nSpec section 9 targets (largest corpus measured)")
    for name, value, target, higher in checks:
        if value is None:
            print("  %-34s not measured" % name)
            continue
        ok = value >= target if higher else value <= target
        factor = target / value if higher else value / target
        print("  %-34s %-10s %s" % (name, bl.fmt(value, 3),
                                     "met" if ok else "MISSED by x%.1f" % factor))
    peaks = [(s["mb"], s.get("ingest_j1_peak_mib")) for s in sizes if s.get("ingest_j1_peak_mib")]
    if len(peaks) >= 2:
        (m0, p0), (m1, p1) = peaks[0], peaks[-1]
        print("  %-34s corpus x%.0f, ingest peak memory x%.2f (%.0f -> %.0f MiB)" %
              ("memory bounded, not by corpus", m1 / m0, p1 / p0, p0, p1))


def plot(res, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("no matplotlib: plot skipped")
        return
    sizes = res.get("sizes", [])
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(12, 3.6))
    for key, label in (("extract_mb_s", "extract / core"), ("ingest_j1_mb_s", "ingest --jobs 1"),
                       ("ingest_j2_mb_s", "ingest --jobs 2")):
        pts = [(s["mb"], s[key]) for s in sizes if s.get(key)]
        if pts:
            a.plot(*zip(*pts), marker="o", label=label)
    a.set(xscale="log", xlabel="corpus MB", ylabel="MB/s", title="throughput")
    a.legend(fontsize=8)
    for key, label in (("ingest_j1_peak_mib", "ingest --jobs 1"),
                       ("ingest_j2_peak_mib", "ingest --jobs 2")):
        pts = [(s["mb"], s[key]) for s in sizes if s.get(key)]
        if pts:
            b.plot(*zip(*pts), marker="o", label=label)
    b.set(xscale="log", xlabel="corpus MB", ylabel="peak RSS MiB", title="memory")
    b.legend(fontsize=8)
    gaz = res.get("gazetteer", [])
    if gaz:
        c.plot([g["entries"] for g in gaz], [g["extract_mb_s"] for g in gaz], marker="o",
               label="extraction")
        c.plot([g["entries"] for g in gaz], [g["entities_mb_s"] for g in gaz], marker="o",
               label="gazetteer scan")
    c.set(xscale="log", yscale="log", xlabel="gazetteer entries", ylabel="MB/s",
          title="gazetteer size")
    c.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    print("plot: " + path)


def smoke_problems(res):
    problems = []
    for s in res.get("sizes", []):
        for key in ("extract_mb_s", "ingest_j1_mb_s", "ingest_j2_mb_s", "storage_share"):
            if s.get(key) is None:
                problems.append("size %.2f MB: no %s" % (s["mb"], key))
        if not any(e.get("available") for e in s.get("exports", {}).values()):
            problems.append("no export of the ingested graph")
    p = res.get("peers", {})
    for key in ("kamergraph_extract_mb_s", "python_naive_mb_s", "python_trie_mb_s"):
        if not p.get(key):
            problems.append("peers: no " + key)
    if not res.get("gazetteer"):
        problems.append("no gazetteer scaling")
    if not res.get("synthetic_export", {}).get("graphml", {}).get("seconds"):
        problems.append("no synthetic GraphML export")
    if not res.get("micro"):
        problems.append("no micro-benchmarks")
    return problems
