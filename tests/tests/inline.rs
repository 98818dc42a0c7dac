//! Compares each function of the active sys crate's `inline` module with the C macro or static
//! inline function it mirrors, evaluated by `c/inline_helpers.c` on the same objects: values,
//! type checks, tuple/list/str access, and the reference-count effects (immortal objects,
//! mortal objects, deallocation at zero, the `Py_REF_DEBUG` total).
//!
//! Not on PyPy: the build script compiles the helpers against CPython's headers only, and most
//! comparisons observe reference counts, which on PyPy include `REFCNT_FROM_PYPY` and do not
//! free at zero. Not under the limited API either: its inline forms follow the newest headers, not the
//! version-specific C macros the helpers are compiled with.
#![cfg(not(any(PyPy, Py_LIMITED_API)))]

use std::ffi::{c_int, c_ulong, CStr};
use std::ptr::{addr_of_mut, null_mut};

use pyroxide_tests::c::*;
use pyroxide_tests::ffi::{self, PyObject};
use pyroxide_tests::{eval, Gil, Globals};

const ZOO: &str = r#"
class MyInt(int): pass
class MyStr(str): pass
class MyTuple(tuple): pass
class MyList(list): pass
class MyDict(dict): pass
class MyBytes(bytes): pass
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
tuple_ = (1, 'a', None)
empty_tuple = ()
list_ = [1, 2, 3]
big_int = 10 ** 30
int_ = 123456789
small_int = 5
true = True
none = None
ascii = 'hello'
non_ascii = 'h\u00e9llo w\u00f6rld \u20ac'
astral = '\U0001F600a'
empty_str = ''
bytes_ = b'abc'
dict_ = {'k': 1}
type_ = int
my_int = MyInt(3)
my_str = MyStr('s')
my_tuple = MyTuple((1, 2))
my_list = MyList([1])
my_dict = MyDict()
my_bytes = MyBytes(b'x')
meta_class = WithMeta
object_ = object()
float_ = 1.5
"#;

/// Names in `ZOO` and, per check (Long, Unicode, Tuple, List, Dict, Bytes, Type), whether
/// `X_Check` and `X_CheckExact` hold: `C` both, `c` only `X_Check`, `.` neither.
const EXPECTED: &[(&CStr, &str)] = &[
    (c"tuple_", "..C...."),
    (c"empty_tuple", "..C...."),
    (c"list_", "...C..."),
    (c"big_int", "C......"),
    (c"int_", "C......"),
    (c"small_int", "C......"),
    (c"true", "c......"),
    (c"none", "......."),
    (c"ascii", ".C....."),
    (c"non_ascii", ".C....."),
    (c"astral", ".C....."),
    (c"empty_str", ".C....."),
    (c"bytes_", ".....C."),
    (c"dict_", "....C.."),
    (c"type_", "......C"),
    (c"my_int", "c......"),
    (c"my_str", ".c....."),
    (c"my_tuple", "..c...."),
    (c"my_list", "...c..."),
    (c"my_dict", "....c.."),
    (c"my_bytes", ".....c."),
    (c"meta_class", "......c"),
    (c"object_", "......."),
    (c"float_", "......."),
];

type RustCheck = unsafe fn(*mut PyObject) -> c_int;
type CCheck = unsafe extern "C" fn(*mut PyObject) -> c_int;

/// (name, `X_Check` in Rust, in C, `X_CheckExact` in Rust, in C), in `EXPECTED`'s column order.
const CHECKS: [(&str, RustCheck, CCheck, RustCheck, CCheck); 7] = [
    ("Long", ffi::PyLong_Check, c_PyLong_Check, ffi::PyLong_CheckExact, c_PyLong_CheckExact),
    (
        "Unicode",
        ffi::PyUnicode_Check,
        c_PyUnicode_Check,
        ffi::PyUnicode_CheckExact,
        c_PyUnicode_CheckExact,
    ),
    ("Tuple", ffi::PyTuple_Check, c_PyTuple_Check, ffi::PyTuple_CheckExact, c_PyTuple_CheckExact),
    ("List", ffi::PyList_Check, c_PyList_Check, ffi::PyList_CheckExact, c_PyList_CheckExact),
    ("Dict", ffi::PyDict_Check, c_PyDict_Check, ffi::PyDict_CheckExact, c_PyDict_CheckExact),
    ("Bytes", ffi::PyBytes_Check, c_PyBytes_Check, ffi::PyBytes_CheckExact, c_PyBytes_CheckExact),
    ("Type", ffi::PyType_Check, c_PyType_Check, ffi::PyType_CheckExact, c_PyType_CheckExact),
];

/// Runs `ZOO` in fresh globals and returns them.
fn zoo(gil: &Gil) -> Globals<'_> {
    let globals = Globals::new(gil);
    globals.exec(ZOO);
    globals
}

/// `len(obj)` through the abstract API (independent of the macros under test).
fn len(obj: *mut PyObject) -> isize {
    // SAFETY: callers hold the GIL and pass live objects.
    unsafe { ffi::PyObject_Size(obj) }
}

#[test]
fn header_accessors_match_c() {
    let gil = Gil::acquire();
    let globals = zoo(&gil);
    for (name, _) in EXPECTED {
        let obj = globals.get(name);
        // SAFETY: the GIL is held and `obj` is kept alive by `globals`.
        unsafe {
            let tp = c_Py_TYPE(obj);
            assert_eq!(ffi::Py_TYPE(obj), tp, "Py_TYPE({name:?})");
            assert_eq!(ffi::Py_REFCNT(obj), c_Py_REFCNT(obj), "Py_REFCNT({name:?})");
            assert_eq!(ffi::Py_IS_TYPE(obj, tp), 1, "Py_IS_TYPE({name:?}, own type)");
            let long = addr_of_mut!(ffi::PyLong_Type);
            assert_eq!(ffi::Py_IS_TYPE(obj, long), c_Py_IS_TYPE(obj, long), "{name:?}");
        }
    }
    // Py_SIZE asserts on ints from 3.12 (C helpers are built without NDEBUG): var-size objects.
    let mut sized = vec![(c"tuple_", 3), (c"empty_tuple", 0), (c"list_", 3), (c"bytes_", 3)];
    sized.extend([(c"my_tuple", 2), (c"my_list", 1), (c"my_bytes", 1)]);
    for (name, size) in sized {
        let obj = globals.get(name);
        // SAFETY: as above; all of these are `PyVarObject`s.
        unsafe {
            assert_eq!(ffi::Py_SIZE(obj), size, "Py_SIZE({name:?})");
            assert_eq!(c_Py_SIZE(obj), size, "C Py_SIZE({name:?})");
        }
    }
    #[cfg(not(Py_3_12))]
    // SAFETY: as above; before 3.12 an int's `ob_size` is its signed digit count.
    unsafe {
        let big = globals.get(c"big_int");
        assert_eq!(ffi::Py_SIZE(big), c_Py_SIZE(big));
        assert!(ffi::Py_SIZE(big) > 1);
    }
}

#[test]
fn type_checks_match_c_and_python() {
    let gil = Gil::acquire();
    let globals = zoo(&gil);
    for (name, expected) in EXPECTED {
        let obj = globals.get(name);
        for ((check, rust, c, rust_exact, c_exact), want) in CHECKS.iter().zip(expected.chars()) {
            // SAFETY: the GIL is held and `obj` is kept alive by `globals`.
            let (r, c, re, ce) = unsafe { (rust(obj), c(obj), rust_exact(obj), c_exact(obj)) };
            assert_eq!(r, c, "Py{check}_Check({name:?}): Rust vs C");
            assert_eq!(re, ce, "Py{check}_CheckExact({name:?}): Rust vs C");
            let want = (want != '.', want == 'C');
            assert_eq!((r != 0, re != 0), want, "Py{check}_Check/CheckExact({name:?})");
        }
    }
}

#[test]
fn type_has_feature_matches_c() {
    let gil = Gil::acquire();
    let globals = zoo(&gil);
    let flags = [
        ffi::Py_TPFLAGS_HEAPTYPE,
        ffi::Py_TPFLAGS_BASETYPE,
        ffi::Py_TPFLAGS_HAVE_GC,
        ffi::Py_TPFLAGS_LONG_SUBCLASS,
        ffi::Py_TPFLAGS_TYPE_SUBCLASS,
    ];
    for (name, _) in EXPECTED {
        let obj = globals.get(name);
        for flag in flags {
            // SAFETY: the GIL is held; the type of a live object is live.
            unsafe {
                let tp = ffi::Py_TYPE(obj);
                let (r, c) = (
                    ffi::PyType_HasFeature(tp, flag as c_ulong),
                    c_PyType_HasFeature(tp, flag as c_ulong),
                );
                assert_eq!(r, c, "PyType_HasFeature(type({name:?}), {flag:#x})");
            }
        }
    }
    let my_int = globals.get(c"my_int");
    // SAFETY: as above; a class statement makes a heap type, `int` is static.
    unsafe {
        assert_eq!(
            ffi::PyType_HasFeature(ffi::Py_TYPE(my_int), ffi::Py_TPFLAGS_HEAPTYPE as c_ulong),
            1
        );
        let int_type = addr_of_mut!(ffi::PyLong_Type);
        assert_eq!(ffi::PyType_HasFeature(int_type, ffi::Py_TPFLAGS_HEAPTYPE as c_ulong), 0);
    }
}

#[test]
fn tuple_macros_match_c() {
    let gil = Gil::acquire();
    let t = eval(&gil, "(1, 'a', None, 2.5)");
    // SAFETY: the GIL is held; `t` is a live tuple of 4 items and the new tuple is filled before
    // any other use, as SET_ITEM requires.
    unsafe {
        assert_eq!(ffi::PyTuple_GET_SIZE(t), 4);
        assert_eq!(c_PyTuple_GET_SIZE(t), 4);
        for i in 0..4 {
            assert_eq!(ffi::PyTuple_GET_ITEM(t, i), c_PyTuple_GET_ITEM(t, i), "item {i}");
            assert_eq!(ffi::PyTuple_GET_ITEM(t, i), ffi::PyTuple_GetItem(t, i), "item {i}");
        }
        let fresh = ffi::PyTuple_New(2);
        let (x, y) = (ffi::PyLong_FromLong(1 << 40), ffi::PyLong_FromLong(-(1 << 41)));
        ffi::PyTuple_SET_ITEM(fresh, 0, x);
        c_PyTuple_SET_ITEM(fresh, 1, y);
        for (i, item) in [(0, x), (1, y)] {
            assert_eq!(c_PyTuple_GET_ITEM(fresh, i), item);
            assert_eq!(ffi::PyTuple_GET_ITEM(fresh, i), item);
            assert_eq!(c_Py_REFCNT(item), 1, "SET_ITEM steals without an extra reference");
        }
        ffi::Py_DECREF(fresh);
        ffi::Py_DECREF(t);
    }
}

#[test]
fn list_macros_match_c() {
    let gil = Gil::acquire();
    let list = eval(&gil, "[10, 'x', None]");
    // SAFETY: the GIL is held; `list` is a live list of 3 items; the new list's NULL slots are
    // filled before any other use.
    unsafe {
        assert_eq!(ffi::PyList_GET_SIZE(list), 3);
        assert_eq!(c_PyList_GET_SIZE(list), 3);
        for i in 0..3 {
            assert_eq!(ffi::PyList_GET_ITEM(list, i), c_PyList_GET_ITEM(list, i), "item {i}");
            assert_eq!(ffi::PyList_GET_ITEM(list, i), ffi::PyList_GetItem(list, i), "item {i}");
        }
        let fresh = ffi::PyList_New(2);
        let (x, y) = (ffi::PyLong_FromLong(1 << 42), ffi::PyLong_FromLong(-(1 << 43)));
        ffi::PyList_SET_ITEM(fresh, 0, x);
        c_PyList_SET_ITEM(fresh, 1, y);
        for (i, item) in [(0, x), (1, y)] {
            assert_eq!(c_PyList_GET_ITEM(fresh, i), item);
            assert_eq!(ffi::PyList_GET_ITEM(fresh, i), item);
            assert_eq!(c_Py_REFCNT(item), 1, "SET_ITEM steals without an extra reference");
        }
        assert_eq!(len(fresh), 2);
        ffi::Py_DECREF(fresh);
        ffi::Py_DECREF(list);
    }
}

#[test]
fn compact_int_accessors_match_c() {
    let gil = Gil::acquire();
    // Around the one-digit limit (2**30) on both sides, zero, bool, and a subclass.
    let ints = eval(
        &gil,
        "[0, 1, -1, 5, -5, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**31, -(2**62), 10**30, \
         -(10**30), True, False, type('I', (int,), {})(-7), type('I', (int,), {})(2**40)]",
    );
    // SAFETY: the GIL is held; `ints` is a live list of `int`s; the value is read only when
    // both sides say the `int` is compact.
    unsafe {
        let n = ffi::PyList_GET_SIZE(ints);
        let mut compact = 0;
        for i in 0..n {
            let item = ffi::PyList_GET_ITEM(ints, i);
            let is_compact = ffi::_PyLong_IsCompact(item);
            assert_eq!(is_compact as c_int, c__PyLong_IsCompact(item), "item {i}");
            let exact = ffi::PyLong_AsLongLong(item);
            let small = ffi::PyErr_Occurred().is_null() && exact.unsigned_abs() < (1 << 30);
            ffi::PyErr_Clear();
            assert_eq!(is_compact, small, "item {i}: compact exactly below 2**30");
            if is_compact {
                compact += 1;
                assert_eq!(ffi::_PyLong_CompactValue(item), c__PyLong_CompactValue(item));
                assert_eq!(ffi::_PyLong_CompactValue(item) as i64, exact as i64, "item {i}");
            }
        }
        assert_eq!(compact, 10);
        ffi::Py_DECREF(ints);
    }
}

#[test]
fn unicode_length_matches_c() {
    let gil = Gil::acquire();
    let globals = zoo(&gil);
    for (name, chars) in [(c"ascii", 5), (c"non_ascii", 13), (c"astral", 2), (c"empty_str", 0)] {
        let s = globals.get(name);
        // SAFETY: the GIL is held and `s` is a ready `str` kept alive by `globals`.
        unsafe {
            assert_eq!(ffi::PyUnicode_GET_LENGTH(s), chars, "{name:?}");
            assert_eq!(c_PyUnicode_GET_LENGTH(s), chars, "{name:?}");
        }
        assert_eq!(len(s), chars);
    }
}

#[test]
fn unicode_layout_matches_c() {
    let gil = Gil::acquire();
    // Compact ASCII, compact non-ASCII (1, 2 and 4 bytes per character), empty, and an instance
    // of a `str` subclass (not compact: its characters live in a separate buffer).
    let strs = eval(
        &gil,
        "['hello', 'h\\u00e9llo', '\\u20ac uro', '\\U0001F600a', '', \
         type('S', (str,), {})('sub ascii'), type('S', (str,), {})('sub \\u00e9')]",
    );
    let expected = [(1, 1), (1, 0), (1, 0), (1, 0), (1, 1), (0, 0), (0, 0)];
    // SAFETY: the GIL is held; `strs` is a live list of ready `str`s; the bytes are read only
    // for compact ASCII strings, whose `length` characters are at `PyUnicode_DATA`.
    unsafe {
        assert_eq!(ffi::PyList_GET_SIZE(strs), expected.len() as ffi::Py_ssize_t);
        for (i, &(compact, ascii)) in expected.iter().enumerate() {
            let item = ffi::PyList_GET_ITEM(strs, i as ffi::Py_ssize_t);
            assert_eq!(ffi::PyUnicode_IS_COMPACT(item), c_PyUnicode_IS_COMPACT(item), "item {i}");
            assert_eq!(ffi::PyUnicode_IS_COMPACT(item), compact, "item {i}");
            let is_ascii = ffi::PyUnicode_IS_COMPACT_ASCII(item);
            assert_eq!(is_ascii, c_PyUnicode_IS_COMPACT_ASCII(item), "item {i}");
            assert_eq!(is_ascii, ascii, "item {i}");
            assert_eq!(ffi::PyUnicode_DATA(item), c_PyUnicode_DATA(item), "item {i}");
            if is_ascii != 0 {
                let len = ffi::PyUnicode_GET_LENGTH(item) as usize;
                let bytes = std::slice::from_raw_parts(ffi::PyUnicode_DATA(item).cast::<u8>(), len);
                let mut utf8_len: ffi::Py_ssize_t = 0;
                let utf8 = ffi::PyUnicode_AsUTF8AndSize(item, &mut utf8_len);
                assert_eq!(bytes, std::slice::from_raw_parts(utf8.cast::<u8>(), utf8_len as usize));
            }
        }
        ffi::Py_DECREF(strs);
    }
}

#[test]
fn float_value_matches_c() {
    let gil = Gil::acquire();
    let floats = eval(
        &gil,
        "[0.0, -0.0, 1.5, -2.25e300, 5e-324, float('inf'), float('-inf'), float('nan'), \
         type('F', (float,), {})(7.75)]",
    );
    // SAFETY: the GIL is held; `floats` is a live list of `float`s (one of a subclass).
    unsafe {
        for i in 0..ffi::PyList_GET_SIZE(floats) {
            let item = ffi::PyList_GET_ITEM(floats, i);
            let value = ffi::PyFloat_AS_DOUBLE(item);
            assert_eq!(value.to_bits(), c_PyFloat_AS_DOUBLE(item).to_bits(), "item {i}");
            assert_eq!(value.to_bits(), ffi::PyFloat_AsDouble(item).to_bits(), "item {i}");
        }
        ffi::Py_DECREF(floats);
    }
}

#[test]
fn singletons_and_identity_match_c() {
    let gil = Gil::acquire();
    let values = [(eval(&gil, "None"), 0), (eval(&gil, "True"), 1), (eval(&gil, "1 == 2"), 2)];
    // SAFETY: the GIL is held; the singletons are live for the interpreter's lifetime.
    unsafe {
        let rust = [ffi::Py_None(), ffi::Py_True(), ffi::Py_False()];
        let c = [c_Py_None(), c_Py_True(), c_Py_False()];
        assert_eq!(rust, c);
        for (value, index) in values {
            assert_eq!(value, rust[index], "singleton {index}");
            assert_eq!(ffi::Py_Is(value, rust[index]), 1);
            assert_eq!(c_Py_Is(value, rust[index]), 1);
            assert_eq!(ffi::Py_Is(value, rust[(index + 1) % 3]), 0);
            assert_eq!(c_Py_Is(value, rust[(index + 1) % 3]), 0);
            ffi::Py_DECREF(value);
        }
    }
}

/// Reference-count change of `obj` caused by `op`, as read by the C `Py_REFCNT`.
fn delta(obj: *mut PyObject, op: unsafe fn(*mut PyObject)) -> isize {
    // SAFETY: callers hold the GIL and pass a live object that `op` may act on.
    unsafe {
        let before = c_Py_REFCNT(obj);
        op(obj);
        c_Py_REFCNT(obj) - before
    }
}

// C helpers as `unsafe fn` so that `delta` takes Rust and C operations alike.
unsafe fn c_incref(o: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { c_Py_INCREF(o) }
}
unsafe fn c_decref(o: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { c_Py_DECREF(o) }
}

#[test]
fn refcounts_of_mortal_objects_match_c() {
    let gil = Gil::acquire();
    let obj = eval(&gil, "[object()]");
    // SAFETY: the GIL is held; `obj` is a fresh list we own one reference to, and every increment
    // below is paired with a decrement before the final release.
    unsafe {
        assert_eq!(c_Py_REFCNT(obj), 1);
        assert_eq!(ffi::Py_REFCNT(obj), 1);
        assert_eq!(delta(obj, ffi::Py_INCREF), 1);
        assert_eq!(ffi::Py_REFCNT(obj), 2);
        assert_eq!(delta(obj, c_incref), 1);
        assert_eq!(delta(obj, ffi::Py_DECREF), -1);
        assert_eq!(delta(obj, c_decref), -1);
        assert_eq!(delta(obj, ffi::Py_XINCREF), 1);
        assert_eq!(delta(obj, ffi::Py_XDECREF), -1);
        ffi::Py_XINCREF(null_mut());
        ffi::Py_XDECREF(null_mut());
        assert_eq!(ffi::Py_NewRef(obj), obj);
        assert_eq!(c_Py_REFCNT(obj), 2);
        assert_eq!(c_Py_NewRef(obj), obj);
        assert_eq!(c_Py_REFCNT(obj), 3);
        assert_eq!(ffi::Py_XNewRef(obj), obj);
        assert_eq!(c_Py_REFCNT(obj), 4);
        assert!(ffi::Py_XNewRef(null_mut()).is_null());
        assert!(c_Py_XNewRef(null_mut()).is_null());
        for _ in 0..3 {
            ffi::Py_DECREF(obj);
        }
        assert_eq!(c_Py_REFCNT(obj), 1);

        let mut total = 0;
        if c_ref_total(&mut total) == 1 {
            // Py_REF_DEBUG: the inline functions keep the interpreter's total as C does.
            let t0 = total;
            ffi::Py_INCREF(obj);
            c_ref_total(&mut total);
            assert_eq!(total, t0 + 1, "Py_INCREF counts in the reference total");
            ffi::Py_DECREF(obj);
            c_ref_total(&mut total);
            assert_eq!(total, t0, "Py_DECREF counts in the reference total");
            c_Py_INCREF(obj);
            c_ref_total(&mut total);
            assert_eq!(total, t0 + 1, "C Py_INCREF counts in the reference total");
            c_Py_DECREF(obj);
        }
        #[cfg(py_sys_config = "Py_REF_DEBUG")]
        assert_eq!(c_ref_total(&mut total), 1, "debug build without Py_REF_DEBUG in C");
        ffi::Py_DECREF(obj);
    }
}

#[test]
fn immortal_objects_match_c() {
    let gil = Gil::acquire();
    let globals = zoo(&gil);
    for name in [c"none", c"true", c"small_int", c"empty_tuple", c"type_"] {
        let obj = globals.get(name);
        // SAFETY: the GIL is held; `obj` is kept alive by `globals` and every increment is paired
        // with a decrement.
        unsafe {
            let before = c_Py_REFCNT(obj);
            assert_eq!(ffi::Py_REFCNT(obj), before, "Py_REFCNT({name:?})");
            let (rust_inc, c_inc) = (delta(obj, ffi::Py_INCREF), delta(obj, c_incref));
            let (rust_dec, c_dec) = (delta(obj, ffi::Py_DECREF), delta(obj, c_decref));
            assert_eq!((rust_inc, rust_dec), (c_inc, c_dec), "{name:?}: Rust vs C");
            assert_eq!(c_Py_REFCNT(obj), before, "{name:?} back to its count");
            let immortal = c__Py_IsImmortal(obj);
            if cfg!(Py_3_12) {
                assert_eq!((immortal, rust_inc, rust_dec), (1, 0, 0), "{name:?} is immortal");
            } else {
                assert_eq!((immortal, rust_inc, rust_dec), (-1, 1, -1), "{name:?} is mortal");
            }
            #[cfg(Py_3_12)]
            assert_eq!(ffi::_Py_IsImmortal(obj), 1);
        }
    }
    #[cfg(Py_3_12)]
    // SAFETY: as above; a fresh list is mortal.
    unsafe {
        let list = globals.get(c"list_");
        assert_eq!((ffi::_Py_IsImmortal(list), c__Py_IsImmortal(list)), (0, 0));
    }
}

const WEAKREF_SETUP: &str = r#"
import weakref
class Obj: pass
dead = []
target = Obj()
ref = weakref.ref(target, lambda _: dead.append(True))
holder = [target]
"#;

/// Runs `WEAKREF_SETUP`, takes the only reference to the global `name` (either the watched
/// object or a list holding it) and releases it with `release`: the weakref callback must have
/// run exactly then.
fn assert_released_object_is_freed(name: &CStr, release: unsafe fn(*mut PyObject)) {
    let gil = Gil::acquire();
    let globals = Globals::new(&gil);
    globals.exec(WEAKREF_SETUP);
    // SAFETY: the GIL is held; we take a reference before deleting the globals' ones, so `obj`
    // stays live until `release`, which drops the last reference.
    unsafe {
        let obj = globals.get(name);
        ffi::Py_INCREF(obj);
        for global in [c"target", c"holder"] {
            assert_eq!(ffi::PyDict_DelItemString(globals.as_ptr(), global.as_ptr()), 0);
        }
        let dead = globals.get(c"dead");
        assert_eq!(c_Py_REFCNT(obj), 1, "{name:?} is only referenced by the test");
        assert_eq!(len(dead), 0, "not freed before the last release");
        release(obj);
        assert_eq!(len(dead), 1, "releasing {name:?} ran the dealloc and the weakref callback");
        let alive = globals.run("ref() is not None", ffi::Py_eval_input);
        assert_eq!(alive, ffi::Py_False());
        ffi::Py_DECREF(alive);
    }
}

#[test]
fn decref_to_zero_deallocates() {
    assert_released_object_is_freed(c"target", ffi::Py_DECREF);
}

#[test]
fn xdecref_to_zero_deallocates() {
    assert_released_object_is_freed(c"target", ffi::Py_XDECREF);
}

#[test]
fn decref_of_a_list_frees_its_items() {
    assert_released_object_is_freed(c"holder", ffi::Py_DECREF);
}

#[cfg(Py_GIL_DISABLED)]
#[test]
fn thread_ownership_matches_c() {
    let gil = Gil::acquire();
    let obj = eval(&gil, "[]");
    // SAFETY: the GIL (attached thread state) is held and `obj` is our fresh object.
    unsafe {
        assert_eq!(ffi::_Py_ThreadId(), c__Py_ThreadId());
        assert_eq!(ffi::_Py_IsOwnedByCurrentThread(obj), c__Py_IsOwnedByCurrentThread(obj));
        assert_eq!(ffi::_Py_IsOwnedByCurrentThread(obj), 1);
        ffi::Py_DECREF(obj);
    }
}
