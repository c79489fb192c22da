#!/usr/bin/python3
"""End-to-end robustness: bad input is skipped with a message and exit code 2 while the
rest is ingested; a SIGKILL during ingest leaves a store that opens and holds only whole
documents, and a re-run ingests exactly the missing ones; a second writer is refused;
broken rules are reported with file:line:col before any document is read.

usage: test_robustness.py KAMERGRAPH_BINARY
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KG = sys.argv[1]
SAMPLES = os.path.join(ROOT, "samples")
failures = []


def check(cond, what):
    print(("ok:   " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def kg(*args):
    return subprocess.run([KG, *args], capture_output=True, text=True)


def export(db):
    p = kg("export", "--db", db, "--format", "json")
    return json.loads(p.stdout) if p.returncode == 0 else None


def bad_input(tmp):
    folder = os.path.join(tmp, "mixed")
    os.makedirs(folder)
    shutil.copy(os.path.join(SAMPLES, os.listdir(SAMPLES)[0]), os.path.join(folder, "good.txt"))
    open(os.path.join(folder, "empty.txt"), "wb").close()
    open(os.path.join(folder, "binary.bin"), "wb").write(b"\x7fELF\x00\x01\x02" * 100)
    open(os.path.join(folder, "latin1.txt"), "wb").write("Vraag 1\nWat vindt u van Curaçao?\n".encode("latin-1"))
    open(os.path.join(folder, "naam met spatie ë.txt"), "w").write("Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n")
    db = os.path.join(tmp, "mixed.db")
    p = kg("ingest", folder, "--db", db)
    check(p.returncode == 2, f"a run that skips files exits 2 (got {p.returncode})")
    for name in ("empty.txt", "binary.bin", "latin1.txt"):
        check(name in p.stderr, f"the message names the skipped file {name}")
    data = export(db)
    docs = [n for n in data["nodes"] if n["type"] == "Document"] if data else []
    check(len(docs) == 2, f"the two good documents are ingested ({len(docs)})")


def crash(tmp):
    corpus = os.path.join(tmp, "many")
    os.makedirs(corpus)
    texts = [open(os.path.join(SAMPLES, f), encoding="utf-8").read() for f in sorted(os.listdir(SAMPLES))]
    for i in range(400):
        with open(os.path.join(corpus, f"d{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(texts[i % len(texts)] + f"\n\nKenmerk {i}\n")
    db = os.path.join(tmp, "crash.db")
    rng = random.Random(7)
    kills = 0
    for _ in range(5):
        proc = subprocess.Popen([KG, "ingest", corpus, "--db", db], stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        data = export(db)
        if data is None:
            check(False, "the store opens after SIGKILL")
            return
        nodes = {n["id"]: n for n in data["nodes"]}
        whole = True
        for n in nodes.values():
            if n["type"] != "Document":
                continue
            contained = [l for l in data["links"] if l["source"] == n["id"] and l["type"] == "CONTAINS"]
            expected = {0: 24, 1: 14, 2: 0, 3: 29, 4: 28}[int(os.path.basename(n["source"])[1:5]) % 5]
            whole &= len(contained) == expected
        check(whole, f"after a kill every stored document is whole ({sum(1 for n in nodes.values() if n['type'] == 'Document')} stored)")
    p = kg("ingest", corpus, "--db", db)
    check(p.returncode == 0, "a re-run after the kills succeeds")
    data = export(db)
    docs = [n for n in data["nodes"] if n["type"] == "Document"]
    check(len(docs) == 400, f"the re-run ingests exactly the missing documents ({len(docs)} of 400)")
    print(f"kills: {kills}")


def second_writer(tmp):
    db = os.path.join(tmp, "lock.db")
    kg("ingest", SAMPLES, "--db", db)
    lock = subprocess.Popen(["/usr/bin/python3", "-c",
                             "import fcntl,sys,time\n"
                             f"f=open('{db}/kamergraph.lock','r+')\n"
                             "fcntl.flock(f,fcntl.LOCK_EX)\nimport os\nf.truncate(0)\n"
                             "f.write(str(os.getpid()))\nf.flush()\n"
                             "print('locked',flush=True)\ntime.sleep(30)"],
                            stdout=subprocess.PIPE, text=True)
    lock.stdout.readline()
    p = kg("ingest", SAMPLES, "--db", db)
    check(p.returncode == 3 and f"in use by process {lock.pid}" in p.stderr,
          f"a second writer is refused with 'store is in use' ({p.returncode}: {p.stderr.strip()})")
    check(kg("stats", "--db", db).returncode == 0, "readers work while the lock is held")
    lock.kill()


def broken_rules(tmp):
    rules = os.path.join(tmp, "rules")
    shutil.copytree(os.path.join(ROOT, "rules"), rules)
    with open(os.path.join(rules, "gazetteer", "broken.jsonl"), "w") as f:
        f.write('{"label": "ORG", "pattern": "X", "id": "org:x"\n')
        f.write('{"label": "ORG", "id": "org:y"}\n')
    with open(os.path.join(rules, "patterns", "broken.jsonl"), "w") as f:
        f.write('{"id": "bad.regex", "fact": "title", "regex": "(?P<title>unclosed"}\n')
    db = os.path.join(tmp, "rules.db")
    p = kg("ingest", SAMPLES, "--db", db, "--rules", rules)
    check(p.returncode == 2, f"broken rules exit 2 ({p.returncode})")
    check("broken.jsonl:1:" in p.stderr and "broken.jsonl:2:" in p.stderr,
          "every broken rule is reported with file:line:col")
    check(not os.path.exists(db) or export(db) is None, "no document was read or stored")


def main():
    tmp = tempfile.mkdtemp(prefix="kg-robust-")
    try:
        bad_input(tmp)
        crash(tmp)
        second_writer(tmp)
        broken_rules(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
