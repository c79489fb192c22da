#!/usr/bin/python3
"""Crash consistency (docs/robustness.md, spec §7).

Kills: `ingest` of 1,000 documents is killed with SIGKILL at a random moment, at least
20 times. After each kill the store opens, every stored document's facts are exactly
those of a clean run (whole documents, none partial, nothing of a missing one), and a
re-run ingests exactly the missing documents. Every other round replaces documents (the
rules changed, so every document is extracted again): then each document is whole in its
old or its new version.

Full disk: on a small tmpfs (in a private mount namespace), an ingest that runs out of
space stops with a clear error and exit 3; the store opens and holds whole documents;
once space is freed a re-run adds the rest.

usage: test_hostile_crash.py KAMERGRAPH_BINARY
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from hostile_lib import RULES, SMALL, Test, documents, facts_by_doc, summary, write_corpus

DOCS = 300 if SMALL else 1000
KILLS = 5 if SMALL else 20


def reference(t, corpus, rules, name):
    """A clean run: the facts of every document, and how long the run took."""
    db = os.path.join(t.tmp, name)
    start = time.monotonic()
    p = t.run("ingest", corpus, "--db", db, "--rules", rules)
    took = time.monotonic() - start
    t.check(p.returncode == 0, f"a clean run ({name}) succeeds in {took:.1f} s")
    facts = facts_by_doc(t.export(db))
    t.check(len(facts) == DOCS, f"{name}: {len(facts)} documents")
    return facts, took


def check_whole(t, db, refs, label):
    """The store opens and every document in it is whole in one of the reference
    versions (refs: the old version first, then the new). Returns the number of stored
    documents and how many of them are in the new version, or None if the store does
    not open."""
    data = t.export(db)
    if data is None:
        fresh = not os.path.exists(os.path.join(db, "CURRENT"))
        t.check(fresh, f"{label}: the store opens (or was never created)")
        return (0, 0) if fresh else None
    facts = facts_by_doc(data)
    docs = documents(data)
    whole = set(facts) == set(docs) and all(any(facts[d] == r.get(d) for r in refs) for d in docs)
    t.check(whole, f"{label}: the store opens and its {len(docs)} documents are whole")
    return len(docs), sum(1 for d in docs if facts[d] == refs[-1].get(d))


def startup(t, corpus):
    """Seconds from start to the first stored document (loading and compiling the rules,
    opening the store, extracting a first window)."""
    db = os.path.join(t.tmp, "startup.db")
    start = time.monotonic()
    t.run("ingest", os.path.join(corpus, "doc00000.txt"), "--db", db, "--rules", RULES)
    return time.monotonic() - start


def kills(t, corpus, versions, took):
    """Rounds alternate: ingest from an empty store, killed; then replace every document
    (the other rules version), killed. Each kill is followed by a re-run to completion.
    A quarter of the kills land during start-up (store creation), the rest while
    documents are being written."""
    rng = random.Random(int(os.environ.get("KG_TEST_SEED", "20240401")))
    ready = min(startup(t, corpus), took / 2)
    db = os.path.join(t.tmp, "killed.db")
    current = 0  # the rules version the store is complete under
    done, rounds = 0, 0
    while done < KILLS and rounds < 3 * KILLS:
        rounds += 1
        replacing = rounds % 2 == 0
        if replacing:
            old, current = current, 1 - current
            refs = [versions[old][1], versions[current][1]]
        else:
            shutil.rmtree(db, ignore_errors=True)
            refs = [versions[current][1]]
        rules = versions[current][0]
        proc = subprocess.Popen([t.kg, "ingest", corpus, "--db", db, "--rules", rules],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, ready) if rng.random() < 0.25 else rng.uniform(ready, took))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
            done += 1
        proc.wait()
        label = f"round {rounds} ({'replacing' if replacing else 'from empty'}" + \
            (f", kill {done})" if killed else ", ended before the kill)")
        state = check_whole(t, db, refs, label)
        if state is None:
            break
        stored, new = state
        p = t.run("ingest", corpus, "--db", db, "--rules", rules)
        counts = summary(p.stderr)
        t.check(p.returncode == 0 and counts == (DOCS - new, new, 0, 0),
                f"{label}: the re-run ingests exactly the {DOCS - new} missing documents ({counts})")
        if rounds <= 2:  # the resumed runs give exactly the clean run's store
            t.check(facts_by_doc(t.export(db)) == refs[-1], f"{label}: the store is then complete")
    t.check(done >= KILLS, f"{done} kills landed while ingest ran")
    return done


def mount_namespace():
    """The unshare command that gives a private mount namespace in which tmpfs can be
    mounted, or None."""
    for cmd in (["unshare", "-m"], ["unshare", "-rm"]):
        if shutil.which("unshare") and subprocess.run(
                [*cmd, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True).returncode == 0:
            return cmd
    return None


FULL_DISK = r"""
set -u
mnt=$1; kg=$2; corpus=$3; rules=$4; out=$5
mount -t tmpfs -o size=24m tmpfs "$mnt"
"$kg" ingest "$corpus"/doc0000[0-9].txt --db "$mnt/db" --rules "$rules" 2>/dev/null
free=$(( $(stat -f -c '%a*%S' "$mnt") ))
head -c $(( free - 200*1024 )) /dev/zero > "$mnt/filler"
"$kg" ingest "$corpus" --db "$mnt/db" --rules "$rules" 2> "$out/full.err"; echo $? > "$out/full.rc"
"$kg" export --db "$mnt/db" --format json > "$out/full.json"; echo $? > "$out/export.rc"
rm "$mnt/filler"
"$kg" ingest "$corpus" --db "$mnt/db" --rules "$rules" 2> "$out/rerun.err"; echo $? > "$out/rerun.rc"
"$kg" export --db "$mnt/db" --format json > "$out/rerun.json"
"""


def full_disk(t, corpus, refs):
    cmd = mount_namespace()
    if cmd is None:
        print("note: no private mount namespace (unshare): the full-disk case is not tested")
        return False
    import json
    out = os.path.join(t.tmp, "full")
    mnt = os.path.join(t.tmp, "mnt")
    os.makedirs(out)
    os.makedirs(mnt)
    subprocess.run([*cmd, "bash", "-c", FULL_DISK, "full", mnt, t.kg, corpus, RULES, out], timeout=900)
    read = lambda name: open(os.path.join(out, name)).read()
    err = read("full.err")
    print(err[-2000:])
    t.check(read("full.rc").strip() == "3", f"a full disk stops the run with exit 3 (got {read('full.rc').strip()})")
    t.check("No space left on device" in err and "run the same ingest again" in err,
            "the message says the disk is full and what to do")
    t.check(read("export.rc").strip() == "0", "the store still opens")
    data = json.loads(read("full.json")) if read("export.rc").strip() == "0" else {"nodes": [], "links": []}
    facts, docs = facts_by_doc(data), documents(data)
    t.check(0 < len(docs) < DOCS and set(facts) == set(docs) and all(facts[d] == refs.get(d) for d in docs),
            f"its {len(docs)} documents are whole")
    counts = summary(read("rerun.err"))
    t.check(read("rerun.rc").strip() == "0" and counts == (DOCS - len(docs), len(docs), 0, 0),
            f"with space freed a re-run adds exactly the rest ({counts})")
    t.check(facts_by_doc(json.loads(read("rerun.json"))) == refs, "and the store is then complete")
    return True


def main():
    t = Test()
    corpus = os.path.join(t.tmp, "corpus")
    write_corpus(corpus, DOCS)
    rules_b = os.path.join(t.tmp, "rules-b")
    shutil.copytree(RULES, rules_b)
    # A comment line moves every gazetteer rule of the file down one line: other rule
    # ids in provenance, so version B of every document differs from version A.
    path = os.path.join(rules_b, "gazetteer", "organisations.jsonl")
    text = open(path, encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as f:
        f.write("// version B\n" + text)
    refs_a, took = reference(t, corpus, RULES, "ref-a.db")
    refs_b, _ = reference(t, corpus, rules_b, "ref-b.db")
    t.check(all(refs_a[d] != refs_b[d] for d in refs_a), "every document differs between the rule versions")
    n = kills(t, corpus, [(RULES, refs_a), (rules_b, refs_b)], took)
    disk = full_disk(t, corpus, refs_a)
    print(f"kills survived: {n}; full disk tested: {disk}")
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
