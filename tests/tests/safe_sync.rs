//! `pyroxide::sync`: `PyOnceLock` (values, errors, `import`, re-entrancy, and no deadlock when
//! another thread waits for an initializer that detaches or fails), `intern!`, the `std::sync`
//! extension traits under contention, and critical sections.

use pyo3::exceptions::{PyAttributeError, PyModuleNotFoundError, PyValueError};
use pyo3::ffi::c_str;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::{
    with_critical_section, with_critical_section2, MutexExt, OnceExt, OnceLockExt, PyOnceLock,
    RwLockExt,
};
use pyo3::types::{PyList, PyString, PyType};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex, Once, OnceLock, RwLock};
use std::time::Duration;

/// Releases the GIL (and re-attaches) inside Python code, as any long call may.
fn python_sleep(py: Python<'_>, seconds: f64) {
    py.import("time").unwrap().call_method1("sleep", (seconds,)).unwrap();
}

#[test]
fn once_lock_initializes_once_and_keeps_one_reference() {
    Python::attach(|py| {
        let cell: PyOnceLock<Py<PyList>> = PyOnceLock::new();
        assert!(cell.get(py).is_none());
        let list = PyList::empty(py);
        let before = list.get_refcnt();
        let stored = cell.get_or_init(py, || list.clone().unbind());
        assert!(stored.bind(py).is(&list));
        assert_eq!(list.get_refcnt(), before + 1);
        // A second initializer does not run.
        let again = cell.get_or_init(py, || panic!("initializer ran twice"));
        assert!(again.is(stored));
        assert_eq!(list.get_refcnt(), before + 1);
        let other = PyList::empty(py).unbind();
        let rejected = cell.set(py, other).unwrap_err();
        assert!(!rejected.bind(py).is(&list));
        let copy = cell.clone_ref(py);
        assert_eq!(list.get_refcnt(), before + 2);
        drop(copy);
        assert_eq!(list.get_refcnt(), before + 1);
        drop(cell);
        assert_eq!(list.get_refcnt(), before);
    });
}

#[test]
fn once_lock_errors_and_panics_leave_the_cell_empty() {
    Python::attach(|py| {
        let cell: PyOnceLock<i32> = PyOnceLock::new();
        let err = cell.get_or_try_init(py, || Err(PyValueError::new_err("not yet"))).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert!(cell.get(py).is_none());
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cell.get_or_init(py, || panic!("initializer panics"));
        }));
        assert!(panicked.is_err());
        assert!(cell.get(py).is_none());
        assert_eq!(*cell.get_or_try_init(py, || Ok::<_, PyErr>(7)).unwrap(), 7);
        assert_eq!(cell.set(py, 8), Err(8));
        let mut cell = cell;
        *cell.get_mut().unwrap() = 9;
        assert_eq!(cell.take(), Some(9));
        assert_eq!(cell.into_inner(), None);
    });
}

#[test]
fn once_lock_import_caches_and_checks_the_type() {
    static FRACTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static MISSING_MODULE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static NOT_A_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static MISSING_ATTR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    Python::attach(|py| {
        let fraction = FRACTION.import(py, "fractions", "Fraction").unwrap();
        assert_eq!(fraction.call1((2, 4)).unwrap().str().unwrap().to_string(), "1/2");
        let again = FRACTION.import(py, "fractions", "Fraction").unwrap();
        assert!(again.is(fraction));

        let err = MISSING_MODULE.import(py, "no_such_module_for_pyroxide", "X").unwrap_err();
        assert!(err.is_instance_of::<PyModuleNotFoundError>(py));
        let err = MISSING_ATTR.import(py, "fractions", "NoSuchThing").unwrap_err();
        assert!(err.is_instance_of::<PyAttributeError>(py));
        let err = NOT_A_TYPE.import(py, "math", "pi").unwrap_err();
        assert!(err.to_string().contains("'float' object"), "{err}");
        assert!(NOT_A_TYPE.get(py).is_none());
    });
}

#[test]
fn once_lock_waiters_detach_while_the_initializer_runs_python() {
    static CELL: PyOnceLock<Py<PyString>> = PyOnceLock::new();
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let barrier = Barrier::new(4);
    let texts: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    Python::attach(|py| {
                        let value = CELL.get_or_init(py, || {
                            RUNS.fetch_add(1, Ordering::SeqCst);
                            // The GIL is released and re-taken here: waiters must have detached.
                            python_sleep(py, 0.05);
                            PyString::new(py, "initialized").unbind()
                        });
                        value.bind(py).to_string()
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(texts, vec!["initialized"; 4]);
    assert_eq!(RUNS.load(Ordering::SeqCst), 1);
}

#[test]
fn once_lock_failed_initializer_hands_over_to_a_waiter() {
    static CELL: PyOnceLock<i64> = PyOnceLock::new();
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let barrier = Barrier::new(4);
    let results: Vec<Result<i64, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    Python::attach(|py| {
                        CELL.get_or_try_init(py, || {
                            let run = RUNS.fetch_add(1, Ordering::SeqCst);
                            python_sleep(py, 0.05);
                            if run == 0 {
                                Err(PyValueError::new_err("first run fails"))
                            } else {
                                Ok(42)
                            }
                        })
                        .copied()
                        .map_err(|e| e.to_string())
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // The failing initializer's thread gets its error; a waiter then runs the second (and last)
    // initializer, and everyone else gets its value.
    assert_eq!(RUNS.load(Ordering::SeqCst), 2);
    let errors: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errors, vec!["ValueError: first run fails"]);
    assert_eq!(results.iter().filter(|r| **r == Ok(42)).count(), 3);
}

#[test]
fn once_lock_reentrant_initialization_panics_and_leaves_the_cell_usable() {
    Python::attach(|py| {
        let cell: PyOnceLock<i32> = PyOnceLock::new();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cell.get_or_init(py, || *cell.get_or_init(py, || 1) + 1);
        }))
        .unwrap_err();
        assert_eq!(panicked.downcast_ref::<&str>(), Some(&"PyOnceLock initialized re-entrantly"));
        assert!(cell.get(py).is_none());
        assert_eq!(*cell.get_or_init(py, || 3), 3);
    });
}

#[test]
fn intern_returns_one_object_per_call_site() {
    Python::attach(|py| {
        let get = |py| intern!(py, "__name__").clone();
        let a = get(py);
        let b = get(py);
        assert!(a.is(&b));
        assert_eq!(a.to_string(), "__name__");
        // Interned: the same object as the interpreter's own `__name__` string.
        assert!(a.is(&PyString::intern(py, "__name__")));
        let other_site = intern!(py, "__name__");
        assert_eq!(other_site.to_string(), "__name__");
        let module = py.import("json").unwrap();
        assert_eq!(module.getattr(intern!(py, "__name__")).unwrap().to_string(), "json");
    });
}

#[test]
fn once_extensions_detach_while_waiting() {
    static ONCE: Once = Once::new();
    static LOCK: OnceLock<usize> = OnceLock::new();
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let barrier = Barrier::new(3);
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                barrier.wait();
                Python::attach(|py| {
                    ONCE.call_once_py_attached(py, || {
                        RUNS.fetch_add(1, Ordering::SeqCst);
                        python_sleep(py, 0.03);
                    });
                    let v = LOCK.get_or_init_py_attached(py, || {
                        python_sleep(py, 0.03);
                        RUNS.fetch_add(1, Ordering::SeqCst) + 40
                    });
                    assert_eq!(*v, 41);
                });
            });
        }
    });
    assert!(ONCE.is_completed());
    assert_eq!(RUNS.load(Ordering::SeqCst), 2);
    let forced = Once::new();
    Python::attach(|py| {
        forced.call_once_force_py_attached(py, |state| assert!(!state.is_poisoned()));
    });
    assert!(forced.is_completed());
}

#[test]
fn mutex_and_rwlock_extensions_detach_while_blocked() {
    let mutex = Mutex::new(0);
    let rwlock = RwLock::new(0);
    Python::attach(|py| {
        let guard = mutex.lock().unwrap();
        let write = rwlock.write().unwrap();
        std::thread::scope(|s| {
            let waiter = s.spawn(|| {
                Python::attach(|py| {
                    // Blocks until the main thread releases the locks; detached meanwhile, or
                    // the main thread could never re-attach below.
                    *mutex.lock_py_attached(py).unwrap() += 1;
                    *rwlock.write_py_attached(py).unwrap() += 1;
                    *rwlock.read_py_attached(py).unwrap()
                })
            });
            py.detach(|| std::thread::sleep(Duration::from_millis(50)));
            // Attached again while the other thread waits for the locks.
            assert_eq!(py.eval(c_str!("1 + 1"), None, None).unwrap().extract::<i32>().unwrap(), 2);
            drop(guard);
            drop(write);
            let read = py.detach(|| waiter.join().unwrap());
            assert_eq!(read, 1);
        });
        assert_eq!(*mutex.lock_py_attached(py).unwrap(), 1);
    });
}

#[test]
fn critical_sections_run_the_closure_and_survive_panics() {
    Python::attach(|py| {
        let a = PyList::empty(py);
        let b = PyList::empty(py);
        let n = with_critical_section(&a, || {
            a.append(1).unwrap();
            a.len()
        });
        assert_eq!(n, 1);
        let total = with_critical_section2(&a, &b, || {
            b.append(2).unwrap();
            a.len() + b.len()
        });
        assert_eq!(total, 2);
        // Nested sections on other objects, and a panic inside one.
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            with_critical_section(&a, || with_critical_section(&b, || panic!("inside")))
        }));
        assert!(panicked.is_err());
        // The sections were ended: another thread can lock the same objects.
        let a_ref = a.clone().unbind();
        let len = py.detach(move || {
            std::thread::spawn(move || {
                Python::attach(|py| {
                    let a = a_ref.bind(py);
                    with_critical_section(a, || a.len())
                })
            })
            .join()
            .unwrap()
        });
        assert_eq!(len, 1);
    });
}

#[test]
#[allow(deprecated)]
fn gil_once_cell_is_the_deprecated_name() {
    static CELL: pyo3::sync::GILOnceCell<u8> = pyo3::sync::GILOnceCell::new();
    Python::attach(|py| assert_eq!(*CELL.get_or_init(py, || 3), 3));
}
