#!/usr/bin/python3
"""Concurrent use of one store (docs/robustness.md, docs/storage.md): a second writer is
refused with "store is in use by process N" naming the running writer, and the writer is
not disturbed; readers (export, show, stats, who-said) work at the same time while nothing
writes, and give the same answer; a writer killed with SIGKILL leaves no stale lock.
(A store of another schema version is refused naming both versions: tests/unit/test_store.cpp.)

usage: test_robustness.py KAMERGRAPH_BINARY
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import time

from hostile_lib import RULES, SAMPLES, SMALL, Test, facts_by_doc, summary, write_corpus

DOCS = 300 if SMALL else 1000


def lock_pid(db):
    try:
        with open(os.path.join(db, "kamergraph.lock")) as f:
            return f.read().strip()
    except OSError:
        return ""


def tiny_rules(t):
    """A rules folder with no rules (loads in milliseconds)."""
    path = os.path.join(t.tmp, "rules-empty")
    for sub in ("gazetteer", "patterns"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
    return path


def second_writer(t, corpus, db, rules_b):
    """Writer A replaces every document (other rules); B tries to write meanwhile."""
    for attempt in range(3):
        rules = rules_b if attempt % 2 == 0 else RULES
        a = subprocess.Popen([t.kg, "ingest", corpus, "--db", db, "--rules", rules],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        while a.poll() is None and lock_pid(db) != str(a.pid):
            time.sleep(0.01)
        # B loads almost no rules, so that it reaches the store within milliseconds of
        # seeing A's lock, however fast A is.
        b = t.run("ingest", SAMPLES, "--db", db, "--rules", tiny_rules(t))
        reader = t.run("stats", "--db", db)
        running = a.poll() is None
        _, a_err = a.communicate()
        named = b.returncode == 3 and f"store is in use by process {a.pid}" in b.stderr
        if not running and not named:  # A ended while B started: B's answer proves nothing
            print(f"attempt {attempt + 1}: the first writer finished before the second tried")
            continue
        t.check(named,
                f"a second writer is refused naming the first ({b.returncode}: {b.stderr.strip()})")
        t.check(reader.returncode in (0, 3) and "internal error" not in reader.stderr,
                f"a reader during a write answers or fails cleanly ({reader.returncode})")
        t.check(a.returncode == 0 and summary(a_err)[0] + summary(a_err)[1] == DOCS,
                "the first writer is not disturbed")
        return
    t.check(False, "the second writer overlapped the first")


def readers(t, db):
    commands = [["export", "--format", "json"], ["export", "--format", "graphml"], ["stats"],
                ["show", "Autoriteit Persoonsgegevens"], ["who-said", "--format", "json"],
                ["export", "--format", "json"]]
    procs = [subprocess.Popen([*t.prefix, t.kg, *c, "--db", db], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for c in commands]
    outs = [p.communicate() for p in procs]
    codes = [p.returncode for p in procs]
    t.check(all(c == 0 for c in codes), f"six readers at once all succeed ({codes})")
    t.check(outs[0][0] == outs[-1][0] and len(outs[0][0]) > 0, "concurrent readers see the same graph")


def lock_holder(t, db):
    """A process that holds the writer lock without writing: writers refused, readers work."""
    holder = subprocess.Popen(
        ["/usr/bin/python3", "-c",
         "import fcntl, os, sys, time\n"
         f"f = open({os.path.join(db, 'kamergraph.lock')!r}, 'r+')\n"
         "fcntl.flock(f, fcntl.LOCK_EX)\nf.truncate(0)\nf.write(str(os.getpid()))\nf.flush()\n"
         "print('locked', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    try:
        p = t.run("ingest", SAMPLES, "--db", db, "--rules", RULES)
        t.check(p.returncode == 3 and f"store is in use by process {holder.pid}" in p.stderr,
                f"a writer is refused while another process holds the store ({p.stderr.strip()})")
        t.check(all(t.run(*c, "--db", db).returncode == 0 for c in (["stats"], ["export", "--format", "json"])),
                "readers work while the lock is held")
    finally:
        holder.kill()
        holder.wait()


def killed_writer(t, corpus, db, rules_b):
    a = subprocess.Popen([t.kg, "ingest", corpus, "--db", db, "--rules", rules_b],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while a.poll() is None and lock_pid(db) != str(a.pid):
        time.sleep(0.01)
    a.send_signal(signal.SIGKILL)
    a.wait()
    p = t.run("ingest", corpus, "--db", db, "--rules", rules_b)
    t.check(p.returncode == 0, f"after a writer was killed the next writer gets the store ({p.returncode})")


def main():
    t = Test()
    corpus = os.path.join(t.tmp, "corpus")
    write_corpus(corpus, DOCS)
    rules_b = os.path.join(t.tmp, "rules-b")
    shutil.copytree(RULES, rules_b)
    with open(os.path.join(rules_b, "patterns", "zz-extra.jsonl"), "w") as f:
        f.write("// another rules hash: every document is extracted again\n")
    db = os.path.join(t.tmp, "store.db")
    t.check(t.run("ingest", corpus, "--db", db, "--rules", RULES).returncode == 0, "a store to share")
    second_writer(t, corpus, db, rules_b)
    readers(t, db)
    lock_holder(t, db)
    killed_writer(t, corpus, db, rules_b)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
