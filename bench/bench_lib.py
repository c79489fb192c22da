"""Helpers of run_bench.py: running a command with its wall time and peak memory,
medians over repeated runs, a time budget, and the printed tables."""
import json
import os
import statistics
import subprocess
import tempfile
import time


class Run:
    """One finished command: wall seconds, peak RSS of the process in MiB, exit code,
    what it printed."""

    def __init__(self, wall, peak_mib, rc, out, err):
        self.wall, self.peak_mib, self.rc, self.out, self.err = wall, peak_mib, rc, out, err

    def json(self):
        """The last line of stdout that is a JSON object."""
        for line in reversed(self.out.splitlines()):
            if line.startswith("{"):
                return json.loads(line)
        raise RuntimeError("no JSON in output:\n" + self.out + self.err)


def run(cmd, env=None):
    """Runs cmd; its peak RSS comes from the kernel's accounting of the child (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             env=dict(os.environ, **(env or {})))
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_maxrss / 1024.0, p.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def checked(cmd, env=None):
    r = run(cmd, env)
    if r.rc != 0:
        raise RuntimeError("%s failed (exit %d):\n%s" % (" ".join(cmd), r.rc, r.err[-2000:]))
    return r


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


class Budget:
    """Wall-clock budget for the whole benchmark: a step whose projected duration would
    overrun it is skipped (and reported as skipped, with the projection)."""

    def __init__(self, seconds):
        self.start, self.seconds = time.perf_counter(), seconds
        self.skipped = []

    def left(self):
        return self.seconds - (time.perf_counter() - self.start)

    def allow(self, what, projected):
        if projected is None or projected <= self.left():
            return True
        self.skipped.append("%s (projected %.0f s, %.0f s left)" % (what, projected, self.left()))
        print("  skipped: " + self.skipped[-1], flush=True)
        return False


def repeats(projected, wanted):
    """Fewer repeats for long runs: medians of 3 where a run is short, else one run."""
    if projected is None or projected < 20:
        return wanted
    return 2 if projected < 60 else 1


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return ("%." + str(digits) + "f") % v


def table(title, header, rows):
    widths = [max(len(str(h)), *(len(fmt(r[i])) for r in rows)) if rows else len(str(h))
              for i, h in enumerate(header)]
    print("\n" + title)
    print("  " + "  ".join(str(h).rjust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  " + "  ".join(fmt(v).rjust(w) for v, w in zip(r, widths)))


def machine():
    info = {"cores": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["memory_gib"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        info["kernel"] = os.uname().release
    except OSError:
        pass
    return info
