//! Embeds the interpreter through the sys crate alone: starts it (`Py_InitializeEx`, or PyPy's
//! `PyPy.h` sequence, in [`pyroxide_tests::init`]), builds a tuple with `PyTuple_New` + `PyTuple_SET_ITEM`, runs code
//! with `PyRun_String` in both `Py_eval_input` and `Py_file_input` modes, and checks results and
//! reference counts, including that the items the tuple stole are neither leaked nor freed early.
//!
//! Under the limited API, which has none of the `GET_SIZE`/`GET_ITEM`/`SET_ITEM` macros nor
//! `PyUnicode_AsUTF8` (before 3.10), the same steps use the exported functions
//! (`PyTuple_SetItem` steals too), so the reference counts are checked there as well.
//!
//! On PyPy the reference-count test is ignored: counts of objects with a PyPy counterpart include
//! `REFCNT_FROM_PYPY`, and its GC, not the last `Py_DECREF`, frees them.

use std::ffi::CStr;

use pyroxide_tests::ffi::{self, PyObject};
use pyroxide_tests::{to_i64, Gil, Globals};

/// `str(obj)` of a `str` object as a Rust string.
///
/// # Safety
/// `obj` must point to a live `str` and the GIL must be held.
#[cfg(not(Py_LIMITED_API))]
unsafe fn to_string(obj: *mut PyObject) -> String {
    // SAFETY: forwarded from the caller; the UTF-8 buffer lives as long as `obj`.
    let utf8 = unsafe { ffi::PyUnicode_AsUTF8(obj) };
    assert!(!utf8.is_null(), "not a str");
    // SAFETY: `PyUnicode_AsUTF8` returns a NUL-terminated buffer.
    unsafe { CStr::from_ptr(utf8) }.to_str().unwrap().to_owned()
}

/// `str(obj)` of a `str` object as a Rust string, through a UTF-8 `bytes` copy.
///
/// # Safety
/// `obj` must point to a live `str` and the GIL must be held.
#[cfg(Py_LIMITED_API)]
unsafe fn to_string(obj: *mut PyObject) -> String {
    // SAFETY: forwarded from the caller; `bytes` is a new reference released below, and its
    // NUL-terminated buffer is read before that.
    unsafe {
        let bytes = ffi::PyUnicode_AsUTF8String(obj);
        assert!(!bytes.is_null(), "not a str");
        let text = CStr::from_ptr(ffi::PyBytes_AsString(bytes)).to_str().unwrap().to_owned();
        ffi::Py_DECREF(bytes);
        text
    }
}

/// The tuple and list accessors: the unchecked macros, or under the limited API the exported
/// functions (which check their arguments; `PyTuple_SetItem` steals the item as well).
#[cfg(not(Py_LIMITED_API))]
use ffi::{
    PyList_GET_ITEM as list_get, PyList_GET_SIZE as list_len, PyTuple_GET_ITEM as tuple_get,
    PyTuple_GET_SIZE as tuple_len, PyTuple_SET_ITEM as tuple_set,
};
#[cfg(Py_LIMITED_API)]
use ffi::{
    PyList_GetItem as list_get, PyList_Size as list_len, PyTuple_GetItem as tuple_get,
    PyTuple_Size as tuple_len,
};

/// `PyTuple_SetItem`, asserting success (it returns -1 only for a non-tuple or a bad index).
///
/// # Safety
/// As `PyTuple_SET_ITEM`: a fresh tuple, an index in range, an owned reference to steal.
#[cfg(Py_LIMITED_API)]
unsafe fn tuple_set(tuple: *mut PyObject, index: ffi::Py_ssize_t, item: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    assert_eq!(unsafe { ffi::PyTuple_SetItem(tuple, index, item) }, 0);
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn tuple_built_with_set_item_runs_through_pyrun_string() {
    let gil = Gil::acquire();
    let globals = Globals::new(&gil);
    // A class whose instances can be watched with a weakref, and a list the callback fills.
    globals.exec("import weakref\nclass Item: pass\nfreed = []\n");
    // SAFETY: the GIL is held throughout; every object below is either owned by this test (and
    // released exactly once) or borrowed from a container that outlives the use.
    unsafe {
        let number = ffi::PyLong_FromLong(123_456_789);
        let text = ffi::PyUnicode_FromString(c"pyroxide-unique-text".as_ptr());
        let item = globals.run("Item()", ffi::Py_eval_input);
        for obj in [number, text, item] {
            assert_eq!(ffi::Py_REFCNT(obj), 1, "fresh objects have one reference");
        }
        // Watch `item` from Python without keeping it alive.
        assert_eq!(ffi::PyDict_SetItemString(globals.as_ptr(), c"watched".as_ptr(), item), 0);
        globals.exec("ref = weakref.ref(watched, lambda _: freed.append(1))\ndel watched\n");
        assert_eq!(ffi::Py_REFCNT(item), 1);

        let tuple = ffi::PyTuple_New(3);
        assert!(!tuple.is_null());
        assert_eq!(ffi::Py_REFCNT(tuple), 1);
        assert_eq!(tuple_len(tuple), 3);
        // SET_ITEM steals: the tuple now owns the only reference of each item.
        tuple_set(tuple, 0, number);
        tuple_set(tuple, 1, text);
        tuple_set(tuple, 2, item);
        for (i, obj) in [number, text, item].into_iter().enumerate() {
            assert_eq!(tuple_get(tuple, i as isize), obj);
            assert_eq!(ffi::Py_REFCNT(obj), 1, "SET_ITEM took over the reference of item {i}");
        }

        // Storing the tuple in a dict adds a reference; removing it drops that reference.
        let dict = ffi::PyDict_New();
        assert_eq!(ffi::PyDict_SetItemString(dict, c"t".as_ptr(), tuple), 0);
        assert_eq!(ffi::Py_REFCNT(tuple), 2);
        assert_eq!(ffi::PyDict_DelItemString(dict, c"t".as_ptr()), 0);
        assert_eq!(ffi::Py_REFCNT(tuple), 1);
        ffi::Py_DECREF(dict);

        // Py_file_input: statements over the tuple, results left in the globals.
        assert_eq!(ffi::PyDict_SetItemString(globals.as_ptr(), c"t".as_ptr(), tuple), 0);
        assert_eq!(ffi::Py_REFCNT(tuple), 2);
        globals.exec(
            "n = len(t)\nfirst = t[0] + 1\njoined = t[1] + '!'\nkind = type(t[2]).__name__\n",
        );
        assert_eq!(to_i64(&gil, globals.get(c"n")), 3);
        assert_eq!(to_i64(&gil, globals.get(c"first")), 123_456_790);
        assert_eq!(to_string(globals.get(c"joined")), "pyroxide-unique-text!");
        assert_eq!(to_string(globals.get(c"kind")), "Item");

        // Py_eval_input: an expression's value.
        let doubled = globals.run("t[0] * 2", ffi::Py_eval_input);
        assert_eq!(to_i64(&gil, doubled), 246_913_578);
        ffi::Py_DECREF(doubled);
        let same = globals.run("t[2] is t[-1]", ffi::Py_eval_input);
        assert_eq!(same, ffi::Py_True());
        ffi::Py_DECREF(same);

        // Running code left no extra references behind.
        assert_eq!(ffi::PyDict_DelItemString(globals.as_ptr(), c"t".as_ptr()), 0);
        assert_eq!(ffi::Py_REFCNT(tuple), 1);
        assert_eq!(ffi::Py_REFCNT(text), 1, "the text is only held by the tuple");
        assert_eq!(ffi::Py_REFCNT(item), 1, "the item is only held by the tuple");
        assert_eq!(ffi::PyList_Size(globals.get(c"freed")), 0, "item still alive");

        // Releasing the tuple releases its items: the watched item is freed there and then.
        ffi::Py_DECREF(tuple);
        assert_eq!(ffi::PyList_Size(globals.get(c"freed")), 1, "item freed with the tuple");
        let gone = globals.run("ref() is None", ffi::Py_eval_input);
        assert_eq!(gone, ffi::Py_True());
        ffi::Py_DECREF(gone);
    }
}

#[test]
fn eval_and_file_input_share_globals() {
    let gil = Gil::acquire();
    let globals = Globals::new(&gil);
    globals.exec("def square(x):\n    return x * x\nvalues = [square(i) for i in range(5)]\n");
    // SAFETY: the GIL is held; the results are new references released here.
    unsafe {
        let total = globals.run("sum(values) + square(10)", ffi::Py_eval_input);
        assert_eq!(to_i64(&gil, total), 130);
        ffi::Py_DECREF(total);
        let values = globals.get(c"values");
        assert_eq!(list_len(values.cast()), 5);
        assert_eq!(to_i64(&gil, list_get(values.cast(), 4)), 16);
        let builtins = globals.get(c"__builtins__");
        assert_eq!(ffi::PyDict_Check(builtins), 1, "__builtins__ is the builtins dict");
    }
}
