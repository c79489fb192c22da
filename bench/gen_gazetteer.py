#!/usr/bin/python3
"""A rules folder with a gazetteer of exactly N entries, for the scaling benchmark.

The folder is a copy of the real rules (patterns, register) whose gazetteer holds the
real entries (parties, ministries and countries first, then organisations, cut at N)
topped up with generated organisation names: a head word ("Stichting", "Raad", ...)
and words of the real gazetteer plus a made-up word, so that the generated names share
prefixes with real ones as a researcher's large list of organisations would.

  gen_gazetteer.py --rules rules/ --entries 50000 --out DIR
"""
import argparse
import json
import os
import random
import shutil

HEADS = ["Stichting", "Vereniging", "Centrum", "Instituut", "Raad", "Commissie", "Bureau",
         "Fonds", "Platform", "Dienst", "Autoriteit", "Federatie", "Bond", "Genootschap"]
SYLLABLES = ["ka", "ver", "sto", "ne", "lin", "dam", "berg", "ho", "wa", "ter", "mi", "ro",
             "del", "zan", "pe", "kor", "vel", "tu", "gra", "sen"]
ORDER = ["parties.jsonl", "ministries.jsonl", "countries.jsonl"]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l for l in f if l.strip() and not l.lstrip().startswith("//")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rules", required=True)
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(args.rules, args.out, ignore=shutil.ignore_patterns("gazetteer"))
    gaz_in = os.path.join(args.rules, "gazetteer")
    names = sorted(os.listdir(gaz_in))
    names = [n for n in ORDER if n in names] + [n for n in names if n not in ORDER]
    lines, words = [], set()
    for n in names:
        if n.endswith(".jsonl"):
            for line in read_lines(os.path.join(gaz_in, n)):
                lines.append(line if line.endswith("\n") else line + "\n")
                words.update(w for w in json.loads(line)["pattern"].split() if w[:1].isupper())
    lines = lines[:args.entries]
    rng = random.Random(args.entries)
    words = sorted(words)
    seen = {json.loads(l)["pattern"].lower() for l in lines}
    while len(lines) < args.entries:
        made_up = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        parts = [rng.choice(HEADS)] + rng.sample(words, rng.randint(0, 2)) + [made_up]
        pattern = " ".join(parts)
        if pattern.lower() in seen:
            continue
        seen.add(pattern.lower())
        slug = "-".join(p.lower() for p in parts)
        lines.append(json.dumps({"label": "ORG", "pattern": pattern, "id": "org:gen-" + slug},
                                ensure_ascii=False) + "\n")
    os.makedirs(os.path.join(args.out, "gazetteer"))
    with open(os.path.join(args.out, "gazetteer", "all.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(args.out)


if __name__ == "__main__":
    main()
