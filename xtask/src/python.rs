//! The Python side of xtask: which interpreters of `ci/matrix.toml` this machine has (on the
//! host: pyenv CPython 3.9–3.13, PyPy 3.9, Debian's debug CPython), the venvs under `target/pyroxide-cache/` (one for tooling, one
//! per interpreter), and the extension-module suite: build `tests/ext-sys` for each interpreter,
//! install it into that interpreter's venv and run `tests/python/` there with pytest.
//!
//! The suite builds with `maturin develop`. maturin only treats a crate as an extension module
//! (and only then sets `PYO3_PYTHON`, `PYO3_BUILD_EXTENSION_MODULE=1` and
//! `PYO3_ENVIRONMENT_SIGNATURE`) when a package named `pyo3` or `pyo3-ffi` is in its dependency
//! graph; for a crate that depends on the sys crates alone it picks its `cffi` mode and sets
//! nothing. `tests/ext-sys` therefore carries a never-built marker package of that name
//! (`tests/maturin-marker`, under `cfg(any())`); with it, maturin sets the variables itself and
//! the build sees nothing else.

use crate::matrix_config::{self, Entry, Obtain};
use crate::util::{
    cache_dir, find_on_path, interp_dir, matrix_dir, output, project_root, run, show, Result,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What the tooling venv holds (created with the default `python3`).
const TOOLING_PACKAGES: &[&str] = &["maturin>=1,<2", "pytest"];
/// What each interpreter's venv holds. hypothesis from 6.156 on has a native part: its PyPy 3.11
/// wheels need `PyPyModule_FromDefAndSpec2`, which PyPy 7.3.19 (trixie) lacks, and where no
/// wheel exists (3.13t, 3.15) pip builds it from source with a Rust toolchain and fails. The
/// releases before are pure Python and run everywhere.
const SUITE_PACKAGES: &[&str] = &["pytest", "hypothesis>=6,<6.156"];
/// An interpreter the suite runs on.
#[derive(Clone, Debug)]
pub struct Interpreter {
    /// `cp39` … `cp313`, `cp311d`, `pp39`.
    pub id: String,
    pub executable: PathBuf,
    /// e.g. `3.12.1`, `3.11.2 (debug)`, `3.9.16 / PyPy 7.3.11`.
    pub version: String,
}

/// An interpreter the suite would run on but this machine lacks.
#[derive(Clone, Debug)]
pub struct Missing {
    pub id: String,
    pub reason: String,
}

/// Test counts of a pytest run, or summed over interpreters.
#[derive(Default, Clone, Copy, Debug)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// The interpreters this machine has for the extension suite.
pub fn interpreters() -> Vec<Interpreter> {
    discover().0
}

/// The host interpreters of `ci/matrix.toml` this machine has, and those it lacks with the
/// reason.
pub fn discover() -> (Vec<Interpreter>, Vec<Missing>) {
    let entries = match matrix_config::load() {
        Ok(entries) => entries,
        Err(reason) => return (Vec::new(), vec![Missing { id: "ci/matrix.toml".into(), reason }]),
    };
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for entry in entries.iter().filter(|e| e.is_host()) {
        match locate(entry) {
            Ok(interp) => found.push(interp),
            Err(reason) => missing.push(Missing { id: entry.id.clone(), reason }),
        }
    }
    (found, missing)
}

/// Finds the executable of `entry` (inside its root, when run there by `ci/in-root.sh`) and
/// checks that it is the interpreter the entry describes.
pub fn locate(entry: &Entry) -> Result<Interpreter> {
    let executable = match &entry.obtain {
        Obtain::HostPyenv => pyenv_python(&pyenv_root()?, entry.minor(), &entry.executable)?,
        Obtain::Build(_) => matrix_dir().join(&entry.executable),
        Obtain::HostApt | Obtain::Root(_) => PathBuf::from(&entry.executable),
        Obtain::Config => return Err(format!("{} cannot run here: {}", entry.id, entry.reason)),
    };
    if !executable.is_file() {
        let how = entry.script().map_or_else(String::new, |(script, arg)| {
            format!(" (ci/{script}{})", arg.map(|a| format!(" {a}")).unwrap_or_default())
        });
        return Err(format!("{} not found{how}", executable.display()));
    }
    let version = probe(&executable, entry)?;
    Ok(Interpreter { id: entry.id.clone(), executable, version })
}

/// Prints implementation, `major.minor`, whether it is a debug build, whether it is
/// free-threaded, and the full version.
const PROBE: &str = "import platform, sys, sysconfig
v = platform.python_version()
if platform.python_implementation() == 'PyPy':
    v += ' / PyPy %d.%d.%d' % sys.pypy_version_info[:3]
if platform.python_implementation() == 'GraalVM':
    v += ' / GraalPy %d.%d.%d' % tuple(sys.implementation.version[:3])
ft = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))
print(platform.python_implementation(), '%d.%d' % sys.version_info[:2], hasattr(sys, 'gettotalrefcount'), ft, v)";

/// Runs [`PROBE`] with `exe` and returns its version for the table if it is what `want` says.
fn probe(exe: &Path, want: &Entry) -> Result<String> {
    let out = output(python_cmd(exe).args(["-c", PROBE])).map_err(|e| e.trim().to_string())?;
    let mut parts = out.trim().splitn(5, ' ');
    let mut next = || parts.next().unwrap_or_default();
    let (implementation, minor, debug, ft, version) = (next(), next(), next(), next(), next());
    let (debug, ft) = (debug == "True", ft == "True");
    if implementation != want.implementation
        || minor != want.version
        || debug != want.debug
        || ft != want.free_threaded
    {
        return Err(format!(
            "{} is {:?}, not {} {}{}{}",
            exe.display(),
            out.trim(),
            want.implementation,
            want.version,
            if want.debug { " debug" } else { "" },
            if want.free_threaded { " free-threaded" } else { "" },
        ));
    }
    Ok(match (debug, ft) {
        (true, _) => format!("{version} (debug)"),
        (_, true) => format!("{version} (free-threaded)"),
        _ => version.to_string(),
    })
}

/// `$PYENV_ROOT`, else what `pyenv root` says.
fn pyenv_root() -> Result<PathBuf> {
    if let Some(root) = std::env::var_os("PYENV_ROOT").filter(|r| !r.is_empty()) {
        return Ok(PathBuf::from(root));
    }
    match output(Command::new("pyenv").arg("root")) {
        Ok(root) if !root.trim().is_empty() => Ok(PathBuf::from(root.trim())),
        _ => Err("pyenv not found ($PYENV_ROOT unset, `pyenv root` failed)".into()),
    }
}

/// `bin/<name>` of the newest pyenv CPython `3.<minor>.<patch>` (no variants such as `3.13.0t`).
fn pyenv_python(root: &Path, minor: u32, name: &str) -> Result<PathBuf> {
    let versions = root.join("versions");
    let newest = std::fs::read_dir(&versions)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let dir = entry.file_name().to_string_lossy().into_owned();
            let nums: Vec<u32> = dir.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
            let exe = entry.path().join("bin").join(name);
            (nums.len() == 3 && nums[0] == 3 && nums[1] == minor && exe.is_file())
                .then_some((nums[2], exe))
        })
        .max();
    newest.map(|(_, exe)| exe).ok_or_else(|| {
        format!("no CPython 3.{minor} under {} (pyenv install 3.{minor})", versions.display())
    })
}

/// A command running `exe` without the caller's Python environment leaking in.
pub fn python_cmd(exe: &Path) -> Command {
    let mut cmd = Command::new(exe);
    for var in ["PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"] {
        cmd.env_remove(var);
    }
    cmd.env("PYTHONNOUSERSITE", "1").env("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    cmd
}

/// The tooling venv (`target/pyroxide-cache/venv`, default `python3`, with maturin and pytest);
/// returns its python. Stamped: a second call costs one interpreter start.
pub fn ensure_tooling() -> Result<PathBuf> {
    let python = find_on_path("python3").ok_or("no python3 on PATH for the tooling venv")?;
    let version = output(python_cmd(&python).args(["-c", "import sys; print(sys.version)"]))?;
    ensure_venv(&cache_dir().join("venv"), &python, version.trim(), TOOLING_PACKAGES)
}

/// The venv of `interp` (`target/pyroxide-cache/venvs/<id>`, with pytest); returns its python.
pub fn ensure_suite_venv(interp: &Interpreter) -> Result<PathBuf> {
    let dir = cache_dir().join("venvs").join(&interp.id);
    ensure_venv(&dir, &interp.executable, &interp.version, SUITE_PACKAGES)
}

/// Creates `dir` as a venv of `python` with `packages`, unless its stamp says it is one.
pub fn ensure_venv(dir: &Path, python: &Path, version: &str, packages: &[&str]) -> Result<PathBuf> {
    let venv_python = dir.join("bin").join("python");
    let stamp = dir.join("pyroxide-stamp.txt");
    let want = format!("{}\n{version}\n{}\n", python.display(), packages.join(" "));
    if venv_python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&*want) {
        return Ok(venv_python);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    if let Err(venv_error) = run(python_cmd(python).arg("-m").arg("venv").arg(dir)) {
        // Some distributions ship Python without `venv`/`ensurepip`; virtualenv brings its own.
        eprintln!("{venv_error}; trying virtualenv");
        let _ = std::fs::remove_dir_all(dir);
        let tooling = ensure_tooling()?;
        if output(python_cmd(&tooling).args(["-c", "import virtualenv"])).is_err() {
            run(python_cmd(&tooling).args(["-m", "pip", "install", "-q", "virtualenv"]))?;
        }
        run(python_cmd(&tooling).args(["-m", "virtualenv", "-q", "-p"]).arg(python).arg(dir))?;
    }
    run(python_cmd(&venv_python).args(["-m", "pip", "install", "-q"]).args(packages))?;
    std::fs::write(&stamp, want).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(venv_python)
}

/// One row of the suite's table.
pub struct Row {
    pub id: String,
    pub version: String,
    pub build: String,
    pub counts: Option<Counts>,
    pub seconds: f64,
    pub ok: bool,
}

/// Builds `tests/ext-sys` for each interpreter (or those whose id is in `only`), installs it into
/// the interpreter's venv, runs `tests/python/` there and prints a table. Fails if a build
/// failed or a test failed; missing interpreters are listed as skipped.
pub fn ext_suite(only: Option<&[String]>) -> Result<Counts> {
    let (mut found, mut missing) = discover();
    // GraalPy (xtask/src/graalpy.rs) is provisioned and run only when asked for by id.
    if only.is_some_and(|ids| ids.iter().any(|id| id == crate::graalpy::ID)) {
        match crate::graalpy::interpreter() {
            Ok(interp) => found.push(interp),
            Err(reason) => missing.push(Missing { id: crate::graalpy::ID.into(), reason }),
        }
    }
    let wanted = |id: &str| only.map_or(true, |ids| ids.iter().any(|w| w == id));
    if let Some(ids) = only {
        let known: Vec<&str> =
            found.iter().map(|i| &*i.id).chain(missing.iter().map(|m| &*m.id)).collect();
        if let Some(bad) = ids.iter().find(|id| !known.contains(&id.as_str()) && *id != "abi3") {
            return Err(format!("unknown interpreter `{bad}`; known: {}", known.join(", ")));
        }
    }
    let mut rows = Vec::new();
    for interp in found.iter().filter(|i| wanted(&i.id)) {
        eprintln!("\n==> {} ({}, {})", interp.id, interp.version, interp.executable.display());
        let started = Instant::now();
        let built = build_and_install(interp);
        let (build, counts, ok) = match built {
            Err(e) => {
                eprintln!("FAILED: {e}");
                ("FAILED".to_string(), None, false)
            }
            Ok(python) => match pytest(&python, &[]) {
                Ok((counts, ok)) => ("ok".to_string(), Some(counts), ok),
                Err(e) => {
                    eprintln!("FAILED: {e}");
                    ("ok".to_string(), None, false)
                }
            },
        };
        let seconds = started.elapsed().as_secs_f64();
        rows.push(Row {
            id: interp.id.clone(),
            version: interp.version.clone(),
            build,
            counts,
            seconds,
            ok,
        });
    }
    if wanted("abi3") || only.is_none() {
        rows.extend(crate::abi3::rows(&found));
    }
    for m in missing.iter().filter(|m| wanted(&m.id)) {
        let build = format!("skipped: {}", m.reason);
        rows.push(Row {
            id: m.id.clone(),
            version: "-".into(),
            build,
            counts: None,
            seconds: 0.0,
            ok: true,
        });
    }
    print_table(&rows);
    let mut total = Counts::default();
    for c in rows.iter().filter_map(|r| r.counts) {
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
    }
    let failed: Vec<&str> = rows.iter().filter(|r| !r.ok).map(|r| &*r.id).collect();
    if failed.is_empty() {
        Ok(total)
    } else {
        Err(format!("extension suite failed on {}", failed.join(", ")))
    }
}

/// The extension crates of the suite, each built for every interpreter, and the module name
/// each installs: the sys-level module, the `string_sum` example of PyO3's documentation, and
/// the macro suites' module.
pub const EXT_CRATES: &[(&str, &str)] = &[
    ("tests/ext-sys", "sys_minimal"),
    ("tests/ext-string-sum", "string_sum"),
    ("tests/ext", "pyroxide_ext"),
];

/// Prepares the venv of `interp` and runs `maturin develop --release` of each of `EXT_CRATES`
/// in it, with the builds cached per interpreter in `target/interp/<id>` (so the crates they
/// share are compiled once); returns the venv's python.
pub fn build_and_install(interp: &Interpreter) -> Result<PathBuf> {
    if interp.id == crate::graalpy::ID {
        // No pip in GraalPy's venv: wheels are built and unpacked (xtask/src/graalpy.rs).
        return crate::graalpy::build_and_install(interp);
    }
    let (venv, maturin, path) = venv_and_maturin(interp)?;
    let python = venv.join("bin").join("python");
    // Copies installed by hand by earlier versions of this suite would shadow the packages.
    let site = output(
        python_cmd(&python)
            .args(["-c", "import sysconfig; print(sysconfig.get_paths()['platlib'])"]),
    )?;
    if let Ok(entries) = std::fs::read_dir(site.trim()) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let stale = EXT_CRATES.iter().any(|(_, m)| name.starts_with(&format!("{m}.")));
            if stale && name.ends_with(".so") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    for (dir, _) in EXT_CRATES {
        maturin_develop(&maturin, &venv, &path, interp, dir)?;
    }
    Ok(python)
}

/// `maturin develop --release` of the crate in `dir` into `venv`, built in
/// `target/interp/<id>`; nothing but what maturin sets reaches the build.
pub fn maturin_develop(
    maturin: &Path,
    venv: &Path,
    path: &std::ffi::OsStr,
    interp: &Interpreter,
    dir: &str,
) -> Result {
    let root = project_root();
    let mut cmd = Command::new(maturin);
    cmd.current_dir(&root)
        .args(["develop", "--release", "-m", &format!("{dir}/Cargo.toml")])
        .env("VIRTUAL_ENV", venv)
        .env("PATH", path)
        .env("CARGO_TARGET_DIR", interp_dir(&interp.id))
        .env_remove("PYO3_PYTHON")
        .env_remove("PYO3_BUILD_EXTENSION_MODULE")
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("PYO3_PRINT_CONFIG");
    run(&mut cmd)
}

/// The venv of `interp` with the tooling's `maturin`, and a `PATH` starting with the venv.
pub fn venv_and_maturin(interp: &Interpreter) -> Result<(PathBuf, PathBuf, std::ffi::OsString)> {
    let python = ensure_suite_venv(interp)?;
    let venv =
        python.parent().and_then(Path::parent).ok_or("venv python has no venv")?.to_path_buf();
    let tooling = ensure_tooling()?;
    let maturin = tooling.parent().ok_or("tooling venv has no bin/")?.join("maturin");
    let path = std::env::join_paths(
        std::iter::once(venv.join("bin"))
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .map_err(|e| e.to_string())?;
    Ok((venv, maturin, path))
}

/// Runs `tests/python/` with `python`; returns the counts of pytest's summary line and whether
/// pytest succeeded.
pub fn pytest(python: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Result<(Counts, bool)> {
    let mut cmd = python_cmd(python);
    cmd.envs(env.iter().copied());
    cmd.current_dir(project_root()).args([
        "-m",
        "pytest",
        "tests/python",
        "-q",
        "-rfEs",
        "-p",
        "no:cacheprovider",
    ]);
    // GraalPy (its venv is `venvs/graalpy`) reports an unraisable error when its Java GC frees
    // the object, often during a later test, where pytest's own unraisable plugin fails on
    // GraalPy's missing `tracemalloc` support; the suites check unraisable reports themselves.
    if python.components().any(|c| c.as_os_str() == crate::graalpy::ID) {
        cmd.args(["-p", "no:unraisableexception"]);
    }
    cmd.env("PYROXIDE_EXT_SUITE", "1").env("PYTHONDONTWRITEBYTECODE", "1");
    eprintln!("$ {}", show(&cmd));
    let out = cmd.output().map_err(|e| format!("cannot run {}: {e}", show(&cmd)))?;
    let text = String::from_utf8_lossy(&out.stdout);
    eprint!("{text}{}", String::from_utf8_lossy(&out.stderr));
    let counts = parse_summary(&text).ok_or("no pytest summary line in the output")?;
    Ok((counts, out.status.success() && counts.failed == 0))
}

/// Reads pytest's last line, e.g. `2 failed, 30 passed, 1 skipped, 1 warning in 0.21s`.
pub fn parse_summary(text: &str) -> Option<Counts> {
    let line = text.lines().map(|l| l.trim().trim_matches('=').trim()).rfind(|l| !l.is_empty())?;
    let (counts_part, _) = line.rsplit_once(" in ")?;
    let mut counts = Counts::default();
    for item in counts_part.split(", ") {
        let (n, word) = item.trim().split_once(' ')?;
        let n: usize = n.parse().ok()?;
        match word {
            "passed" | "xpassed" => counts.passed += n,
            "failed" | "error" | "errors" => counts.failed += n,
            "skipped" | "xfailed" => counts.skipped += n,
            _ => {}
        }
    }
    Some(counts)
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<11} {:<22} {:<10} {:>6} {:>6} {:>7} {:>8}",
        "interp", "version", "build", "passed", "failed", "skipped", "seconds"
    );
    for r in rows {
        let counts = r.counts.map_or_else(
            || format!("{:>6} {:>6} {:>7}", "-", "-", "-"),
            |c| format!("{:>6} {:>6} {:>7}", c.passed, c.failed, c.skipped),
        );
        let flag = if r.ok { "" } else { "  <- FAILED" };
        if r.build.starts_with("skipped") {
            println!("{:<11} {:<22} {}", r.id, r.version, r.build);
        } else {
            println!(
                "{:<11} {:<22} {:<10} {counts} {:>8.1}{flag}",
                r.id, r.version, r.build, r.seconds
            );
        }
    }
}

/// `cargo xtask ext [--only ID,…]`.
pub fn run_cli(args: &[String]) -> Result {
    let mut only: Option<Vec<String>> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => {
                let list = args.next().ok_or("--only needs a comma-separated list of ids")?;
                only = Some(list.split(',').map(str::to_string).collect());
            }
            id if !id.starts_with('-') => only.get_or_insert_with(Vec::new).push(id.to_string()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    ensure_tooling()?;
    let total = ext_suite(only.as_deref())?;
    println!("{} passed, {} failed, {} skipped", total.passed, total.failed, total.skipped);
    Ok(())
}
