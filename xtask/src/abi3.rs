//! The limited-API leg of the extension suite: each extension crate built once for the stable
//! ABI against the oldest CPython its minimum allows, then imported, unchanged, by every newer
//! CPython. `tests/ext-sys` targets 3.10; the macro suite (`tests/ext`) targets 3.9, whose
//! limited API lacks fastcall, so its functions take the varargs-and-keywords path there.

use crate::python::{ensure_suite_venv, pytest, Interpreter, Row};
use crate::test::cargo_cmd;
use crate::util::{interp_dir, run, Result};
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Instant;

/// One stable-ABI build: package, library (module) name, feature, minimum minor version.
struct Build {
    package: &'static str,
    module: &'static str,
    feature: &'static str,
    min_minor: u32,
}

const BUILDS: &[Build] = &[
    Build { package: "sys-minimal", module: "sys_minimal", feature: "abi3-py310", min_minor: 10 },
    Build { package: "pyroxide-ext", module: "pyroxide_ext", feature: "abi3-py39", min_minor: 9 },
];

fn minor(interp: &Interpreter) -> Option<u32> {
    interp.id.strip_prefix("cp3")?.parse().ok()
}

/// Builds `b` with `builder` and returns the folder holding `<module>.abi3.so`.
fn build(b: &Build, builder: &Interpreter) -> Result<PathBuf> {
    let python = ensure_suite_venv(builder)?;
    let target = interp_dir(&format!("abi3-{}", b.package));
    // What maturin sets for an extension module; the marker package carries no abi3 feature
    // for maturin to see, so this leg builds with cargo and names the file as pip would.
    run(cargo_cmd(&["build", "--release", "-p", b.package, "--features", b.feature])
        .env("PYO3_PYTHON", &python)
        .env("PYO3_BUILD_EXTENSION_MODULE", "1")
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("VIRTUAL_ENV"))?;
    let dir = target.join("pkg");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let dest = dir.join(format!("{}.abi3.so", b.module));
    let _ = std::fs::remove_file(&dest);
    let built = target.join("release").join(format!("lib{}.so", b.module));
    std::fs::copy(built, &dest).map_err(|e| e.to_string())?;
    Ok(dir)
}

fn failed_row(id: String, version: String, seconds: f64) -> Row {
    Row { id, version, build: "FAILED".into(), counts: None, seconds, ok: false }
}

/// One row per release CPython importing every abi3 build its version allows.
pub fn rows(found: &[Interpreter]) -> Vec<Row> {
    let cpythons: Vec<&Interpreter> = found.iter().filter(|i| minor(i).is_some()).collect();
    let mut rows = Vec::new();
    // (minimum minor, folder) of each successful build.
    let mut dirs: Vec<(u32, PathBuf, &Build)> = Vec::new();
    for b in BUILDS {
        let eligible = cpythons.iter().filter(|i| minor(i).is_some_and(|m| m >= b.min_minor));
        let Some(builder) = eligible.min_by_key(|i| minor(i)) else {
            rows.push(Row {
                id: format!("abi3:{}", b.module),
                version: "-".into(),
                build: format!("skipped: no release CPython 3.{}+ found", b.min_minor),
                counts: None,
                seconds: 0.0,
                ok: true,
            });
            continue;
        };
        eprintln!("\n==> {} {} build with {}", b.package, b.feature, builder.id);
        let started = Instant::now();
        match build(b, builder) {
            Ok(dir) => dirs.push((b.min_minor, dir, b)),
            Err(e) => {
                eprintln!("FAILED: {e}");
                let id = format!("abi3:{}@{}", b.module, builder.id);
                rows.push(failed_row(id, builder.version.clone(), started.elapsed().as_secs_f64()));
            }
        }
    }
    for interp in cpythons {
        let m = minor(interp).unwrap_or(0);
        let usable: Vec<&(u32, PathBuf, &Build)> =
            dirs.iter().filter(|(min, ..)| m >= *min).collect();
        if usable.is_empty() {
            continue;
        }
        eprintln!("\n==> abi3 modules imported by {}", interp.id);
        let started = Instant::now();
        let path = std::env::join_paths(usable.iter().map(|(_, d, _)| d)).unwrap_or_default();
        let modules: Vec<&str> = usable.iter().map(|(.., b)| b.module).collect();
        let expect: OsString = modules.join(",").into();
        let env = [("PYTHONPATH", path.as_os_str()), ("PYROXIDE_EXPECT_ABI3", expect.as_os_str())];
        let (counts, ok) = match ensure_suite_venv(interp).and_then(|py| pytest(&py, &env)) {
            Ok((counts, ok)) => (Some(counts), ok),
            Err(e) => {
                eprintln!("FAILED: {e}");
                (None, false)
            }
        };
        let features: Vec<&str> = usable.iter().map(|(.., b)| b.feature).collect();
        rows.push(Row {
            id: format!("abi3@{}", interp.id),
            version: interp.version.clone(),
            build: features.join("+"),
            counts,
            seconds: started.elapsed().as_secs_f64(),
            ok,
        });
    }
    rows
}
