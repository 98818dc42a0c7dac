//! The limited-API leg of the extension suite: `tests/ext-sys` built once with `abi3-py310`
//! against the oldest CPython that allows it, then imported, unchanged, by every newer CPython.

use crate::python::{ensure_suite_venv, pytest, Interpreter, Row};
use crate::test::cargo_cmd;
use crate::util::{project_root, run, Result};
use std::path::PathBuf;
use std::time::Instant;

/// The minimum version the abi3 build targets, as the `Py_3_X` minor.
const MIN_MINOR: u32 = 10;

fn minor(interp: &Interpreter) -> Option<u32> {
    interp.id.strip_prefix("cp3")?.parse().ok()
}

/// Builds the abi3 module and returns the folder holding `sys_minimal.abi3.so`.
fn build(builder: &Interpreter) -> Result<PathBuf> {
    let python = ensure_suite_venv(builder)?;
    let target = project_root().join("target/interp/abi3");
    // What maturin sets for an extension module; the marker package carries no abi3 feature
    // for maturin to see, so this leg builds with cargo and names the file as pip would.
    run(cargo_cmd(&["build", "--release", "-p", "sys-minimal", "--features", "abi3-py310"])
        .env("PYO3_PYTHON", &python)
        .env("PYO3_BUILD_EXTENSION_MODULE", "1")
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("VIRTUAL_ENV"))?;
    let dir = target.join("pkg");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let dest = dir.join("sys_minimal.abi3.so");
    let _ = std::fs::remove_file(&dest);
    std::fs::copy(target.join("release/libsys_minimal.so"), &dest).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// One row per release CPython ≥ 3.10 importing the same abi3 build.
pub fn rows(found: &[Interpreter]) -> Vec<Row> {
    let cpythons: Vec<&Interpreter> =
        found.iter().filter(|i| minor(i).is_some_and(|m| m >= MIN_MINOR)).collect();
    let Some(builder) = cpythons.iter().min_by_key(|i| minor(i)) else {
        return vec![Row {
            id: "abi3".into(),
            version: "-".into(),
            build: format!("skipped: no release CPython 3.{MIN_MINOR}+ found"),
            counts: None,
            seconds: 0.0,
            ok: true,
        }];
    };
    eprintln!("\n==> abi3-py3{MIN_MINOR} build with {}", builder.id);
    let started = Instant::now();
    let dir = match build(builder) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("FAILED: {e}");
            return vec![Row {
                id: format!("abi3@{}", builder.id),
                version: builder.version.clone(),
                build: "FAILED".into(),
                counts: None,
                seconds: started.elapsed().as_secs_f64(),
                ok: false,
            }];
        }
    };
    let mut rows = Vec::new();
    for interp in cpythons {
        eprintln!("\n==> abi3 module imported by {}", interp.id);
        let started = Instant::now();
        let env = [("PYTHONPATH", dir.as_os_str()), ("PYROXIDE_EXPECT_ABI3", "1".as_ref())];
        let (counts, ok) = match ensure_suite_venv(interp).and_then(|py| pytest(&py, &env)) {
            Ok((counts, ok)) => (Some(counts), ok),
            Err(e) => {
                eprintln!("FAILED: {e}");
                (None, false)
            }
        };
        rows.push(Row {
            id: format!("abi3@{}", interp.id),
            version: interp.version.clone(),
            build: format!("abi3-py3{MIN_MINOR}"),
            counts,
            seconds: started.elapsed().as_secs_f64(),
            ok,
        });
    }
    rows
}
