"""Leak sweep for a debug CPython (`sys.gettotalrefcount`), CPython's own `-R 3:3` method.

Each case is a function of no arguments that makes one call into `pyroxide_ext` (a conversion
in both directions, or one wrapper kind on one path: success, Python exception, Rust panic).
It is run N times per round, 3 warm-up rounds then 3 measured rounds; each measured round's
deltas of `sys.gettotalrefcount()` and `sys.getallocatedblocks()`, minus those of a no-op
baseline round, must be 0. The deliberately leaking `reliability.leak_one` must show exactly N
references per round: the proof that the sweep catches a one-reference leak.

Block counts also move with the interpreter's own caches (up to a few dozen blocks per round,
not scaling with N: `ipaddress.IPv6Address` showed 28): a case leaks blocks only if every
measured round shows at least N/100 more blocks than the baseline, which any leak of one block
per 100 calls exceeds. Reference deltas must be exactly 0.

Usage: python leaks.py [-n N] [-k SUBSTRING] [--list]. The last line of the output is
`LEAKSWEEP cases=C calls=K leaks=L canary=R` for `cargo xtask reliability`; the exit status is
1 if a case leaks (other than the canary) or the canary does not show N.
"""

import argparse
import contextlib
import gc
import os
import sys

import pyroxide_ext as ext

c = ext.conversions
f = ext.functions
rel = ext.reliability
cls = ext.classes
proto = ext.protocols
enums = ext.enums
Panic = BaseException  # PanicException derives from BaseException


def call(fn, *args, **kwargs):
    return lambda: fn(*args, **kwargs)


def raises(exc, fn, *args, **kwargs):
    def run():
        try:
            fn(*args, **kwargs)
        except exc:
            pass
        else:
            raise AssertionError(f"{fn} did not raise {exc}")

    return run


# ---------------------------------------------------------------- conversions
CONVERSIONS = {
    "i8": (c.rt_i8, -128, 128), "i16": (c.rt_i16, -(2**15), 2**15),
    "i32": (c.rt_i32, -(2**31), 2**31), "i64": (c.rt_i64, -(2**63), 2**63),
    "i128": (c.rt_i128, -(2**127), 2**127), "isize": (c.rt_isize, -(2**63), 2**63),
    "u8": (c.rt_u8, 255, 256), "u16": (c.rt_u16, 2**16 - 1, 2**16),
    "u32": (c.rt_u32, 2**32 - 1, 2**32), "u64": (c.rt_u64, 2**64 - 1, 2**64),
    "u128": (c.rt_u128, 2**128 - 1, 2**128), "usize": (c.rt_usize, 2**64 - 1, -1),
}


def conversion_cases():
    cases = {}
    for name, (fn, good, bad) in CONVERSIONS.items():
        cases[f"conv {name} ok"] = call(fn, good)
        cases[f"conv {name} small ok"] = call(fn, 7)
        cases[f"conv {name} overflow"] = raises(OverflowError, fn, bad)
        cases[f"conv {name} wrong type"] = raises(TypeError, fn, "x")
    ok = [
        (c.rt_f32, 1.5), (c.rt_f64, 2.5), (c.rt_f64, 3), (c.rt_bool, True), (c.rt_char, "é"),
        (c.rt_string, "héllo wörld"), (c.rt_str, "abc"), (c.rt_cow_str, "\u20ac"),
        (c.rt_vec, [1, 2, 3]), (c.rt_vec, (1, 2)), (c.rt_vec_str, ["a", "b"]),
        (c.rt_nested, [[1], [2, 3]]), (c.rt_array, [1, 2, 3]), (c.rt_tuple, (1, "a", 2.0)),
        (c.rt_option, None), (c.rt_option, 5), (c.rt_hashmap, {"a": 1, "b": 2}),
        (c.rt_btreemap, {1: "x"}), (c.rt_hashset, {1, 2}), (c.rt_btreeset, frozenset({"a"})),
        (c.rt_bytes, b"abc"), (c.rt_byte_slice, b"xyz"), (c.rt_cstring, "nul-free"),
        (c.rt_path, "/tmp/x"), (c.rt_osstring, "os"), (c.rt_nonzero_u32, 3),
        (c.rt_nonzero_i64, -3), (c.tree_depth, [1, [2, [3]]]),
    ]
    import datetime
    import ipaddress

    ok += [(c.rt_duration, datetime.timedelta(seconds=1.5)), (c.rt_ipaddr, ipaddress.ip_address("::1"))]
    for fn, value in ok:
        cases[f"conv {fn.__name__}({type(value).__name__}) ok"] = call(fn, value)
    bad = [
        (TypeError, c.rt_f64, "x"), (TypeError, c.rt_bool, 1), (ValueError, c.rt_char, "ab"),
        (TypeError, c.rt_string, b"x"), (UnicodeEncodeError, c.rt_string, "\ud800"),
        (TypeError, c.rt_vec, "abc"), (TypeError, c.rt_vec, [1, "x"]),
        (ValueError, c.rt_array, [1, 2]), (ValueError, c.rt_tuple, (1, 2)),
        (TypeError, c.rt_hashmap, {1: 1}), (TypeError, c.rt_hashset, [1]),
        (ValueError, c.rt_cstring, "a\0b"), (ValueError, c.rt_nonzero_u32, 0),
        (TypeError, c.rt_bytes, "str"), (TypeError, c.tree_depth, "x"),
    ]
    for exc, fn, value in bad:
        cases[f"conv {fn.__name__}({value!r}) {exc.__name__}"] = raises(exc, fn, value)
    return cases


# ---------------------------------------------------------------- wrapper kinds
FRAGILES = []  # made with a failing mode; reset before exit (a panicking traverse is noisy)


def fragile(mode="", value=10**9):
    obj = rel.Fragile(mode, value)
    FRAGILES.append(obj)
    return obj


FRAGILE_OPS = {
    "new": lambda mode: rel.Fragile(mode, 1),
    "init": lambda mode: rel.Fragile(mode, 1),
    "method": lambda o: o.method(1),
    "getter": lambda o: o.value,
    "setter": lambda o: setattr(o, "value", 10**9),
    "repr": repr,
    "hash": hash,
    "richcmp": lambda o: o < 3,
    "iter": iter,
    "next": next,
    "len": len,
    "getitem": lambda o: o[2],
    "call": lambda o: o(1, 2),
    "add": lambda o: o + 1,
    "traverse": gc.get_referents,
}


def wrapper_cases():
    cases = {}
    for kind, op in FRAGILE_OPS.items():
        for path in ("ok", "raise", "panic"):
            if kind == "traverse" and path == "raise":
                continue  # `__traverse__` has no exception path
            mode = "" if path == "ok" else f"{path}:{kind}"
            if kind in ("new", "init"):
                run = (lambda op, mode: lambda: op(mode))(op, mode)
            else:
                obj = fragile(mode, 10**9 if kind != "traverse" else 0)
                run = (lambda op, obj: lambda: op(obj))(op, obj)
            exc = {"ok": None, "raise": ValueError, "panic": Panic}[path]
            if kind == "traverse" or exc is None:
                cases[f"Fragile {kind} {path}"] = run
            else:
                cases[f"Fragile {kind} {path}"] = raises(exc, run)
    cases["Fragile classattr"] = lambda: rel.Fragile.KINDS
    cases["Fragile drop ok"] = lambda: rel.Fragile("", 1)
    # CPython's unraisable path itself keeps one reference and one block per round (not per
    # call): a Python `__del__` that raises is the control subtracted from this case.
    cases["Fragile drop panic (unraisable)"] = (lambda: rel.Fragile("panic:drop", 1), RaisingDel)
    cases["Fragile traverse with payload"] = call(gc.get_referents, fragile("", 0))
    cases["Fragile subclass new"] = lambda: Sub("", 1)
    return cases


class Sub(rel.Fragile):
    pass


class RaisingDel:
    def __del__(self):
        raise ValueError("control")


def other_cases():
    counter = cls.Counter(0)
    v = proto.Vec2(1.0, 2.0)
    reg = proto.Registry()
    reg["k"] = 1
    point = cls.Point(1, 2)
    owner_cls = type("Owner", (), {"t": proto.Typed("t")})
    owner = owner_cls()
    owner.t = 1
    rec = proto.Record(1, "n")
    return {
        "function noop": f.noop,
        "function add": call(f.add, 1, 2),
        "function add kwargs": call(f.add, a=1, b=2),
        "function full": call(f.full, 1, 2, 3, 4, 5, d=True, e=1.0, z=1),
        "function missing arg": raises(TypeError, f.add, 1),
        "function bad kwarg": raises(TypeError, f.add, 1, 2, c=3),
        "function raise": raises(ValueError, f.fails, "x"),
        "function Result Err": raises(ValueError, f.parse, "x"),
        "function panic": raises(Panic, f.panics, "boom"),
        "function pass_module": f.module_name,
        "function from_py_with": call(f.converted, 4),
        "closure": call(f.closure_adder(1), 2),
        "closure make": call(f.closure_adder, 1),
        "method &mut": call(counter.incr, 1),
        "method default arg": counter.incr,
        "method tuple": counter.pair,
        "method raise": raises(cls.CounterError, counter.fail, "x"),
        "method panic": raises(Panic, counter.panic),
        "staticmethod": call(cls.Counter.parse, "12"),
        "staticmethod raise": raises(cls.CounterError, cls.Counter.parse, "x"),
        "classmethod": cls.Counter.named,
        "classattr": lambda: cls.Counter.MAX,
        "getter field": lambda: counter.step,
        "setter field": lambda: setattr(counter, "step", 1),
        "setter wrong type": raises(TypeError, setattr, counter, "step", "x"),
        "setter delete": raises(AttributeError, delattr, counter, "step"),
        "getter method": lambda: counter.negative,
        "new kw-only": call(cls.Counter, 1, step=2),
        "new extends": call(cls.LabeledCounter, "a", 1),
        "method extends": cls.LabeledCounter("a", 1).describe,
        "reenter borrow error": raises(RuntimeError, counter.reenter, lambda: counter.incr()),
        "iterator": lambda: list(cls.Countdown(3)),
        "frozen hash eq ord str": lambda: (hash(point), point == point, point < point, str(point)),
        "enum": lambda: (cls.Color.Red == cls.Color.Red, cls.Color.Blue == 10, repr(cls.Color.Green)),
        "complex enum": lambda: enums.area_of(enums.Shape.Circle(1.0)),
        "complex enum list": enums.make_shapes,
        "generic class": lambda: enums.Boxed(1, scale=2),
        "number ops": lambda: (v + v, v - v, v * 2.0, 2.0 * v, v @ v, v / 2.0, 2.0 / v, v**2),
        "number unary": lambda: (-v, abs(v), bool(v), float(v)),
        "number inplace": lambda: proto.Vec2.__iadd__(proto.Vec2(1.0, 1.0), v),
        "number NotImplemented": raises(TypeError, lambda: v + "x"),
        "richcmp eq lt": lambda: (v == v, v < v, v != v),
        "mapping": lambda: (reg["k"], len(reg), "k" in reg, reg.keys()),
        "mapping set del": lambda: (reg.__setitem__("j", 2), reg.__delitem__("j")),
        "mapping KeyError": raises(KeyError, lambda: reg["missing"]),
        "getattr setattr delattr": lambda: (setattr(reg, "a", 1), reg.a, delattr(reg, "a")),
        "getattr AttributeError": raises(AttributeError, lambda: reg.missing),
        "descriptor get set delete": lambda: (owner.t, setattr(owner, "t", 2), owner_cls.t),
        "__init__": call(proto.Record, 5, "x"),
        "__init__ error": raises(TypeError, proto.Record, "x"),
        "getter setter deleter": lambda: (rec.note, setattr(rec, "note", "y"), delattr(rec, "note")),
        "deleter raise": raises(AttributeError, delattr, proto.Record(1), "note"),
        "wrong receiver": raises(TypeError, rel.Fragile.method, cls.Counter(0), 1),
        "unsendable": lambda: rel.Local(3).get(),
    }


def all_cases():
    cases = {}
    cases.update(conversion_cases())
    cases.update(wrapper_cases())
    cases.update(other_cases())
    return cases


# ---------------------------------------------------------------- measurement
@contextlib.contextmanager
def quiet_stderr():
    """Panic messages and `__traverse__` reports go to fd 2; keep them out of the output."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def one_round(fn, n):
    gc.collect()
    refs, blocks = sys.gettotalrefcount(), sys.getallocatedblocks()
    for _ in range(n):
        fn()
    gc.collect()
    return sys.gettotalrefcount() - refs, sys.getallocatedblocks() - blocks


def measure(fn, n, baseline, warmups=3, rounds=3):
    for _ in range(warmups):
        one_round(fn, n)
    deltas = []
    for _ in range(rounds):
        refs, blocks = one_round(fn, n)
        deltas.append((refs - baseline[0], blocks - baseline[1]))
    return deltas


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("-k", default="")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if not hasattr(sys, "gettotalrefcount"):
        sys.exit("the leak sweep needs a debug CPython (sys.gettotalrefcount)")
    unraisable = set()  # exception type names; adding a known name allocates nothing
    sys.unraisablehook = lambda u: unraisable.add(type(u.exc_value).__name__)
    cases = {k: v for k, v in all_cases().items() if args.k in k}
    if args.list:
        print("\n".join(cases))
        return
    n = args.n
    noop = lambda: None  # noqa: E731
    for _ in range(3):
        one_round(noop, n)
    baseline = min((one_round(noop, n) for _ in range(3)), key=lambda d: abs(d[0]) + abs(d[1]))
    leaks = []
    noise = 0
    with quiet_stderr():
        for name, case in cases.items():
            fn, control = case if isinstance(case, tuple) else (case, None)
            base = baseline
            if control is not None:
                c_deltas = measure(control, n, baseline)
                base = (baseline[0] + max(d[0] for d in c_deltas), baseline[1] + max(d[1] for d in c_deltas))
            deltas = measure(fn, n, base)
            refs_leak = any(d[0] != 0 for d in deltas)
            blocks_leak = all(d[1] >= max(1, n // 100) for d in deltas)
            noise = max(noise, *(abs(d[1]) for d in deltas))
            if refs_leak or blocks_leak:
                leaks.append((name, deltas))
                print(f"LEAK  {name}: {deltas}", flush=True)
        canary = measure(call(rel.leak_one, object()), n, baseline)
        for obj in FRAGILES:
            obj.mode = ""
    print(f"baseline {baseline}; canary leak_one: {canary}")
    canary_ok = all(d[0] == n for d in canary)
    if not canary_ok:
        print(f"CANARY FAILED: leak_one should leak exactly {n} references per round")
    if "PanicException" not in unraisable and any("drop panic" in k for k in cases):
        print("the panicking Drop was not reported as unraisable")
        canary_ok = False
    calls = len(cases) * n * 6
    print(f"{len(cases)} cases, {calls} calls, {len(leaks)} leaking; largest block noise {noise}")
    print(f"LEAKSWEEP cases={len(cases)} calls={calls} leaks={len(leaks)} canary={canary[-1][0]}")
    sys.exit(0 if not leaks and canary_ok else 1)


if __name__ == "__main__":
    main()
