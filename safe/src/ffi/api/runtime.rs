//! Safe wrappers used by the less common parts of the API: executing a code object as a module,
//! printing tracebacks, explicit warnings, printing with `sys.last_*`, exception types with a
//! class dict, decoding objects to `str` and filling new `bytes` in place.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyBytes, PyCode, PyString, PyType};
use std::ffi::CStr;

fn opt_cstr(s: Option<&CStr>) -> *const std::ffi::c_char {
    s.map_or(std::ptr::null(), CStr::as_ptr)
}

/// `PyImport_ExecCodeModuleEx(name, code, path)`: runs `code` as module `name` (registered in
/// `sys.modules`) and returns the module.
pub(crate) fn exec_code_module<'py>(
    name: &CStr,
    code: &Bound<'py, PyCode>,
    path: &CStr,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached (`code`); both strings NUL-terminated, `code` a live code object; a new
    // reference to the module or NULL with an exception set.
    unsafe {
        ffi::PyImport_ExecCodeModuleEx(name.as_ptr(), code.as_ptr(), path.as_ptr())
            .assume_owned_or_err(code.py())
    }
}

/// `PyTraceBack_Print(tb, file)`: writes the traceback (with its header line) to `file`.
pub(crate) fn traceback_print(tb: &Bound<'_, PyAny>, file: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; `tb` is a live traceback object and `file` a live object with `write`;
    // -1 with an exception set on error.
    int_result(tb.py(), unsafe { ffi::PyTraceBack_Print(tb.as_ptr(), file.as_ptr()) }).map(drop)
}

/// Prints the pending exception and stores it in `sys.last_exc` (3.12+) and
/// `sys.last_type`/`last_value`/`last_traceback`.
pub(crate) fn print_pending_and_set_last(_py: Python<'_>) {
    // SAFETY: attached; an exception is pending (callers restore one first).
    unsafe { ffi::PyErr_PrintEx(1) }
}

/// `warnings.warn_explicit(...)`; an error if the warning filter turned it into an exception.
pub(crate) fn warn_explicit(
    category: &Bound<'_, PyAny>,
    message: &CStr,
    filename: &CStr,
    lineno: i32,
    module: Option<&CStr>,
    registry: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let registry = registry.map_or(std::ptr::null_mut(), |r| r.as_ptr());
    // SAFETY: attached; `category` live, `registry` live or NULL, the strings NUL-terminated or
    // NULL (`module`); -1 with an exception set on error.
    int_result(category.py(), unsafe {
        ffi::PyErr_WarnExplicit(
            category.as_ptr(),
            message.as_ptr(),
            filename.as_ptr(),
            lineno,
            opt_cstr(module),
            registry,
        )
    })
    .map(drop)
}

/// `PyErr_NewExceptionWithDoc(name, doc, base, dict)`; `base` `None` means `Exception`.
pub(crate) fn new_exception_type_with_dict<'py>(
    py: Python<'py>,
    qualified_name: &CStr,
    doc: Option<&CStr>,
    base: Option<&Bound<'py, PyType>>,
    dict: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyType>> {
    let base = base.map_or(std::ptr::null_mut(), |b| b.as_ptr());
    let dict = dict.map_or(std::ptr::null_mut(), |d| d.as_ptr());
    // SAFETY: attached; the strings are NUL-terminated (or NULL for no doc), `base` and `dict`
    // live or NULL; a new reference to the class or NULL with an exception set.
    let ty = unsafe {
        ffi::PyErr_NewExceptionWithDoc(qualified_name.as_ptr(), opt_cstr(doc), base, dict)
            .assume_owned_or_err(py)?
    };
    Ok(super::cast_bound(ty))
}

/// `PyUnicode_FromEncodedObject(obj, encoding, errors)`: decodes a bytes-like object (default
/// encoding UTF-8, default errors `strict`).
pub(crate) fn unicode_from_encoded_object<'py>(
    obj: &Bound<'py, PyAny>,
    encoding: Option<&CStr>,
    errors: Option<&CStr>,
) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: attached; `obj` live, the strings NUL-terminated or NULL; a new `str` reference
    // or NULL with an exception set.
    let s = unsafe {
        ffi::PyUnicode_FromEncodedObject(obj.as_ptr(), opt_cstr(encoding), opt_cstr(errors))
            .assume_owned_or_err(obj.py())?
    };
    Ok(super::cast_bound(s))
}

/// A new `bytes` of `len` zero bytes, filled by `init` before anyone else can see it.
pub(crate) fn bytes_new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyBytes>>
where
    F: FnOnce(&mut [u8]) -> PyResult<()>,
{
    let size = ffi::Py_ssize_t::try_from(len)
        .map_err(|_| crate::exceptions::PyOverflowError::new_err("bytes length too large"))?;
    // SAFETY: attached; a NULL source asks for an uninitialized buffer of `size` bytes; a new
    // reference or NULL with an exception set (e.g. `MemoryError`).
    let bytes =
        unsafe { ffi::PyBytes_FromStringAndSize(std::ptr::null(), size).assume_owned_or_err(py)? };
    // SAFETY: `bytes` is a new `bytes` object nobody else references, whose buffer holds `len`
    // writable bytes (plus the trailing NUL); it is zeroed before the slice is formed, and the
    // slice does not outlive this call.
    let buffer = unsafe {
        let data = ffi::PyBytes_AsString(bytes.as_ptr()).cast::<u8>();
        std::ptr::write_bytes(data, 0, len);
        std::slice::from_raw_parts_mut(data, len)
    };
    init(buffer)?;
    Ok(super::cast_bound(bytes))
}

/// `PyUnstable_Module_SetGIL(module, gil_used ? Py_MOD_GIL_USED : Py_MOD_GIL_NOT_USED)` (the
/// header's constants are `(void *)0` and `(void *)1`).
#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
pub(crate) fn module_set_gil_used(module: &Bound<'_, PyAny>, gil_used: bool) -> PyResult<()> {
    let slot = usize::from(!gil_used) as *mut std::ffi::c_void;
    // SAFETY: attached; `module` is a live module object; -1 with an exception set.
    int_result(module.py(), unsafe { ffi::PyUnstable_Module_SetGIL(module.as_ptr(), slot) })
        .map(drop)
}

/// Builds with a GIL always use it: nothing to declare.
#[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
pub(crate) fn module_set_gil_used(module: &Bound<'_, PyAny>, gil_used: bool) -> PyResult<()> {
    let _ = (module, gil_used);
    Ok(())
}
