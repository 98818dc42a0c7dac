//! Embedding example: starts CPython through the sys crate alone, runs code, reads a result.

#[cfg(pyroxide_active)]
fn main() {
    use pyroxide_sys_cpython as ffi;
    let code = c"import sys\nanswer = sum(range(10))\nversion = sys.version.split()[0]";
    // SAFETY: the interpreter is initialised before any other call and finalised last, all on
    // this thread which holds the GIL throughout; every returned reference is checked for NULL
    // and released exactly once.
    unsafe {
        ffi::Py_InitializeEx(0);
        let main = ffi::PyImport_AddModule(c"__main__".as_ptr()); // borrowed
        let globals = ffi::PyModule_GetDict(main); // borrowed
        let result = ffi::PyRun_String(code.as_ptr(), ffi::Py_file_input as i32, globals, globals);
        if result.is_null() {
            ffi::PyErr_Print();
            std::process::exit(1);
        }
        ffi::Py_DecRef(result);
        let answer = ffi::PyDict_GetItemString(globals, c"answer".as_ptr()); // borrowed
        let version = ffi::PyDict_GetItemString(globals, c"version".as_ptr()); // borrowed
        let mut len: ffi::Py_ssize_t = 0;
        let utf8 = ffi::PyUnicode_AsUTF8AndSize(version, &mut len);
        let bytes = std::slice::from_raw_parts(utf8.cast::<u8>(), len as usize);
        println!(
            "embedded CPython {}: sum(range(10)) = {}",
            std::str::from_utf8(bytes).unwrap(),
            ffi::PyLong_AsLong(answer)
        );
        if ffi::Py_FinalizeEx() != 0 {
            std::process::exit(120);
        }
    }
}

#[cfg(not(pyroxide_active))]
fn main() {
    eprintln!("the detected interpreter is not CPython; set PYO3_PYTHON to a CPython to embed it");
}
