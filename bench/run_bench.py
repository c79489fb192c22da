#!/usr/bin/python3
"""kamergraph benchmark (`make bench`; docs/performance.md).

Generates a corpus (gen_corpus.py), then for each corpus size measures extraction per
core, `kamergraph ingest` end to end with --jobs 1 and 2, the share of time in the
store, peak memory, and the export of the resulting graph; then the peers side by
side (a Python `re` extractor and `rg -F -f` on the same text), scaling with the
gazetteer's size, the synthetic 200k-node / 1M-edge export and the matcher's
micro-benchmarks. Figures are medians over repeated runs; results.json keeps them all.

  run_bench.py --build BUILD [--sizes 10,100,1000] [--budget-min 30] [--plot FILE]
  run_bench.py --build BUILD --smoke        # tiny sizes: checks that every step runs
"""
import argparse
import json
import os
import shutil
import sys

import bench_lib as bl
import bench_steps as steps
import bench_report as report

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="CMake build folder (Release)")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10,100,1000"),
                    help="corpus sizes in MB, comma-separated (env BENCH_SIZES)")
    ap.add_argument("--work", help="work folder (default BUILD/bench-work)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--budget-min", type=float, default=30.0)
    ap.add_argument("--peer-mb", type=float, default=None,
                    help="text the peers and the gazetteer scaling run on (default 2 MB)")
    ap.add_argument("--plot", help="write the scaling plot (PNG) here")
    ap.add_argument("--smoke", action="store_true", help="tiny run that checks every step")
    return ap.parse_args()


def main():
    args = parse_args()
    build = os.path.abspath(args.build)
    work = os.path.abspath(args.work or os.path.join(build, "bench-work"))
    os.makedirs(work, exist_ok=True)
    tools = steps.Tools(build, ROOT, HERE)
    missing = tools.missing()
    if missing:
        sys.exit("run_bench: not built: " + ", ".join(missing))
    if args.smoke:
        cfg = steps.Config(sizes=[0.2], shard_mb=0.1, repeat=1, peer_mb=0.04,
                           gazetteers=[500, 2000], synth=(2000, 10000), micro_time=0.01)
    else:
        sizes = sorted(float(s) for s in args.sizes.split(",") if s.strip())
        cfg = steps.Config(sizes=sizes, shard_mb=10.0, repeat=args.repeat,
                           peer_mb=args.peer_mb or 2.0, gazetteers=[1000, 5000, 20000, 50000],
                           synth=(200000, 1000000), micro_time=0.5)
    budget = bl.Budget(args.budget_min * 60)
    results = {"machine": bl.machine(), "config": cfg.__dict__}
    print("kamergraph benchmark: %s" % json.dumps(results["machine"]), flush=True)

    shards = steps.corpus(tools, work, cfg, results)
    prev = None
    results["sizes"] = []
    for size in cfg.sizes:
        paths = shards[:max(1, int(round(size / cfg.shard_mb)))]
        prev = steps.bench_size(tools, work, cfg, budget, size, paths, prev)
        results["sizes"].append(prev)
    subset = steps.peer_subset(shards[0], work, cfg.peer_mb)
    results["peers"] = steps.peers(tools, work, cfg, budget, subset)
    results["micro"] = steps.micro(tools, cfg, subset)
    results["gazetteer"] = steps.gazetteer_scaling(tools, work, cfg, budget, subset)
    results["synthetic_export"] = steps.synthetic_export(tools, work, cfg, budget)
    results["skipped"] = budget.skipped

    report.print_all(results)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    print("\nresults: " + os.path.join(work, "results.json"))
    if args.plot:
        report.plot(results, args.plot)
    if args.smoke:
        problems = report.smoke_problems(results)
        if problems:
            sys.exit("smoke test failed:\n  " + "\n  ".join(problems))
        shutil.rmtree(work, ignore_errors=True)
        print("smoke test: every step ran")


if __name__ == "__main__":
    main()
