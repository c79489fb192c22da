#!/usr/bin/python3
"""Hostile input (docs/robustness.md): a folder of everything researchers' scraped folders
hold is ingested into a store that already has documents. Each file gets its documented
behaviour (ingested, with a warning when decoded from another encoding, or skipped with a
message naming it and the reason); the exit code is 2 because files were skipped; every
other document is ingested; what the store held before is unchanged; a re-run changes
nothing. Then 100,000 tiny files in one run.

usage: test_hostile_inputs.py KAMERGRAPH_BINARY
"""
import os
import random
import shutil
import stat
import sys

from hostile_lib import RULES, SAMPLES, SMALL, Test, documents, facts_by_doc, small_document, summary

LONG_LINE = (2 if SMALL else 10) << 20
QUESTIONS = 1000 if SMALL else 5000
TINY_FILES = 5000 if SMALL else 100_000

LETTER = ("Vragen van het lid Van Dijk (SP) aan de minister van Justitie en Veiligheid over "
          "Curaçao en de Autoriteit Persoonsgegevens (ingezonden 4 maart 2024).\n\n"
          "Vraag 1\nKent u het bericht over Curaçao?\n\nVraag 2\nWat doet de Autoriteit "
          "Persoonsgegevens?\n\nAntwoord 1\nJa, Curaçao is mij bekend.\n\nAntwoord 2\n"
          "De Autoriteit Persoonsgegevens onderzoekt het.\n")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def deep_file(base, levels, name, text):
    """A file `levels` folders deep, created relative to open folders so that the path
    may exceed PATH_MAX."""
    fd = os.open(base, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir("verdieping-met-een-lange-naam", dir_fd=fd)
            nfd = os.open("verdieping-met-een-lange-naam", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        out = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, text.encode())
        os.close(out)
    finally:
        os.close(fd)


def build_folder(t, folder, can_deny):
    """Writes the hostile folder; returns (expected to be ingested: {name: check},
    expected skipped: {name: reason substring})."""
    rng = random.Random(3)
    sample = open(os.path.join(SAMPLES, sorted(os.listdir(SAMPLES))[0]), encoding="utf-8").read()
    ingested, skipped = {}, {}

    write(f"{folder}/good.txt", sample + "\nKenmerk hostile-1\n")
    ingested["good.txt"] = None
    write(f"{folder}/empty.txt", b"")
    skipped["empty.txt"] = "empty file"
    write(f"{folder}/scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(4000)))
    skipped["scan.pdf"] = "binary file (NUL byte"
    write(f"{folder}/controls.dat", bytes(rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) for _ in range(2000)))
    skipped["controls.dat"] = "binary file"
    write(f"{folder}/invalid-utf8.txt", LETTER.encode() + b"Kapot: \xff\xfe en afgekapt \xe2\x82\n")
    ingested["invalid-utf8.txt"] = ("Windows-1252", "not UTF-8: 4 byte(s) read as Windows-1252")
    write(f"{folder}/latin1.txt", LETTER.replace("4 maart", "5 maart").encode("latin-1"))
    ingested["latin1.txt"] = ("Windows-1252", "not UTF-8")
    write(f"{folder}/utf16le.txt", LETTER.replace("4 maart", "6 maart").encode("utf-16"))
    ingested["utf16le.txt"] = ("UTF-16LE", None)
    write(f"{folder}/utf16be.txt", b"\xfe\xff" + LETTER.replace("4 maart", "7 maart").encode("utf-16-be"))
    ingested["utf16be.txt"] = ("UTF-16BE", None)
    write(f"{folder}/utf16-no-bom.txt", LETTER.encode("utf-16-le"))
    skipped["utf16-no-bom.txt"] = "looks like UTF-16LE without a byte-order mark"
    write(f"{folder}/crlf.txt", LETTER.replace("4 maart", "8 maart").replace("\n", "\r\n"))
    ingested["crlf.txt"] = None
    one_line = sample.replace("\n", " ")
    write(f"{folder}/one-line.txt", (one_line * (LONG_LINE // len(one_line.encode()) + 1)).encode()[:LONG_LINE])
    ingested["one-line.txt"] = None
    with open(f"{folder}/huge.txt", "wb") as f:  # 200 MB: text, then a sparse tail
        f.write(sample.encode() * 20)
        f.truncate(200 << 20)
    skipped["huge.txt"] = "too large (200 MiB"
    write(f"{folder}/vragen.txt", "".join(f"Vraag {n}\nKlopt bericht {n} over Rusland?\n\n"
                                          for n in range(1, QUESTIONS + 1)))
    ingested["vragen.txt"] = None
    noise = "".join(rng.choice("abc XYZ 123 .,;:()•*#-–\n\t") for _ in range(200_000))
    write(f"{folder}/noise.txt", noise)
    ingested["noise.txt"] = None
    for i, name in enumerate(["naam met spaties.txt", "quote's \"dubbel\" `x`.txt", "ëén — ☃ 東京.txt"]):
        write(f"{folder}/namen/{name}", small_document(9000 + i, rng))
        ingested[f"namen/{name}"] = None
    write(os.fsencode(f"{folder}/namen/") + b"latin1-\xe9.txt", small_document(9010, rng))
    deep_file(folder, 40, "diep.txt", small_document(9020, rng))
    ingested["/".join(["verdieping-met-een-lange-naam"] * 40 + ["diep.txt"])] = None
    os.mkdir(f"{folder}/te-diep")
    deep_file(f"{folder}/te-diep", 160, "onbereikbaar.txt", small_document(9030, rng))
    skipped["te-diep/"] = "File name too long"
    os.symlink("..", f"{folder}/namen/lus")
    skipped["namen/lus"] = "symbolic link to a folder, not followed"
    os.symlink("good.txt", f"{folder}/link-naar-good.txt")  # the same document as good.txt
    os.symlink("bestaat-niet.txt", f"{folder}/kapotte-link.txt")
    skipped["kapotte-link.txt"] = "broken symbolic link"
    os.mkfifo(f"{folder}/pijp")
    skipped["pijp"] = "a named pipe"
    if can_deny:
        write(f"{folder}/geheim.txt", small_document(9040, rng))
        os.chmod(f"{folder}/geheim.txt", 0)
        skipped["geheim.txt"] = "cannot read: Permission denied"
        write(f"{folder}/dicht/binnen.txt", small_document(9050, rng))
        os.chmod(f"{folder}/dicht", 0)
        skipped["dicht"] = "cannot list folder: Permission denied"
    write(f"{folder}/.verborgen.txt", small_document(9060, rng))  # hidden: passed over
    return ingested, skipped


def check_offsets(t, docs, data):
    """Provenance of a transcoded document points at the original bytes: the slice of
    the raw file decodes to the entity's name."""
    codecs = {"UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be", "Windows-1252": "cp1252"}
    for n in data["nodes"]:
        if n["label"] not in ("Curaçao", "Autoriteit Persoonsgegevens"):
            continue
        for p in n["provenance"]:
            doc = docs.get(p["doc"])
            if not doc or doc.get("encoding") not in codecs or "invalid" in doc["source"]:
                continue
            with open(doc["source"], "rb") as f:
                raw = f.read()
            text = raw[p["start"]:p["end"]].decode(codecs[doc["encoding"]], errors="replace")
            t.check(text == n["label"],
                    f"{os.path.basename(doc['source'])} [{p['start']},{p['end']}) is {text!r} in the file")


def main():
    t = Test()
    can_deny = t.unprivileged()
    if not can_deny:
        print("note: running as root without setpriv: unreadable files are not tested")
    folder = os.path.join(t.tmp, "hostile")
    os.mkdir(folder)
    ingested, skipped = build_folder(t, folder, can_deny)
    db = os.path.join(t.tmp, "store.db")
    t.give_to_runner(t.tmp)
    try:
        p = t.run("ingest", SAMPLES, "--db", db, "--rules", RULES)
        t.check(p.returncode == 0, "the samples are ingested first")
        before = t.export(db)
        before_facts = facts_by_doc(before)

        p = t.run("ingest", folder, "--db", db, "--rules", RULES, "--jobs", "2")
        print(p.stderr if len(p.stderr) < 20000 else p.stderr[:20000])
        t.check(p.returncode == 2, f"a run that skipped files exits 2 (got {p.returncode})")
        lines = p.stderr.splitlines()
        for name, reason in skipped.items():
            path = os.path.join(folder, name)
            t.check(any(l.startswith("skipped: " + path) and reason in l for l in lines),
                    f"skipped with file and reason: {name}: {reason}")
        counts = summary(p.stderr)
        t.check(counts is not None and counts[3] == len(skipped),
                f"the summary counts {len(skipped)} skipped ({counts})")

        after = t.export(db)
        docs = documents(after)
        sources = {os.path.relpath(d["source"], folder): d for d in docs.values()
                   if d["source"].startswith(folder)}
        if "link-naar-good.txt" in sources:  # two paths, one content: one document
            sources["good.txt"] = sources.pop("link-naar-good.txt")
        for name, expect in ingested.items():
            d = sources.get(name)
            ok = d is not None
            if ok and expect:
                encoding, warning = expect
                ok = d.get("encoding") == encoding and (
                    warning is None or any(l.startswith("warning: " + os.path.join(folder, name))
                                           and warning in l for l in lines))
            t.check(ok, f"ingested: {name}" + (f" as {expect[0]}" if expect else ""))
        t.check(any(s.endswith("latin1-\ufffd.txt") or "latin1-" in s for s in sources),
                "a file name that is not UTF-8 is ingested")
        t.check(".verborgen.txt" not in sources, "hidden files are passed over")
        expected = len(documents(before)) + len(ingested) + 1  # + the non-UTF-8 name
        t.check(len(docs) == expected,
                f"every other document is ingested ({len(docs)} documents, expected {expected})")
        after_facts = facts_by_doc(after)
        t.check(all(after_facts.get(d) == f for d, f in before_facts.items()),
                "what the store held before is unchanged")
        vragen = next((d["id"] for s, d in sources.items() if s == "vragen.txt"), None)
        questions = sum(1 for n in after["nodes"] if n["type"] == "Question"
                        and n["provenance"][0]["doc"] == vragen)
        t.check(questions == QUESTIONS, f"{QUESTIONS} 'Vraag N' headings give {questions} questions")
        crlf = next((d["id"] for s, d in sources.items() if s == "crlf.txt"), None)
        t.check(sum(1 for n in after["nodes"] if n["type"] in ("Question", "Answer")
                    and n["provenance"][0]["doc"] == crlf) == 4, "CRLF: 2 questions, 2 answers")
        check_offsets(t, docs, after)

        p = t.run("ingest", folder, "--db", db, "--rules", RULES)
        counts = summary(p.stderr)
        t.check(p.returncode == 2 and counts is not None and counts[0] == 0,
                f"a re-run ingests nothing new and skips the same files ({counts})")
        t.check(facts_by_doc(t.export(db)) == after_facts, "a re-run changes nothing")

        tiny(t)
    finally:
        for path in (os.path.join(folder, "geheim.txt"), os.path.join(folder, "dicht")):
            if os.path.exists(path):
                os.chmod(path, stat.S_IRWXU)
    return t.finish()


def tiny(t):
    """Many tiny files in one run: all ingested, and a re-run finds them unchanged."""
    folder = os.path.join(t.tmp, "tiny")
    for i in range(TINY_FILES):
        sub = os.path.join(folder, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(sub)
        with open(os.path.join(sub, f"t{i:06d}.txt"), "w") as f:
            f.write(f"Vraag 1\nKlopt {i}?\n")
    db = os.path.join(t.tmp, "tiny.db")
    t.give_to_runner(t.tmp)
    p = t.run("ingest", folder, "--db", db, "--rules", RULES, "--jobs", "2")
    counts = summary(p.stderr)
    t.check(p.returncode == 0 and counts == (TINY_FILES, 0, 0, 0),
            f"{TINY_FILES} tiny files are ingested in one run ({counts})")
    s = t.stats(db)
    t.check(s is not None and s.get("documents") == TINY_FILES, f"the store holds them ({s and s.get('documents')})")
    p = t.run("ingest", folder, "--db", db, "--rules", RULES)
    t.check(summary(p.stderr) == (0, TINY_FILES, 0, 0), "a re-run finds them all unchanged")
    shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(main())
