//! Build script of `pyroxide`: re-emits the interpreter cfgs chosen by the active sys crate.

fn main() {
    let versions: Vec<String> = (9..=20).map(|m| format!("Py_3_{m}")).collect();
    println!("cargo::rustc-check-cfg=cfg({})", versions.join(","));
    println!("cargo::rustc-check-cfg=cfg(Py_LIMITED_API,Py_GIL_DISABLED,PyPy,GraalPy)");
    println!(
        "cargo::rustc-check-cfg=cfg(py_sys_config,values(\"Py_DEBUG\",\"Py_REF_DEBUG\",\"Py_TRACE_REFS\"))"
    );
    // `#[diagnostic::on_unimplemented]` (Rust 1.78) gives macro users errors that say what to do.
    println!("cargo::rustc-check-cfg=cfg(pyroxide_diagnostics)");
    if rustc_minor().is_some_and(|m| m >= 78) {
        println!("cargo::rustc-cfg=pyroxide_diagnostics");
    }
    let active = ["CPYTHON", "PYPY", "GRAALPY"]
        .into_iter()
        .find(|links| std::env::var(format!("DEP_PYROXIDE_{links}_ACTIVE")).as_deref() == Ok("1"));
    let Some(links) = active else {
        panic!("pyroxide: no sys crate is active; its build script should have said why");
    };
    let cfgs = std::env::var(format!("DEP_PYROXIDE_{links}_CFGS")).unwrap_or_default();
    for cfg in cfgs.split(';').filter(|c| !c.is_empty()) {
        println!("cargo::rustc-cfg={cfg}");
    }
    // This package's own tests and doctests embed the interpreter: find the right libpython.
    if let Ok(dir) = std::env::var(format!("DEP_PYROXIDE_{links}_LIBDIR")) {
        println!("cargo::rustc-link-arg=-Wl,-rpath,{dir}");
    }
}

/// The minor version of the compiler building this crate.
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let out = std::process::Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.split_whitespace().nth(1)?.split('.').nth(1)?.parse().ok()
}
