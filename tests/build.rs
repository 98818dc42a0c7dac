//! Build script of the integration tests: re-emits the active sys crate's cfgs, adds the rpath
//! that makes the embedded libpython the detected one, and builds the C helpers the tests compare
//! against.

fn main() {
    let versions: Vec<String> = (9..=20).map(|m| format!("Py_3_{m}")).collect();
    println!("cargo::rustc-check-cfg=cfg({})", versions.join(","));
    println!("cargo::rustc-check-cfg=cfg(Py_LIMITED_API,Py_GIL_DISABLED,PyPy,GraalPy)");
    println!(
        "cargo::rustc-check-cfg=cfg(py_sys_config,values(\"Py_DEBUG\",\"Py_REF_DEBUG\",\"Py_TRACE_REFS\"))"
    );
    let links = ["CPYTHON", "PYPY"]
        .into_iter()
        .find(|l| std::env::var(format!("DEP_PYROXIDE_{l}_ACTIVE")).as_deref() == Ok("1"))
        .expect("no active sys crate");
    let meta = |key: &str| std::env::var(format!("DEP_PYROXIDE_{links}_{key}")).ok();
    for cfg in meta("CFGS").unwrap_or_default().split(';').filter(|c| !c.is_empty()) {
        println!("cargo::rustc-cfg={cfg}");
    }
    if let Some(dir) = meta("LIBDIR") {
        println!("cargo::rustc-link-arg=-Wl,-rpath,{dir}");
    }
}
