#!/usr/bin/python3
"""Deterministic benchmark corpus: many distinct documents varied from seed documents.

Each seed (samples/, ../shared/corpus/) becomes a template: registered member names,
organisations, countries, dates, long numbers and zaak numbers are slots, and the text is
cut into units at its "Vraag N" lines (or at blank lines when it has none). A generated
document is one seed's preamble plus a random number of its units (renumbered), with
every slot filled from the rules' own register and gazetteer. So documents keep the
layouts, noise and match density of the seeds but differ in names, numbers, dates and
length.

The corpus is written in shards of --shard-mb: shard k depends only on k and the seed
files, so a 100 MB corpus is the first ten shards of the 1 GB one and both are cached.

  gen_corpus.py --out DIR --mb 100 [--shard-mb 10] [--seeds DIR ...] [--rules DIR]
prints the shard folders, one a line.
"""
import argparse
import hashlib
import json
import os
import random
import re
import sys

VERSION = "1"  # bump when the output for the same inputs changes
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MONTH_RE = "|".join(MONTHS)
# Order matters: the alternatives are tried left to right at each position.
SLOT_RE = re.compile(
    r"(?P<date>\b\d{1,2}(?P<ds1>\s+)(?:" + MONTH_RE + r")(?P<ds2>\s+)\d{4}\b)"
    r"|(?P<zaak>\b(?:19|20)\d\dZ\d{5}\b)"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<num>\b\d{3,}\b)")
MARKER_RE = re.compile(r"^(\s*(?:•\s*)?(?:#+\s*)?)(Vraag|Antwoord)(\s+)(\d+)", re.M)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("//"):
                yield json.loads(line)


def load_names(rules):
    """Surnames of registered persons and gazetteer surface forms by label."""
    surnames, by_label = [], {}
    reg = os.path.join(rules, "register")
    for name in sorted(os.listdir(reg)) if os.path.isdir(reg) else []:
        if name.endswith(".jsonl"):
            for rec in load_jsonl(os.path.join(reg, name)):
                s = rec.get("surname", "")
                if len(s) >= 3:
                    surnames.append(s[0].upper() + s[1:])
    gaz = os.path.join(rules, "gazetteer")
    for name in sorted(os.listdir(gaz)) if os.path.isdir(gaz) else []:
        if name.endswith(".jsonl"):
            for rec in load_jsonl(os.path.join(gaz, name)):
                p = rec.get("pattern", "")
                if len(p) >= 6 and rec.get("label") in ("ORG", "COUNTRY"):
                    by_label.setdefault(rec["label"], []).append(p)
    return sorted(set(surnames)), {k: sorted(set(v)) for k, v in by_label.items()}


def words_alternation(words):
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


class Template:
    """A seed cut into pieces: str, or (kind, arg) slots."""

    def __init__(self, text, name_re, org_re, country_re):
        self.name_ids, self.org_ids, self.country_ids = {}, {}, {}
        markers = list(MARKER_RE.finditer(text))
        starts = [m.start() for m in markers if m.group(2) == "Vraag"]
        if len(starts) >= 2:
            cuts = starts
        else:  # no numbered questions: paragraphs after the first 15 lines are the units
            head = sum(len(l) for l in text.splitlines(True)[:15])
            cuts = [m.end() for m in re.finditer(r"\n[ \t]*\n", text) if m.end() > head]
        cuts = [c for c in cuts if 0 < c < len(text)]
        if not cuts:
            cuts = [len(text)]
        bounds = [0] + cuts + [len(text)]
        self.preamble = self.pieces(text[bounds[0]:bounds[1]], name_re, org_re, country_re)
        self.units = [self.pieces(text[a:b], name_re, org_re, country_re)
                      for a, b in zip(bounds[1:], bounds[2:]) if b > a]

    def pieces(self, text, name_re, org_re, country_re):
        spans = []
        for m in MARKER_RE.finditer(text):
            spans.append((m.start(4), m.end(4), ("seq", m.group(2))))
        for m in SLOT_RE.finditer(text):
            kind = m.lastgroup if m.lastgroup in ("zaak", "year", "num") else "date"
            arg = len(m.group(0)) if kind == "num" else (m.group("ds1"), m.group("ds2"))
            spans.append((m.start(), m.end(), (kind, arg)))
        for rx, ids, kind in ((name_re, self.name_ids, "person"), (org_re, self.org_ids, "org"),
                              (country_re, self.country_ids, "country")):
            for m in rx.finditer(text) if rx else ():
                spans.append((m.start(), m.end(), (kind, ids.setdefault(m.group(0), len(ids)))))
        spans.sort(key=lambda s: (s[0], -s[1]))
        out, pos = [], 0
        for b, e, slot in spans:
            if b < pos:
                continue  # overlaps an earlier slot
            if b > pos:
                out.append(text[pos:b])
            out.append(slot)
            pos = e
        if pos < len(text):
            out.append(text[pos:])
        return out


class Filler:
    """Fills one document's slots; names are consistent within the document."""

    def __init__(self, rng, surnames, labels):
        self.rng, self.surnames, self.labels = rng, surnames, labels
        self.maps = {"person": {}, "org": {}, "country": {}}
        self.base = rng.randrange(2008 * 372, 2025 * 372)  # a day on a 31-day-month calendar
        self.seq = {"Vraag": 0, "Antwoord": 0}

    def value(self, kind, arg):
        rng = self.rng
        if kind == "seq":
            self.seq[arg] += 1
            return str(self.seq[arg])
        if kind == "date":
            d = self.base + rng.randrange(-60, 150)
            year, rest = divmod(d, 372)
            return "%d%s%s%s%d" % (rest % 31 % 28 + 1, arg[0], MONTHS[rest // 31], arg[1], year)
        if kind == "zaak":
            return "%dZ%05d" % (self.base // 372, rng.randrange(100000))
        if kind == "year":
            return str(self.base // 372 + rng.randrange(-2, 2))
        if kind == "num":
            return str(rng.randrange(10 ** (arg - 1), 10 ** arg))
        table = self.maps[kind]
        if arg not in table:
            pool = self.surnames if kind == "person" else self.labels.get(
                "ORG" if kind == "org" else "COUNTRY", [])
            table[arg] = rng.choice(pool) if pool else ""
        return table[arg]

    def render(self, pieces, out):
        for p in pieces:
            out.append(p if isinstance(p, str) else self.value(*p))


def document(rng, template, surnames, labels):
    filler = Filler(rng, surnames, labels)
    n = len(template.units)
    long_tail = rng.random() < 0.05
    count = rng.randint(1, max(1, (8 if long_tail else 2) * n))
    out = []
    filler.render(template.preamble, out)
    if n:
        first = rng.randrange(n)
        for i in range(count):  # mostly in order from a random start, sometimes a jump
            unit = (first + i) % n if rng.random() < 0.8 else rng.randrange(n)
            filler.render(template.units[unit], out)
    return "".join(out)


def seed_files(dirs):
    files = []
    for d in dirs:
        if os.path.isdir(d):
            files += [os.path.join(d, f) for f in sorted(os.listdir(d))
                      if f.endswith(".txt") and os.path.isfile(os.path.join(d, f))]
    return files


def fingerprint(files, rules_names, shard_bytes):
    h = hashlib.sha256(VERSION.encode())
    h.update(str(shard_bytes).encode())
    for f in files:
        with open(f, "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    h.update(repr(rules_names).encode())
    return h.hexdigest()[:16]


def write_shard(path, index, shard_bytes, templates, surnames, labels, seen):
    rng = random.Random("kamergraph-bench/%d" % index)
    tmp = path + ".tmp"
    os.makedirs(tmp, exist_ok=True)
    total, i = 0, 0
    while total < shard_bytes:
        template = templates[rng.randrange(len(templates))]
        data = document(rng, template, surnames, labels).encode("utf-8")
        digest = hashlib.sha1(data).digest()
        if digest in seen or not data.strip():
            continue  # documents must be distinct, or ingest would count them once
        seen.add(digest)
        with open(os.path.join(tmp, "doc-%06d.txt" % i), "wb") as f:
            f.write(data)
        total += len(data)
        i += 1
    os.rename(tmp, path)
    return total


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, required=True, help="corpus size in MB (10^6 bytes)")
    ap.add_argument("--shard-mb", type=float, default=10.0)
    ap.add_argument("--seeds", nargs="*", default=[os.path.join(root, "samples"),
                                                   os.path.join(root, "..", "shared", "corpus")])
    ap.add_argument("--rules", default=os.path.join(root, "rules"))
    args = ap.parse_args()

    files = seed_files(args.seeds)
    if not files:
        sys.exit("gen_corpus: no seed documents in " + ", ".join(args.seeds))
    surnames, labels = load_names(args.rules)
    shard_bytes = int(args.shard_mb * 1e6)
    tag = fingerprint(files, (surnames, labels), shard_bytes)
    nshards = max(1, int(-(-args.mb * 1e6 // shard_bytes)))
    base = os.path.join(args.out, tag)
    shards = [os.path.join(base, "shard-%03d" % k) for k in range(nshards)]
    missing = [k for k, s in enumerate(shards) if not os.path.isdir(s)]
    if missing:
        name_re = words_alternation(surnames) if surnames else None
        org_re = words_alternation(labels["ORG"]) if labels.get("ORG") else None
        country_re = words_alternation(labels["COUNTRY"]) if labels.get("COUNTRY") else None
        templates = []
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as fh:
                templates.append(Template(fh.read(), name_re, org_re, country_re))
        for k in missing:
            write_shard(shards[k], k, shard_bytes, templates, surnames, labels, set())
    for s in shards:
        print(s)


if __name__ == "__main__":
    main()
