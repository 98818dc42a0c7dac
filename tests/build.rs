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
    let cfgs = meta("CFGS").unwrap_or_default();
    for cfg in cfgs.split(';').filter(|c| !c.is_empty()) {
        println!("cargo::rustc-cfg={cfg}");
    }
    if let Some(dir) = meta("LIBDIR") {
        println!("cargo::rustc-link-arg=-Wl,-rpath,{dir}");
        // Where the sys-level PyPy start (`init`) begins its search for the standard library.
        println!("cargo::rustc-env=PYROXIDE_TESTS_LIBDIR={dir}");
    }
    build_c_helpers(links, meta("INCLUDE"), &cfgs);
}

/// Compiles `c/inline_helpers.c` against the active interpreter's headers. Its `pyconfig.h`
/// already says whether the build is a debug or free-threaded one, so no define is added: in
/// particular never `Py_LIMITED_API`, because the inline functions under test are the
/// version-specific ones. PyPy is skipped: the tests that use the helpers (`inline.rs`) are not
/// built there. So
/// is a configuration without headers (a `PYO3_CONFIG_FILE` naming no interpreter, as in the
/// free-threaded compile check of `cargo xtask test`): the tests then type-check
/// (`cargo check --tests`) but cannot link.
fn build_c_helpers(links: &str, include: Option<String>, cfgs: &str) {
    println!("cargo::rerun-if-changed=c/inline_helpers.c");
    if links != "CPYTHON" || cfgs.split(';').any(|c| c == "Py_LIMITED_API") {
        return;
    }
    let Some(include) = include else { return };
    cc::Build::new()
        .file("c/inline_helpers.c")
        .include(&include)
        .warnings(true)
        .compile("pyroxide_inline_helpers");
}
