//! Every generated file must compile, with its `inline.rs` and the safe crate over it, and pass
//! clippy: one `cargo clippy` of its sys crate and `pyroxide` per file, configured through a `PYO3_CONFIG_FILE` (no interpreter needed),
//! so variants this machine cannot run (3.14, 3.15, free-threaded, abi3) are still checked.

use crate::bindgen::profile::TARGETS;
use crate::python::Counts;
use crate::test::cargo_cmd;
use crate::util::{cache_dir, project_root, run, Result};

/// The `PYO3_CONFIG_FILE` text and extra cargo arguments that select `file`.
pub fn config_for(file: &str) -> Option<(String, Vec<String>)> {
    let stem = file.strip_suffix(".rs")?;
    let common = "suppress_build_script_link_lines=true\n";
    if let Some(min) = stem.strip_prefix("abi3_py3") {
        let text = format!("implementation=CPython\nversion=3.15\n{common}");
        return Some((text, vec!["--features".into(), format!("pyroxide/abi3-py3{min}")]));
    }
    if let Some(rest) = stem.strip_prefix("cp3") {
        let minor: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &rest[minor.len()..];
        let mut flags = Vec::new();
        if suffix.contains('t') {
            flags.push("Py_GIL_DISABLED");
        }
        if suffix.contains('d') {
            flags.push("Py_DEBUG");
        }
        let text = format!(
            "implementation=CPython\nversion=3.{minor}\nbuild_flags={}\n{common}",
            flags.join(",")
        );
        return Some((text, vec![]));
    }
    if let Some(rest) = stem.strip_prefix("pp3") {
        let (minor, major) = rest.split_once("_v").unwrap_or((rest, "7"));
        let text = format!("implementation=PyPy\nversion=3.{minor}\npypy_major={major}\n{common}");
        return Some((text, vec![]));
    }
    if let Some(minor) = stem.strip_prefix("gp3") {
        let text = format!("implementation=GraalVM\nversion=3.{minor}\n{common}");
        return Some((text, vec![]));
    }
    None
}

/// Runs clippy on the sys crate once per generated file.
pub fn run_all() -> Result<Counts> {
    let dir = cache_dir().join("variant-configs");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let target_dir = project_root().join("target/interp/variants");
    let mut counts = Counts::default();
    let mut failed = Vec::new();
    for target in TARGETS {
        let crate_dir = target.profile.crate_dir;
        let Some((text, extra)) = config_for(target.file) else {
            return Err(format!("no configuration known for {}", target.file));
        };
        let config = dir.join(target.file.replace(".rs", ".cfg"));
        std::fs::write(&config, text).map_err(|e| e.to_string())?;
        let krate = format!("pyroxide-{crate_dir}");
        // The safe crate too: it must compile against every variant (abi3, free-threaded, PyPy).
        let mut cmd = cargo_cmd(&["clippy", "-q", "-p", &krate, "-p", "pyroxide"]);
        cmd.args(&extra)
            .args(["--", "-D", "warnings"])
            .env("PYO3_CONFIG_FILE", &config)
            .env("CARGO_TARGET_DIR", &target_dir);
        eprintln!("--- {} ({})", target.file, target.variant);
        match run(&mut cmd) {
            Ok(()) => counts.passed += 1,
            Err(e) => {
                eprintln!("FAILED: {e}");
                counts.failed += 1;
                failed.push(target.file);
            }
        }
    }
    if !failed.is_empty() {
        eprintln!("variants failing to compile or lint: {}", failed.join(", "));
    }
    Ok(counts)
}
