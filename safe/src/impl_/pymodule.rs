//! What `#[pymodule]` expands to: a static [`ModuleDef`] for multi-phase initialisation (PEP
//! 489): `PyInit_<name>` returns the initialised definition, the interpreter creates the module
//! and runs its `Py_mod_exec` slot, which calls the user's initialiser through the trampoline.
//! The same definition makes the module object directly for `wrap_pymodule!` and submodules.
//! On CPython 3.15+ the module also exports `PyModExport_<name>` (PEP 793), which the
//! interpreter prefers: a static slot array with the same name, doc and slots, and no
//! definition object.

use super::trampoline::trampoline;
use crate::err::PyResult;
use crate::exceptions::PyImportError;
use crate::ffi;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyModule, PyModuleMethods};
use std::cell::UnsafeCell;
use std::ffi::{c_void, CStr};
use std::os::raw::c_int;
use std::sync::Once;

/// The body of a module, as the macros generate it: adds the module's functions, classes and
/// submodules, then runs the user's initialiser.
pub trait PyModuleImpl: 'static {
    /// The module's definition.
    fn def() -> &'static ModuleDef;
    /// Fills a new module object.
    fn exec(module: &Bound<'_, PyModule>) -> PyResult<()>;
}

/// The body of `PyInit_<name>` for the module `M` (multi-phase initialisation).
pub fn init_module<M: PyModuleImpl>() -> *mut ffi::PyObject {
    M::def().init()
}

/// The `PyInit_<name>` function of `M`, for `PyImport_AppendInittab`.
#[cfg(not(PyPy))]
extern "C" fn init_entry<M: PyModuleImpl>() -> *mut ffi::PyObject {
    M::def().init()
}

/// Registers `M` as a builtin module (`append_to_inittab!`), importable once the interpreter
/// starts; panics if it has started already. Not available on PyPy.
#[cfg(not(PyPy))]
pub fn append_to_inittab<M: PyModuleImpl>() {
    crate::ffi::api::append_inittab(M::def().name(), init_entry::<M>);
}

/// The body of `PyModExport_<name>` for the module `M` (3.15+, PEP 793): its slot array.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub fn export_module<M: PyModuleImpl>() -> *mut ffi::PyModuleDef_Slot {
    M::def().export.get().cast()
}

/// Exports `PyInit_<name>` for the module type `$module`, and `PyModExport_<name>` when built
/// for CPython 3.15+ (the macro keeps the `no_mangle` attribute out of the user's crate, so it
/// compiles under `#![forbid(unsafe_code)]`).
#[doc(hidden)]
#[macro_export]
macro_rules! __pyroxide_export_module {
    ($init:ident, $export:ident, $module:ty) => {
        #[no_mangle]
        #[doc(hidden)]
        pub extern "C" fn $init() -> *mut $crate::ffi::PyObject {
            $crate::impl_::pymodule::init_module::<$module>()
        }
        $crate::__pyroxide_export_hook!($export, $module);
    };
}

/// `PyModExport_<name>` for the module type `$module` (PEP 793). Which definition exists is
/// decided by this crate's cfgs, so the user's crate needs no interpreter cfg.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pyroxide_export_hook {
    ($export:ident, $module:ty) => {
        #[no_mangle]
        #[doc(hidden)]
        pub extern "C" fn $export() -> *mut $crate::ffi::PyModuleDef_Slot {
            $crate::impl_::pymodule::export_module::<$module>()
        }
    };
}

/// No export hook before CPython 3.15 (nor on PyPy and GraalPy): `PyInit_<name>` alone.
#[cfg(not(all(Py_3_15, not(any(PyPy, GraalPy)))))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pyroxide_export_hook {
    ($export:ident, $module:ty) => {};
}

/// How many slots a definition has: exec, multiple interpreters (3.12+), GIL (3.13+), end.
const SLOTS: usize = 4;

/// How many slots the export hook's array has: name, doc, ABI, then the definition's slots.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
const EXPORT_SLOTS: usize = 3 + SLOTS;

/// What the export hook's `Py_mod_abi` slot says (`PyABIInfo_VAR`): the ABI this crate was
/// built for, so that a mismatched interpreter refuses the module instead of crashing.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
const ABI_INFO: ffi::PyABIInfo = ffi::PyABIInfo {
    abiinfo_major_version: 1,
    abiinfo_minor_version: 0,
    flags: ffi::PyABIInfo_DEFAULT_FLAGS as u16,
    build_version: ffi::PY_VERSION_HEX,
    abi_version: ffi::PyABIInfo_DEFAULT_ABI_VERSION,
};

/// A module definition, made at compile time by `#[pymodule]` and completed (pointers to its own
/// fields) on first use.
pub struct ModuleDef {
    def: UnsafeCell<ffi::PyModuleDef>,
    slots: UnsafeCell<[ffi::PyModuleDef_Slot; SLOTS]>,
    /// What `PyModExport_<name>` returns: name, doc, ABI and `slots`, complete at compile time.
    #[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
    export: UnsafeCell<[ffi::PyModuleDef_Slot; EXPORT_SLOTS]>,
    /// Makes the module's contents (the user's `PyModuleImpl::exec`).
    exec: for<'py> fn(&Bound<'py, PyModule>) -> PyResult<()>,
    name: &'static CStr,
    doc: &'static CStr,
    /// Fills in `def`'s pointers to `slots`, once.
    ready: Once,
    /// The module `make_module` made: `wrap_pymodule!` and submodules give the same object each
    /// time, as PyO3 does.
    module: PyOnceLock<Py<PyModule>>,
}

// SAFETY: `def` and `slots` are written only inside `ready.call_once` (before any reader sees
// the pointers), and afterwards only by the interpreter's own `PyModuleDef_Init`, which it
// serialises; `export` is never written (the interpreter only reads the array); the other
// fields are immutable or synchronised (`Once`, `PyOnceLock`).
unsafe impl Sync for ModuleDef {}

/// `Py_MOD_GIL_NOT_USED` / `Py_MOD_GIL_USED`, which the headers define as pointer casts.
#[cfg(Py_3_13)]
const fn gil_slot(gil_used: bool) -> *mut c_void {
    if gil_used {
        std::ptr::null_mut()
    } else {
        1 as *mut c_void
    }
}

impl ModuleDef {
    /// A definition named `name` whose module is filled by `M`; `gil_used = false` declares the
    /// module safe to run without the GIL on free-threaded builds (3.13+).
    pub const fn new<M: PyModuleImpl>(
        name: &'static CStr,
        doc: &'static CStr,
        gil_used: bool,
    ) -> Self {
        let _ = gil_used;
        let end = ffi::PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() };
        let mut slots = [end; SLOTS];
        slots[0] = ffi::PyModuleDef_Slot {
            slot: ffi::Py_mod_exec as c_int,
            value: module_exec::<M> as *mut c_void,
        };
        #[cfg(all(Py_3_12, not(PyPy)))]
        {
            // Py_MOD_PER_INTERPRETER_GIL_SUPPORTED is 2; NOT_SUPPORTED is 0 (the headers'
            // pointer casts): one interpreter per process, until types live in module state.
            slots[1] = ffi::PyModuleDef_Slot {
                slot: ffi::Py_mod_multiple_interpreters as c_int,
                value: std::ptr::null_mut(),
            };
        }
        #[cfg(all(Py_3_13, not(PyPy)))]
        {
            slots[2] =
                ffi::PyModuleDef_Slot { slot: ffi::Py_mod_gil as c_int, value: gil_slot(gil_used) };
        }
        let slots = compact(slots);
        ModuleDef {
            #[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
            export: UnsafeCell::new(export_slots(name, doc, &slots)),
            def: UnsafeCell::new(ffi::PyModuleDef {
                // SAFETY: all-zero is a valid `PyModuleDef_Base` (integers and NULL pointers);
                // `init` gives the object its reference before the interpreter sees it.
                m_base: unsafe { std::mem::zeroed() },
                m_name: name.as_ptr(),
                m_doc: doc.as_ptr(),
                m_size: 0,
                m_methods: std::ptr::null_mut(),
                m_slots: std::ptr::null_mut(),
                m_traverse: None,
                m_clear: None,
                m_free: None,
            }),
            slots: UnsafeCell::new(slots),
            exec: M::exec,
            name,
            doc,
            ready: Once::new(),
            module: PyOnceLock::new(),
        }
    }

    /// The module's name.
    pub fn name(&self) -> &'static CStr {
        self.name
    }

    /// What `PyInit_<name>` returns: the initialised definition (multi-phase initialisation).
    pub fn init(&'static self) -> *mut ffi::PyObject {
        self.ready.call_once(|| {
            // SAFETY: inside `call_once`, nobody else accesses `def` yet; `slots` is `'static`.
            // The definition is an object to the interpreter: it gets one reference that is
            // never released (`PyModuleDef_HEAD_INIT` starts at 1), attached as `PyInit_*` is.
            unsafe {
                (*self.def.get()).m_slots = (*self.slots.get()).as_mut_ptr();
                ffi::Py_INCREF(self.def.get().cast());
            }
        });
        // SAFETY: `PyInit_*` is called by the interpreter, attached; `def` is `'static` and
        // complete.
        unsafe { ffi::PyModuleDef_Init(self.def.get()) }
    }

    /// The module object of this definition for `wrap_pymodule!` and submodules, made and
    /// filled outside the import system on first use, then the same object each time.
    pub fn make_module(&'static self, py: Python<'_>) -> PyResult<Py<PyModule>> {
        let module = self.module.get_or_try_init(py, || {
            let module = PyModule::new(py, &self.name.to_string_lossy())?;
            module.setattr("__doc__", self.doc.to_string_lossy())?;
            (self.exec)(&module)?;
            Ok::<_, crate::PyErr>(module.unbind())
        })?;
        Ok(module.clone_ref(py))
    }
}

/// Moves the terminator up over slots left empty by the cfgs.
const fn compact(slots: [ffi::PyModuleDef_Slot; SLOTS]) -> [ffi::PyModuleDef_Slot; SLOTS] {
    let end = ffi::PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() };
    let mut out = [end; SLOTS];
    let (mut i, mut j) = (0, 0);
    while i < SLOTS {
        if slots[i].slot != 0 {
            out[j] = slots[i];
            j += 1;
        }
        i += 1;
    }
    out
}

/// The export hook's array: `Py_mod_name`, `Py_mod_doc` and `Py_mod_abi`, then `slots` (which
/// end with the terminator).
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
const fn export_slots(
    name: &'static CStr,
    doc: &'static CStr,
    slots: &[ffi::PyModuleDef_Slot; SLOTS],
) -> [ffi::PyModuleDef_Slot; EXPORT_SLOTS] {
    // A constant borrowed in a constant expression is promoted to a `'static` allocation.
    let abi: &'static ffi::PyABIInfo = &ABI_INFO;
    let end = ffi::PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() };
    let mut out = [end; EXPORT_SLOTS];
    out[0] = ffi::PyModuleDef_Slot {
        slot: ffi::Py_mod_name as c_int,
        value: name.as_ptr() as *mut c_void,
    };
    out[1] = ffi::PyModuleDef_Slot {
        slot: ffi::Py_mod_doc as c_int,
        value: doc.as_ptr() as *mut c_void,
    };
    out[2] = ffi::PyModuleDef_Slot {
        slot: ffi::Py_mod_abi as c_int,
        value: abi as *const ffi::PyABIInfo as *mut c_void,
    };
    let mut i = 0;
    while i < SLOTS {
        out[3 + i] = slots[i];
        i += 1;
    }
    out
}

/// The `Py_mod_exec` slot.
///
/// # Safety
/// Called by the interpreter: attached, `module` a live module.
unsafe extern "C" fn module_exec<M: PyModuleImpl>(module: *mut ffi::PyObject) -> c_int {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter passes a live module, kept alive for the call.
            let module = Borrowed::from_ptr_or_opt(py, module)
                .expect("Py_mod_exec called without a module")
                .cast_unchecked::<PyModule>();
            module_def_for::<M>(py)?;
            // So that Rust threads may attach (PyPy), and are parked if they attach while the
            // interpreter exits.
            crate::ffi::attach::init_threads(py);
            crate::ffi::finalize::register_exit_callback(py);
            // Make `pyroxide_runtime.PanicException` importable before any panic.
            <crate::panic::PanicException as super::exceptions::ExceptionType>::type_cell()
                .get_or_try_init(py, || {
                    <crate::panic::PanicException as super::exceptions::ExceptionType>::make_type(
                        py,
                    )
                })?;
            M::exec(&module).map(|()| 0)
        })
    }
}

/// The sub-interpreter check for the definition `M` belongs to, done through a per-`M` static.
fn module_def_for<M: PyModuleImpl>(py: Python<'_>) -> PyResult<()> {
    // Statics in generic functions are shared by all instantiations: key the check by `M`'s
    // exec function instead, through a small map.
    static SEEN: std::sync::Mutex<Vec<(usize, i64)>> = std::sync::Mutex::new(Vec::new());
    let key = M::exec as fn(&Bound<'_, PyModule>) -> PyResult<()> as usize;
    let id = crate::ffi::api::interpreter_id(py)?;
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    match seen.iter().find(|(k, _)| *k == key) {
        Some((_, first)) if *first != id => Err(PyImportError::new_err(
            "Pyroxide modules do not support sub-interpreters: this module is already \
             initialised in another interpreter",
        )),
        Some(_) => Ok(()),
        None => {
            seen.push((key, id));
            Ok(())
        }
    }
}

/// Adds `item` (a function, class or module definition) to `module`.
pub trait AddToModule {
    /// Adds it.
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()>;
}

impl AddToModule for super::pyfunction::PyFunctionDef {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let function = super::pyfunction::make_function(module.py(), self, Some(module))?;
        module.add_function(function)
    }
}

impl AddToModule for ModuleDef {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let sub = self.make_module(module.py())?;
        // The attribute is the last part of a dotted name (`parent.inner` is `inner`).
        let full = self.name.to_string_lossy();
        let short = full.rsplit('.').next().unwrap_or(&full);
        module.add(short, sub)
    }
}

/// `add_to_module` by path, for macro output.
pub fn add_to_module<T: AddToModule + ?Sized>(
    item: &'static T,
    module: &Bound<'_, PyModule>,
) -> PyResult<()> {
    item.add_to_module(module)
}

/// What a function-form `#[pymodule]` returns: `PyResult<()>` (or `Result<(), E>` with `E`
/// convertible to `PyErr`).
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "a #[pymodule] function must return `PyResult<()>`, not `{Self}`",
        note = "write `fn m(m: &Bound<'_, PyModule>) -> PyResult<()>` and end it with `Ok(())`"
    )
)]
pub trait ModuleResult {
    /// The result as a `PyResult`.
    fn into_module_result(self) -> PyResult<()>;
}

impl<E: Into<crate::PyErr>> ModuleResult for Result<(), E> {
    fn into_module_result(self) -> PyResult<()> {
        self.map_err(Into::into)
    }
}

/// The result of a module initialiser (for macro output).
pub fn module_result<R: ModuleResult>(result: R) -> PyResult<()> {
    result.into_module_result()
}
