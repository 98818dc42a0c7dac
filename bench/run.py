"""The benchmark runner of `cargo xtask bench`: imports the three builds of the benchmark module
(`bench_c`, `bench_pyroxide`, `bench_pyo3`), checks that they agree (results and exception types,
on good and bad input), then times every operation with `timeit` in one run, interleaving the
implementations to cancel drift, and prints ns/call (min and median over the repeats) with the
ratios to C and to PyO3 and their geometric means.

    python bench/run.py [--quick] [--repeat N] [--callgrind] [--json OUT] [--markdown OUT] [--builds IN]

`--callgrind` adds instructions per call, counted by `valgrind --tool=callgrind` (stable under
load, unlike wall time): the difference between 2N and N calls in fresh interpreters, divided by N.

`--builds` names a JSON file written by xtask with build times and stripped `.so` sizes, which is
printed after the table and copied into the reports. Speed is reported, never asserted.
"""

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import timeit

IMPLS = ("c", "pyroxide", "pyo3")
LABELS = {"c": "C", "pyroxide": "Pyroxide", "pyo3": "PyO3"}

ASCII = "hello, world! " * 4
NON_ASCII = "héllo, wörld ☃ " * 4
LIST100 = list(range(100))
FLOATS100 = [i * 0.5 for i in range(100)]
DICT10 = {str(i): i for i in range(10)}


class P:
    """An object with float attributes `x` and `y` (for `norm`)."""

    def __init__(self, x, y):
        self.x, self.y = x, y


POINT = P(3.0, 4.0)

# (name, statement, needs the class); the statement sees `m` (the module), `f` (the function of
# the same name, when there is one), `c` (a Counter) and the constants above.
OPERATIONS = [
    ("noop()", "f()", "noop"),
    ("identity(x)", "f(X)", "identity"),
    ("add(1, 2)", "f(1, 2)", "add"),
    ("kw(1, c=3)", "f(1, c=3)", "kw"),
    ("sum_list(100 ints)", "f(L)", "sum_list"),
    ("make_list(100)", "f(100)", "make_list"),
    ("str_len(ascii)", "f(A)", "str_len"),
    ("str_len(non-ascii)", "f(N)", "str_len"),
    ("concat(a, b)", "f(A, N)", "concat"),
    ("make_dict(10)", "f(10)", "make_dict"),
    ("raise ValueError", "try:\n    f()\nexcept ValueError:\n    pass", "raise_value_error"),
    ("Counter(0)", "C(0)", None),
    ("c.incr()", "c.incr()", None),
    ("c.value", "c.value", None),
    ("c.value = 5", "c.value = 5", None),
    ("c.snapshot()", "c.snapshot()", None),
    ("norm(point)", "f(PT)", "norm"),
    ("scale(100 floats, k)", "f(FL, 2.0)", "scale"),
    ("dict_sum(10 items)", "f(D)", "dict_sum"),
    ("sum(Range(100))", "sum(R(100))", None),
]


def has_class(module):
    return hasattr(module, "Counter")


def namespace(module, func):
    ns = {"m": module, "X": object(), "L": LIST100, "A": ASCII, "N": NON_ASCII}
    ns.update({"PT": POINT, "FL": FLOATS100, "D": DICT10})
    if func is not None:
        ns["f"] = getattr(module, func)
    if has_class(module):
        ns["C"] = module.Counter
        ns["c"] = module.Counter(0)
        ns["R"] = module.Range
    return ns


# ---- conformance ----------------------------------------------------------------------------

GOOD = [
    ("noop", ()),
    ("add", (1, 2)),
    ("add", (-5, 2**40)),
    ("add", (True, 2)),
    ("kw", (1,)),
    ("kw", (1, 2)),
    ("kw", (1,), {"c": 3}),
    ("kw", (), {"a": 1, "b": 2, "c": 3}),
    ("kw", (1,), {"b": 5}),
    ("sum_list", (LIST100,)),
    ("sum_list", ([],)),
    ("sum_list", ((1, 2, 3),)),
    ("make_list", (0,)),
    ("make_list", (5,)),
    ("make_list", (100,)),
    ("str_len", (ASCII,)),
    ("str_len", (NON_ASCII,)),
    ("str_len", ("",)),
    ("concat", ("ab", "cd")),
    ("concat", (ASCII, NON_ASCII)),
    ("make_dict", (0,)),
    ("make_dict", (10,)),
    ("norm", (POINT,)),
    ("norm", (P(1, 2),)),
    ("scale", (FLOATS100, 2.0)),
    ("scale", ((1, 2.5), -1)),
    ("scale", ([], 3.0)),
    ("dict_sum", (DICT10,)),
    ("dict_sum", ({},)),
]

BAD = [
    ("noop", (1,)),
    ("identity", ()),
    ("add", ("x", 1)),
    ("add", (1,)),
    ("add", (1.5, 1)),
    ("add", (2**70, 1)),
    ("kw", ()),
    ("kw", (1, 2, 3)),
    ("kw", (1,), {"d": 2}),
    ("kw", (1,), {"a": 2}),
    ("kw", ("x",)),
    ("sum_list", ("abc",)),
    ("sum_list", ([1, "a"],)),
    ("sum_list", (5,)),
    ("make_list", ("x",)),
    ("str_len", (5,)),
    ("str_len", (b"x",)),
    ("concat", ("a", 1)),
    ("make_dict", (None,)),
    ("raise_value_error", ()),
    ("norm", (object(),)),
    ("norm", (P("a", 1.0),)),
    ("norm", (P(1.0, None),)),
    ("scale", ("abc", 2.0)),
    ("scale", ([1.0, "x"], 2.0)),
    ("scale", (FLOATS100, "k")),
    ("scale", (5, 1.0)),
    ("dict_sum", ([1],)),
    ("dict_sum", ({1: 2},)),
    ("dict_sum", ({"a": "b"},)),
]


def outcome(call):
    try:
        return ("ok", call())
    except Exception as e:  # noqa: BLE001 - the type is what is compared
        return ("raised", type(e).__name__)


def class_outcomes(module):
    C = module.Counter
    out = []
    c = C(3)
    out.append(outcome(lambda: c.value))
    out.append(outcome(c.incr))
    out.append(outcome(lambda: setattr(c, "value", 10)))
    out.append(outcome(lambda: c.value))
    out.append(outcome(c.snapshot))
    out.append(outcome(lambda: C(start=7).value))
    out.append(outcome(lambda: C("x")))
    out.append(outcome(lambda: C()))
    out.append(outcome(lambda: setattr(c, "value", "x")))
    out.append(outcome(lambda: delattr(c, "value")))
    out.append(outcome(lambda: c.incr(1)))
    R = module.Range
    out.append(outcome(lambda: list(R(5))))
    out.append(outcome(lambda: sum(R(100))))
    out.append(outcome(lambda: list(R(-3))))
    out.append(outcome(lambda: R("x")))
    it = R(1)
    out.append(outcome(lambda: (next(it), list(it), list(it))))
    return out


def conformance(modules):
    """Returns the list of disagreements (empty when all implementations agree)."""
    problems = []
    ref = modules["c"]
    for case in GOOD + BAD:
        name, args = case[0], case[1]
        kwargs = case[2] if len(case) > 2 else {}
        results = {k: outcome(lambda m=m: getattr(m, name)(*args, **kwargs)) for k, m in modules.items()}
        expected = results["c"]
        for k, got in results.items():
            if got != expected:
                problems.append(f"{name}{args!r} {kwargs or ''}: C gives {expected!r}, {LABELS[k]} gives {got!r}")
    x = object()
    for k, m in modules.items():
        if m.identity(x) is not x:
            problems.append(f"identity: {LABELS[k]} does not return its argument")
        try:
            m.raise_value_error()
            problems.append(f"raise_value_error: {LABELS[k]} does not raise")
        except ValueError as e:
            if str(e) != "bad value":
                problems.append(f"raise_value_error: {LABELS[k]} says {str(e)!r}")
    expected = class_outcomes(ref)
    for k, m in modules.items():
        if not has_class(m):
            continue
        got = class_outcomes(m)
        for i, (a, b) in enumerate(zip(expected, got)):
            if a != b:
                problems.append(f"Counter step {i}: C gives {a!r}, {LABELS[k]} gives {b!r}")
    return problems


# ---- timing ---------------------------------------------------------------------------------


def calibrate(timer, quick):
    if not quick:
        number, _ = timer.autorange()
        return number
    # About 20 ms per measurement.
    number = 1
    while True:
        t = timer.timeit(number)
        if t >= 0.002:
            return max(1, int(number * 0.02 / t))
        number *= 10


def measure(modules, repeat, quick):
    """{op: {impl: [ns per call, one per repeat]}}; implementations interleaved per repeat."""
    timers = {}
    for name, stmt, func in OPERATIONS:
        for k, m in modules.items():
            if func is None and not has_class(m):
                continue
            timer = timeit.Timer(stmt, globals=namespace(m, func))
            timers[(name, k)] = (timer, calibrate(timer, quick))
    samples = {name: {} for name, _, _ in OPERATIONS}
    order = list(modules)
    for r in range(repeat):
        for name, _, _ in OPERATIONS:
            rotated = order[r % len(order):] + order[: r % len(order)]
            for k in rotated:
                if (name, k) not in timers:
                    continue
                timer, number = timers[(name, k)]
                t = timer.timeit(number)
                samples[name].setdefault(k, []).append(t / number * 1e9)
        print(f"  repeat {r + 1}/{repeat} done", file=sys.stderr, flush=True)
    return samples


INSTR_SCRIPT = """
import sys, timeit
sys.path[:0] = {path!r}
import run, {module} as m
ns = run.namespace(m, {func!r})
timeit.Timer({stmt!r}, globals=ns).timeit({number})
"""


def instructions(module, stmt, func, number):
    """Instructions callgrind counts for a fresh interpreter running `stmt` `number` times."""
    script = INSTR_SCRIPT.format(path=[sys.path[0]] if sys.path[0] else [], module=module,
                                 func=func, stmt=stmt, number=number)
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", script],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise RuntimeError(f"no callgrind total in:\n{out.stderr}")
    return int(found.group(1))


def count_instructions(modules, number=2000):
    """{op: {impl: instructions per call}}."""
    counts = {name: {} for name, _, _ in OPERATIONS}
    for name, stmt, func in OPERATIONS:
        for k, m in modules.items():
            if func is None and not has_class(m):
                continue
            a = instructions(m.__name__, stmt, func, number)
            b = instructions(m.__name__, stmt, func, 2 * number)
            counts[name][k] = (b - a) / number
        print(f"  callgrind: {name} done", file=sys.stderr, flush=True)
    return counts


def instruction_lines(counts):
    lines = [f"{'instructions/call':<20} {'C':>8} {'Pyroxide':>9} {'PyO3':>8}   {'Pyx/C':>6} {'PyO3/C':>6} {'Pyx/PyO3':>8}"]
    for name, per in counts.items():
        c, x, p = (per.get(k) for k in IMPLS)
        lines.append(
            f"{name:<20} {fmt(c, '8.0f'):>8} {fmt(x, '9.0f'):>9} {fmt(p, '8.0f'):>8}   "
            f"{fmt(ratio(x, c), '6.2f'):>6} {fmt(ratio(p, c), '6.2f'):>6} {fmt(ratio(x, p), '8.2f'):>8}"
        )
    both = [per for per in counts.values() if "pyroxide" in per]
    lines.append(
        f"{'geomean':<20} {'':>8} {'':>9} {'':>8}   {fmt(geomean(ratio(p['pyroxide'], p['c']) for p in both), '6.2f'):>6} "
        f"{fmt(geomean(ratio(p['pyo3'], p['c']) for p in both), '6.2f'):>6} "
        f"{fmt(geomean(ratio(p['pyroxide'], p['pyo3']) for p in both), '8.2f'):>8}"
    )
    return lines


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio(a, b):
    return None if a is None or b is None else a / b


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def build_rows(samples, modules):
    rows = []
    for name, _, func in OPERATIONS:
        per = samples[name]
        mins = {k: min(per[k]) if k in per else None for k in IMPLS}
        meds = {k: statistics.median(per[k]) if k in per else None for k in IMPLS}
        rows.append({
            "operation": name,
            "min_ns": mins,
            "median_ns": meds,
            "pyroxide_over_c": ratio(mins["pyroxide"], mins["c"]),
            "pyo3_over_c": ratio(mins["pyo3"], mins["c"]),
            "pyroxide_over_pyo3": ratio(mins["pyroxide"], mins["pyo3"]),
        })
    return rows


def summaries(rows):
    both = [r for r in rows if r["pyroxide_over_c"] is not None]
    return {
        "pyroxide_over_c": geomean(r["pyroxide_over_c"] for r in both),
        "pyo3_over_c_same_rows": geomean(r["pyo3_over_c"] for r in both),
        "pyroxide_over_pyo3": geomean(r["pyroxide_over_pyo3"] for r in both),
        "pyo3_over_c_all_rows": geomean(r["pyo3_over_c"] for r in rows),
        "rows_with_pyroxide": len(both),
        "rows": len(rows),
    }


def table_lines(rows, summary):
    head = f"{'operation':<20} {'C ns':>8} {'Pyroxide':>9} {'PyO3':>8}   {'Pyx/C':>6} {'PyO3/C':>6} {'Pyx/PyO3':>8}   {'median C/Pyx/PyO3':>20}"
    lines = [head, "-" * len(head)]
    for r in rows:
        mn, md = r["min_ns"], r["median_ns"]
        med = "/".join(fmt(md[k], ".0f") for k in IMPLS)
        lines.append(
            f"{r['operation']:<20} {fmt(mn['c'], '8.1f'):>8} {fmt(mn['pyroxide'], '9.1f'):>9} {fmt(mn['pyo3'], '8.1f'):>8}   "
            f"{fmt(r['pyroxide_over_c'], '6.2f'):>6} {fmt(r['pyo3_over_c'], '6.2f'):>6} {fmt(r['pyroxide_over_pyo3'], '8.2f'):>8}   {med:>20}"
        )
    lines.append("-" * len(head))
    s = summary
    lines.append(
        f"{'geomean (' + str(s['rows_with_pyroxide']) + ' rows)':<20} {'':>8} {'':>9} {'':>8}   "
        f"{fmt(s['pyroxide_over_c'], '6.2f'):>6} {fmt(s['pyo3_over_c_same_rows'], '6.2f'):>6} {fmt(s['pyroxide_over_pyo3'], '8.2f'):>8}"
    )
    if s["rows"] != s["rows_with_pyroxide"]:
        lines.append(
            f"{'geomean (' + str(s['rows']) + ' rows)':<20} {'':>8} {'':>9} {'':>8}   {'-':>6} {fmt(s['pyo3_over_c_all_rows'], '6.2f'):>6}"
        )
    return lines


def build_lines(builds):
    lines = [f"{'build':<10} {'clean build s':>13} {'incremental s':>13} {'stripped .so':>13}"]
    for b in builds:
        size = "-" if b.get("stripped_bytes") is None else f"{b['stripped_bytes'] / 1024:.0f} KB"
        lines.append(
            f"{b['name']:<10} {fmt(b.get('clean_seconds'), '13.1f'):>13} {fmt(b.get('incremental_seconds'), '13.1f'):>13} {size:>13}"
        )
    by = {b["name"]: b for b in builds}
    pyx, pyo3 = by.get("Pyroxide", {}), by.get("PyO3", {})
    t = ratio(pyx.get("clean_seconds"), pyo3.get("clean_seconds"))
    i = ratio(pyx.get("incremental_seconds"), pyo3.get("incremental_seconds"))
    s = ratio(pyx.get("stripped_bytes"), pyo3.get("stripped_bytes"))
    lines.append(
        f"Pyroxide/PyO3: clean build {fmt(t, '.2f')}, incremental {fmt(i, '.2f')}, stripped .so {fmt(s, '.2f')}"
    )
    return lines


def markdown(rows, summary, builds, meta):
    out = [f"# Benchmark: {meta['python']}", "", f"{meta['note']}", ""]
    out.append("| operation | C ns | Pyroxide ns | PyO3 ns | Pyroxide/C | PyO3/C | Pyroxide/PyO3 |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        mn = r["min_ns"]
        pyx = fmt(mn["pyroxide"], ".1f")
        out.append(
            f"| `{r['operation']}` | {fmt(mn['c'], '.1f')} | {pyx} | {fmt(mn['pyo3'], '.1f')} | "
            f"{fmt(r['pyroxide_over_c'], '.2f')} | {fmt(r['pyo3_over_c'], '.2f')} | {fmt(r['pyroxide_over_pyo3'], '.2f')} |"
        )
    s = summary
    out.append(
        f"| geomean ({s['rows_with_pyroxide']} rows) | | | | {fmt(s['pyroxide_over_c'], '.2f')} | "
        f"{fmt(s['pyo3_over_c_same_rows'], '.2f')} | {fmt(s['pyroxide_over_pyo3'], '.2f')} |"
    )
    if s["rows"] != s["rows_with_pyroxide"]:
        out.append(f"| geomean ({s['rows']} rows) | | | | - | {fmt(s['pyo3_over_c_all_rows'], '.2f')} | - |")
    if builds:
        out += ["", "```", *build_lines(builds), "```"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="short measurements, 2 repeats")
    ap.add_argument("--repeat", type=int, help="repeats per operation (default 7, quick 2)")
    ap.add_argument("--callgrind", action="store_true", help="also count instructions per call")
    ap.add_argument("--json", help="write the results as JSON here")
    ap.add_argument("--markdown", help="write the table as Markdown here")
    ap.add_argument("--builds", help="a JSON list of build rows from xtask to include")
    opts = ap.parse_args()
    repeat = opts.repeat or (2 if opts.quick else 7)

    import bench_c
    import bench_pyroxide

    modules = {"c": bench_c, "pyroxide": bench_pyroxide}
    try:
        import bench_pyo3

        modules["pyo3"] = bench_pyo3
    except ImportError:
        print("bench_pyo3 is not built for this interpreter: C and Pyroxide only", file=sys.stderr)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"conformance check ({python})", file=sys.stderr)
    problems = conformance(modules)
    if problems:
        print("the implementations disagree:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print(f"  all {len(modules)} agree", file=sys.stderr)

    mode = "quick" if opts.quick else "timeit autorange (>= 0.2 s per measurement)"
    note = f"ns/call, min over {repeat} repeats ({mode}), implementations interleaved; ratios of the minima"
    print(f"timing: {note}", file=sys.stderr)
    samples = measure(modules, repeat, opts.quick)
    rows = build_rows(samples, modules)
    summary = summaries(rows)
    builds = []
    if opts.builds:
        with open(opts.builds) as f:
            builds = json.load(f)

    counts = None
    if opts.callgrind:
        print("counting instructions with callgrind", file=sys.stderr)
        counts = count_instructions(modules, 200 if opts.quick else 2000)

    print(f"\n{python}: {note}")
    print("\n".join(table_lines(rows, summary)))
    if counts:
        print()
        print("\n".join(instruction_lines(counts)))
    if builds:
        print()
        print("\n".join(build_lines(builds)))
    meta = {"python": python, "note": note, "repeat": repeat, "quick": opts.quick}
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"meta": meta, "rows": rows, "summary": summary, "builds": builds,
                       "instructions_per_call": counts, "samples_ns": samples}, f, indent=1)
        print(f"\nwrote {opts.json}", file=sys.stderr)
    if opts.markdown:
        with open(opts.markdown, "w") as f:
            f.write(markdown(rows, summary, builds, meta))
            if counts:
                f.write("\n```\n" + "\n".join(instruction_lines(counts)) + "\n```\n")
        print(f"wrote {opts.markdown}", file=sys.stderr)


if __name__ == "__main__":
    main()
