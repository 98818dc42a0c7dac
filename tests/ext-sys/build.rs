//! Build script of `sys-minimal`: re-emits the active sys crate's cfgs (`Py_3_X`, `PyPy`, …),
//! which the sys crates' build scripts set only for themselves, and declares them as expected.

fn main() {
    let versions: Vec<String> = (9..=20).map(|m| format!("Py_3_{m}")).collect();
    println!("cargo::rustc-check-cfg=cfg({})", versions.join(","));
    println!("cargo::rustc-check-cfg=cfg(Py_LIMITED_API,Py_GIL_DISABLED,PyPy,GraalPy)");
    println!(
        "cargo::rustc-check-cfg=cfg(py_sys_config,values(\"Py_DEBUG\",\"Py_REF_DEBUG\",\"Py_TRACE_REFS\"))"
    );
    let active = ["CPYTHON", "PYPY", "GRAALPY"]
        .into_iter()
        .find(|l| std::env::var(format!("DEP_PYROXIDE_{l}_ACTIVE")).as_deref() == Ok("1"))
        .expect("no sys crate is active; its build script should have said why");
    let cfgs = std::env::var(format!("DEP_PYROXIDE_{active}_CFGS")).unwrap_or_default();
    for cfg in cfgs.split(';').filter(|c| !c.is_empty()) {
        println!("cargo::rustc-cfg={cfg}");
    }
}
