//! `cargo xtask bench [--quick] [--callgrind] [--python PATH] [--json OUT]`: builds the benchmark module three
//! times (Pyroxide `bench/pyroxide`, PyO3 0.30.1 `bench/pyo3`, hand-written C `bench/c`), installs
//! them into one venv under `target/bench/`, and runs `bench/run.py` there, which checks that
//! they agree and prints the timing table; this adds the build rows (clean and incremental
//! release build time, stripped `.so` size).
//!
//! Both Rust modules build with `maturin develop --release` and the same release profile, set
//! through the environment for both ([`PROFILE`]): fat LTO, one codegen unit. Each has its own
//! target directory (`target/bench/<tag>-<module>`), so "clean" means that directory removed;
//! the time reported is cargo's own `Finished … in` figure (no wheel or pip time). `--quick`
//! skips the clean and incremental builds and times briefly (a smoke run; CI does not run it);
//! `--callgrind` adds instructions per call counted with valgrind (slow: about 7 minutes).

use crate::python::{discover, ensure_tooling, ensure_venv, python_cmd};
use crate::util::{output, project_root, run, show, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

/// The release profile of both Rust modules, as cargo environment overrides.
pub const PROFILE: &[(&str, &str)] =
    &[("CARGO_PROFILE_RELEASE_LTO", "fat"), ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1")];

/// The Rust benchmark crates: the name in the table, the manifest, the module name.
const RUST_MODULES: &[(&str, &str, &str)] = &[
    ("Pyroxide", "bench/pyroxide/Cargo.toml", "bench_pyroxide"),
    ("PyO3", "bench/pyo3/Cargo.toml", "bench_pyo3"),
];

/// The file both Rust modules compile, touched for the incremental build.
const SHARED_SOURCE: &str = "bench/common/functions.rs";

/// Prints `<tag> <version>` of an interpreter, e.g. `cp311 3.11.7`.
const TAG: &str = "import platform, sys
impl = {'CPython': 'cp', 'PyPy': 'pp'}.get(platform.python_implementation(), 'py')
print(impl + '%d%d' % sys.version_info[:2], platform.python_version())";

/// Prints the path of the extension module file of the module named by `argv[1]`.
const MODULE_FILE: &str = "import importlib, os, sys
f = importlib.import_module(sys.argv[1]).__file__
if not f.endswith(('.so', '.pyd')):
    d = os.path.dirname(f)
    f = next(os.path.join(d, x) for x in sorted(os.listdir(d)) if x.endswith('.so'))
print(f)";

/// Prints the include directory, the platlib directory and the extension suffix.
const C_PATHS: &str = "import sysconfig
print(sysconfig.get_paths()['include'])
print(sysconfig.get_paths()['platlib'])
print(sysconfig.get_config_var('EXT_SUFFIX'))";

/// One build row for `bench/run.py --builds`.
struct BuildRow {
    name: &'static str,
    module: &'static str,
    clean_seconds: Option<f64>,
    incremental_seconds: Option<f64>,
    stripped_bytes: Option<u64>,
}

impl BuildRow {
    fn json(&self) -> String {
        let num = |v: Option<f64>| v.map_or("null".to_string(), |v| format!("{v:.2}"));
        format!(
            "{{\"name\": \"{}\", \"module\": \"{}\", \"clean_seconds\": {}, \
             \"incremental_seconds\": {}, \"stripped_bytes\": {}}}",
            self.name,
            self.module,
            num(self.clean_seconds),
            num(self.incremental_seconds),
            self.stripped_bytes.map_or("null".to_string(), |b| b.to_string())
        )
    }
}

/// `cargo xtask bench`.
pub fn run_cli(args: &[String]) -> Result {
    let mut quick = false;
    let mut callgrind = false;
    let mut python: Option<PathBuf> = None;
    let mut json: Option<PathBuf> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--callgrind" => callgrind = true,
            "--python" => python = Some(args.next().ok_or("--python needs a path")?.into()),
            "--json" => json = Some(args.next().ok_or("--json needs a path")?.into()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let python = match python {
        Some(p) => p,
        None => discover().0.into_iter().find(|i| i.id == "cp311").map(|i| i.executable).ok_or(
            "no CPython 3.11 found (pyenv install 3.11, or choose one with --python PATH)",
        )?,
    };
    let probe = output(python_cmd(&python).args(["-c", TAG]))?;
    let (tag, version) = probe.trim().split_once(' ').ok_or("cannot read the interpreter's tag")?;
    let root = project_root();
    let out_dir = root.join("target").join("bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let venv_python =
        ensure_venv(&out_dir.join(format!("venv-{tag}")), &python, version, &["pip"])?;
    let venv = venv_python.parent().and_then(Path::parent).ok_or("venv python has no venv")?;
    let tooling = ensure_tooling()?;
    let maturin = tooling.parent().ok_or("tooling venv has no bin/")?.join("maturin");

    let mut rows = Vec::new();
    for &(name, manifest, module) in RUST_MODULES {
        eprintln!("\n==> {name} ({module}), {tag} {version}");
        let target = out_dir.join(format!("{tag}-{module}"));
        let develop = || maturin_develop(&maturin, venv, manifest, &target);
        let built = if quick {
            develop().map(|_| (None, None))
        } else {
            if target.exists() {
                std::fs::remove_dir_all(&target)
                    .map_err(|e| format!("cannot remove {}: {e}", target.display()))?;
            }
            develop().and_then(|clean| {
                touch(&root.join(SHARED_SOURCE))?;
                Ok((Some(clean), Some(develop()?)))
            })
        };
        let (clean_seconds, incremental_seconds) = match built {
            Ok(times) => times,
            // PyO3 0.30 refuses some interpreters (PyPy before 3.11): measure the other two.
            Err(e) if module == "bench_pyo3" => {
                eprintln!("note: PyO3 cannot be built for {tag} {version}; timing C and Pyroxide only ({e})");
                continue;
            }
            Err(e) => return Err(e),
        };
        rows.push(BuildRow {
            name,
            module,
            clean_seconds,
            incremental_seconds,
            stripped_bytes: None,
        });
    }
    eprintln!("\n==> C (bench_c), {tag} {version}");
    let c_seconds = build_c(&venv_python)?;
    rows.push(BuildRow {
        name: "C",
        module: "bench_c",
        clean_seconds: Some(c_seconds),
        incremental_seconds: None,
        stripped_bytes: None,
    });
    for row in &mut rows {
        row.stripped_bytes = Some(stripped_size(&venv_python, row.module, &out_dir)?);
    }

    let builds = out_dir.join("builds.json");
    let list: Vec<String> = rows.iter().map(BuildRow::json).collect();
    std::fs::write(&builds, format!("[\n {}\n]\n", list.join(",\n ")))
        .map_err(|e| format!("cannot write {}: {e}", builds.display()))?;
    let report = out_dir.join("report.json");
    let mut cmd = python_cmd(&venv_python);
    cmd.current_dir(&root)
        .arg(root.join("bench").join("run.py"))
        .arg("--builds")
        .arg(&builds)
        .arg("--json")
        .arg(&report)
        .arg("--markdown")
        .arg(out_dir.join("report.md"))
        .env("PYTHONDONTWRITEBYTECODE", "1");
    if quick {
        cmd.arg("--quick");
    }
    if callgrind {
        cmd.arg("--callgrind");
    }
    run(&mut cmd)?;
    if let Some(json) = json {
        std::fs::copy(&report, &json)
            .map_err(|e| format!("cannot copy the report to {}: {e}", json.display()))?;
        eprintln!("wrote {}", json.display());
    }
    Ok(())
}

/// `maturin develop --release` of `manifest` into `venv` with [`PROFILE`]; returns cargo's build
/// time (its `Finished … in` line), or the command's wall time if cargo printed none.
fn maturin_develop(maturin: &Path, venv: &Path, manifest: &str, target: &Path) -> Result<f64> {
    let path = std::env::join_paths(
        std::iter::once(venv.join("bin"))
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .map_err(|e| e.to_string())?;
    let mut cmd = Command::new(maturin);
    cmd.current_dir(project_root())
        .args(["develop", "--release", "-m", manifest])
        .envs(PROFILE.iter().copied())
        .env("VIRTUAL_ENV", venv)
        .env("PATH", &path)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("PYO3_PYTHON")
        .env_remove("PYO3_BUILD_EXTENSION_MODULE")
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("PYO3_PRINT_CONFIG")
        .stderr(Stdio::piped());
    eprintln!("$ {}", show(&cmd));
    let started = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot run {}: {e}", show(&cmd)))?;
    let mut cargo_seconds = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(std::result::Result::ok) {
            eprintln!("{line}");
            if let Some(s) = finished_seconds(&line) {
                cargo_seconds = Some(s);
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("`{}` failed with {status}", show(&cmd)));
    }
    Ok(cargo_seconds.unwrap_or_else(|| started.elapsed().as_secs_f64()))
}

/// The seconds of cargo's `Finished … target(s) in 27.26s` (or `in 1m 05s`) line.
fn finished_seconds(line: &str) -> Option<f64> {
    let line = line.trim();
    if !line.starts_with("Finished") {
        return None;
    }
    let (_, time) = line.rsplit_once(" in ")?;
    let mut total = 0.0;
    for part in time.split_whitespace() {
        if let Some(m) = part.strip_suffix('m') {
            total += m.parse::<f64>().ok()? * 60.0;
        } else {
            total += part.strip_suffix('s')?.parse::<f64>().ok()?;
        }
    }
    Some(total)
}

/// Sets the modification time of `path` to now.
fn touch(path: &Path) -> Result {
    std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .map_err(|e| format!("cannot touch {}: {e}", path.display()))
}

/// Compiles `bench/c/bench_c.c` with `$CC` (default `cc`, `-O3`) against the headers of the
/// venv's interpreter, straight into its site-packages; returns the compile time.
fn build_c(venv_python: &Path) -> Result<f64> {
    let paths = output(python_cmd(venv_python).args(["-c", C_PATHS]))?;
    let mut lines = paths.lines();
    let (Some(include), Some(platlib), Some(suffix)) = (lines.next(), lines.next(), lines.next())
    else {
        return Err(format!("cannot read the interpreter's paths from {paths:?}"));
    };
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let mut cmd = Command::new(cc);
    cmd.args(["-O3", "-Wall", "-fPIC", "-shared", "-I"])
        .arg(include)
        .arg(project_root().join("bench").join("c").join("bench_c.c"))
        .arg("-o")
        .arg(Path::new(platlib).join(format!("bench_c{suffix}")))
        .arg("-lm");
    let started = Instant::now();
    run(&mut cmd)?;
    Ok(started.elapsed().as_secs_f64())
}

/// The size of `module`'s extension file after `strip` (a stripped copy under `out_dir`).
fn stripped_size(venv_python: &Path, module: &str, out_dir: &Path) -> Result<u64> {
    let file = output(python_cmd(venv_python).args(["-c", MODULE_FILE, module]))?;
    let stripped = out_dir.join(format!("{module}.stripped.so"));
    run(Command::new("strip").arg("-o").arg(&stripped).arg(file.trim()))?;
    std::fs::metadata(&stripped).map(|m| m.len()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::finished_seconds;

    #[test]
    fn reads_cargos_build_time() {
        let line = "    Finished `release` profile [optimized] target(s) in 27.26s";
        assert_eq!(finished_seconds(line), Some(27.26));
        let line = "    Finished `release` profile [optimized] target(s) in 1m 05s";
        assert_eq!(finished_seconds(line), Some(65.0));
        assert_eq!(finished_seconds("   Compiling pyo3 v0.30.1"), None);
    }
}
