"""Shared by the reliability tests (test_hostile_*.py, test_robustness.py): running the
binary, reading the store through `export`, comparing what each document contributes,
and corpora of small documents written at test time.

KG_TEST_SCALE=small (the sanitizer build) makes the expensive cases smaller.
"""
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(ROOT, "rules")
SAMPLES = os.path.join(ROOT, "samples")
SMALL = os.environ.get("KG_TEST_SCALE") == "small"
NOBODY = 65534


class Test:
    """Collects checks; every check prints one line and the run fails if any failed."""

    def __init__(self):
        self.kg = os.path.abspath(sys.argv[1])
        self.failures = []
        self.tmp = tempfile.mkdtemp(prefix="kg-hostile-")
        os.chmod(self.tmp, 0o755)
        self.prefix = []  # how to run the binary (dropping root, see unprivileged())

    def check(self, cond, what):
        print(("ok:   " if cond else "FAIL: ") + what, flush=True)
        if not cond:
            self.failures.append(what)
        return cond

    def run(self, *args, timeout=900, **kw):
        return subprocess.run([*self.prefix, self.kg, *args], capture_output=True, text=True,
                              errors="replace", timeout=timeout, **kw)

    def export(self, db):
        p = self.run("export", "--db", db, "--format", "json")
        return json.loads(p.stdout) if p.returncode == 0 else None

    def stats(self, db):
        """{"documents": N, ...} from `stats`, or None when the store does not open."""
        p = self.run("stats", "--db", db)
        if p.returncode != 0:
            return None
        return {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\w+)\s+(\d+)$", p.stdout, re.M)}

    def unprivileged(self):
        """Root reads every file, so unreadable files can only be tested as another user:
        as root, run the binary as nobody (setpriv) and give the test folder to nobody.
        Returns False when that is not possible (then permission cases are not tested)."""
        if os.geteuid() != 0:
            return True
        setpriv = shutil.which("setpriv")
        if not setpriv:
            return False
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
        probe = subprocess.run([*prefix, self.kg, "--help"], capture_output=True)
        if probe.returncode != 0:
            return False
        self.prefix = prefix
        return True

    def give_to_runner(self, path):
        """Makes what the test wrote writable by the user the binary runs as."""
        if self.prefix:
            subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", path], check=True)

    def finish(self):
        shutil.rmtree(self.tmp, ignore_errors=True)
        print(f"{len(self.failures)} failure(s)")
        return 1 if self.failures else 0


def documents(data):
    return {n["id"]: n for n in data["nodes"] if n["type"] == "Document"}


def facts_by_doc(data):
    """What each document contributes: {doc id: set of facts}, a fact being a node or an
    edge with one provenance entry of that document. Labels and attributes are left out:
    the merge lets the first document in id order choose them."""
    out = {}
    for n in data["nodes"]:
        for p in n.get("provenance", []):
            out.setdefault(p["doc"], set()).add(("node", n["id"], n["type"], p["start"], p["end"], p["rule"]))
    for e in data["links"]:
        for p in e.get("provenance", []):
            out.setdefault(p["doc"], set()).add(("edge", e["source"], e["target"], e["type"],
                                                 e.get("role", ""), p["start"], p["end"], p["rule"]))
    return out


def summary(stderr):
    """(ingested, unchanged, replaced, skipped) from ingest's last line, or None."""
    m = re.search(r"ingested (\d+) document\(s\), (\d+) unchanged, (\d+) replaced, (\d+) skipped", stderr)
    return tuple(int(x) for x in m.groups()) if m else None


def dir_digest(path):
    """Name, size and content hash of every file under path: to prove nothing changed."""
    out = {}
    for base, _, files in os.walk(path):
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, path)] = hashlib.sha256(fh.read()).hexdigest()
    return out


ORGS = ["de Autoriteit Persoonsgegevens", "de AIVD", "de Nederlandse Voedsel- en Warenautoriteit",
        "het Openbaar Ministerie", "de Belastingdienst", "Europol", "de Raad van State"]
COUNTRIES = ["Rusland", "China", "Duitsland", "Curaçao", "Oekraïne", "Jemen"]
MINISTERS = ["Justitie en Veiligheid", "Binnenlandse Zaken en Koninkrijksrelaties",
             "Buitenlandse Zaken", "Financiën", "Volksgezondheid, Welzijn en Sport"]


def small_document(i, rng):
    """A short written-questions document with answers, entities and a unique number."""
    minister = rng.choice(MINISTERS)
    n = 1 + i % 5
    parts = [f"Vragen van het lid De Vries (VVD) aan de minister van {minister} over "
             f"{rng.choice(ORGS)} (ingezonden {1 + i % 28} maart 2024).\n\n"]
    for q in range(1, n + 1):
        parts.append(f"Vraag {q}\nWat weet u over de contacten tussen {rng.choice(ORGS)} en "
                     f"{rng.choice(COUNTRIES)} in zaak {i}-{q}?\n\n")
    parts.append(f"Antwoord van minister van {minister} (ontvangen {1 + i % 28} april 2024)\n\n")
    for q in range(1, n + 1):
        parts.append(f"Antwoord {q}\nIk heb contact gehad met {rng.choice(ORGS)} over "
                     f"{rng.choice(COUNTRIES)}; zie ook Kamerstuk 36 {i % 900 + 100}, nr. {q}.\n\n")
    parts.append(f"Kenmerk {i}\n")
    return "".join(parts)


def write_corpus(folder, count, seed=1):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    for i in range(count):
        with open(os.path.join(folder, f"doc{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(small_document(i, rng))
