//! GraalPy in the extension-module suite (`cargo xtask ext --only graalpy`): provisioning through
//! `ci/graalpy.sh` (GraalPy in JVM mode from Maven Central), its venv, and building and
//! installing the suite's extension crates for it.
//!
//! GraalPy differs from the other interpreters in two ways that matter here. Every start of the
//! JVM-mode launcher costs 10–20 s (the interpreter runs without a JIT on a stock JDK), so the
//! venv is created `--without-pip` (GraalPy's `ensurepip` takes minutes) and pytest, which is
//! pure Python, is installed into it by the tooling venv's pip (`--target`, for Python 3.12).
//! Without pip in the venv, `maturin develop` cannot install, so the crates are built with
//! `maturin build -i <venv python>` and their wheels unpacked into the venv's site-packages.
//! GraalPy is only run when asked for by id: provisioning fetches about 160 MB.

use crate::python::{python_cmd, Interpreter, EXT_CRATES};
use crate::util::{cache_dir, output, project_root, run, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The suite's id for GraalPy.
pub const ID: &str = "graalpy";

/// The Python version GraalPy implements (the `gp3<minor>.rs` bindings must exist for it).
const MINOR: &str = "3.12";

/// Provisions GraalPy with `ci/graalpy.sh` (stamped: seconds when done before) and probes it.
pub fn interpreter() -> Result<Interpreter> {
    let script = project_root().join("ci/graalpy.sh");
    let launcher = output(Command::new("sh").arg(&script))
        .map_err(|e| format!("ci/graalpy.sh failed: {}", e.trim()))?;
    let executable = PathBuf::from(launcher.trim());
    let probe = "import platform, sys; v = sys.implementation.version; \
                 print(platform.python_implementation(), '%d.%d' % sys.version_info[:2], \
                 platform.python_version(), '%d.%d.%d' % tuple(v[:3]))";
    let out = output(python_cmd(&executable).args(["-c", probe]))?;
    let words: Vec<&str> = out.split_whitespace().collect();
    match words.as_slice() {
        ["GraalVM", minor, python, graalpy] if *minor == MINOR => Ok(Interpreter {
            id: ID.into(),
            executable,
            version: format!("{python} / GraalPy {graalpy}"),
        }),
        _ => Err(format!("{} is {out:?}, not GraalPy for Python {MINOR}", executable.display())),
    }
}

/// The venv of GraalPy (`target/pyroxide-cache/venvs/graalpy`) with pytest; returns its python.
pub fn ensure_venv(interp: &Interpreter) -> Result<PathBuf> {
    let dir = cache_dir().join("venvs").join(ID);
    let python = dir.join("bin").join("python");
    let stamp = dir.join("pyroxide-stamp.txt");
    let want = format!("{}\n{}\npytest\n", interp.executable.display(), interp.version);
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&*want) {
        return Ok(python);
    }
    let _ = std::fs::remove_dir_all(&dir);
    run(python_cmd(&interp.executable).args(["-m", "venv", "--without-pip"]).arg(&dir))?;
    let site = site_packages(&dir);
    let tooling = crate::python::ensure_tooling()?;
    run(python_cmd(&tooling)
        .args(["-m", "pip", "install", "-q", "--upgrade", "--only-binary=:all:"])
        .args(["--python-version", MINOR, "--target"])
        .arg(&site)
        .arg("pytest"))?;
    std::fs::write(&stamp, want).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(python)
}

/// `lib/python3.12/site-packages` of the venv `dir`.
fn site_packages(dir: &Path) -> PathBuf {
    dir.join("lib").join(format!("python{MINOR}")).join("site-packages")
}

/// Builds each of `EXT_CRATES` for GraalPy with `maturin build --release` (cached in
/// `target/interp/graalpy`) and unpacks its wheel into the venv; returns the venv's python.
pub fn build_and_install(interp: &Interpreter) -> Result<PathBuf> {
    let python = ensure_venv(interp)?;
    let venv = python.parent().and_then(Path::parent).ok_or("venv python has no venv")?;
    let site = site_packages(venv);
    let tooling = crate::python::ensure_tooling()?;
    let maturin = tooling.parent().ok_or("tooling venv has no bin/")?.join("maturin");
    let root = project_root();
    let target = root.join("target").join("interp").join(ID);
    let wheels = target.join("wheels");
    for (dir, module) in EXT_CRATES {
        let _ = std::fs::remove_dir_all(&wheels);
        let mut cmd = Command::new(&maturin);
        cmd.current_dir(&root)
            .args(["build", "--release", "-m", &format!("{dir}/Cargo.toml"), "-i"])
            .arg(&python)
            // The macro suite's GraalPy build leaves out what GraalPy cannot do.
            .args(if *dir == "tests/ext" { &["--features", "graalpy"][..] } else { &[] })
            .arg("--out")
            .arg(&wheels)
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("PYO3_PYTHON")
            .env_remove("PYO3_BUILD_EXTENSION_MODULE")
            .env_remove("PYO3_CONFIG_FILE")
            .env_remove("PYO3_PRINT_CONFIG");
        run(&mut cmd)?;
        let wheel = std::fs::read_dir(&wheels)
            .map_err(|e| e.to_string())?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "whl"))
            .ok_or_else(|| format!("maturin built no wheel for {dir}"))?;
        remove_installed(&site, module);
        run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&site))?;
    }
    Ok(python)
}

/// Removes what an earlier install of `module` left in `site` (its package, a bare extension
/// file, its `.dist-info`).
fn remove_installed(site: &Path, module: &str) {
    let Ok(entries) = std::fs::read_dir(site) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let dist_info = name.starts_with(&format!("{module}-")) && name.ends_with(".dist-info");
        if name == module || dist_info {
            let _ = std::fs::remove_dir_all(&path);
        } else if name.starts_with(&format!("{module}.")) && name.ends_with(".so") {
            let _ = std::fs::remove_file(&path);
        }
    }
}
