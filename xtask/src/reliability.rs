//! `cargo xtask reliability [--long] [--no-valgrind]`: the reliability suite, with one table of
//! figures. It builds the extension suite for the release (`cp311`) and debug (`cp311d`)
//! CPython 3.11, then runs:
//! - the leak sweep (`tests/reliability/leaks.py`, debug build): reference and block deltas
//!   of every case, and the one-reference canary that must show exactly N;
//! - adversarial inputs, panic containment and threads/lifecycle (`tests/python/test_*.py`)
//!   on both builds (`--long`: 100 thread runs instead of 3);
//! - the whole extension pytest suite under valgrind (`PYTHONMALLOC=malloc`, leak check for
//!   definite leaks, uninitialised-value reports off: see [`valgrind_row`]), with
//!   `tests/reliability/common.supp` and `tests/reliability/<id>.supp` if there is one.
//!
//! It fails on any leak, valgrind error, failed test or crash.

use crate::python::{self, Interpreter};
use crate::util::{project_root, show, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One row of the table.
struct Row {
    check: String,
    interp: String,
    ok: bool,
    figures: String,
    seconds: f64,
}

/// The pytest files of the fast reliability checks, with the table's name for each.
const SUITES: &[(&str, &str)] = &[
    ("adversarial inputs", "tests/python/test_adversarial.py"),
    ("panic containment", "tests/python/test_panics.py"),
    ("threads, lifecycle", "tests/python/test_threads.py"),
];

/// `cargo xtask reliability [--long] [--no-valgrind]`.
pub fn run_cli(args: &[String]) -> Result {
    let mut long = false;
    let mut valgrind = true;
    for arg in args {
        match arg.as_str() {
            "--long" => long = true,
            "--no-valgrind" => valgrind = false,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let started = Instant::now();
    python::ensure_tooling()?;
    let (found, missing) = python::discover();
    let mut rows = Vec::new();
    let mut built = Vec::new();
    for id in ["cp311d", "cp311"] {
        match found.iter().find(|i| i.id == id) {
            Some(interp) => {
                let t = Instant::now();
                match python::build_and_install(interp) {
                    Ok(py) => built.push((interp.clone(), py)),
                    Err(e) => rows.push(Row {
                        check: "build".into(),
                        interp: id.into(),
                        ok: false,
                        figures: e,
                        seconds: t.elapsed().as_secs_f64(),
                    }),
                }
            }
            None => {
                let reason = missing.iter().find(|m| m.id == id).map_or("", |m| &m.reason);
                rows.push(Row {
                    check: "build".into(),
                    interp: id.into(),
                    ok: false,
                    figures: format!("missing: {reason}"),
                    seconds: 0.0,
                });
            }
        }
    }
    let runs = if long { "100" } else { "3" };
    for (interp, py) in &built {
        if interp.id == "cp311d" {
            rows.push(leak_sweep(interp, py));
        }
        for (name, file) in SUITES {
            rows.push(pytest_row(name, interp, py, &[file], &[("PYROXIDE_THREAD_RUNS", runs)]));
        }
    }
    if valgrind {
        for (interp, py) in &built {
            rows.push(valgrind_row(interp, py));
        }
    }
    print_table(&rows);
    println!("total {:.0} s", started.elapsed().as_secs_f64());
    let failed: Vec<String> =
        rows.iter().filter(|r| !r.ok).map(|r| format!("{} ({})", r.check, r.interp)).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("reliability checks failed: {}", failed.join(", ")))
    }
}

/// A command running `python` in the project root with panics kept short.
fn python_in_root(python: &Path) -> Command {
    let mut cmd = python::python_cmd(python);
    cmd.current_dir(project_root())
        .env("RUST_BACKTRACE", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYROXIDE_EXT_SUITE", "1");
    cmd
}

/// Runs `cmd`, echoing its output; returns (success, stdout + stderr, seconds).
fn run_captured(cmd: &mut Command) -> (bool, String, f64) {
    eprintln!("$ {}", show(cmd));
    let t = Instant::now();
    match cmd.output() {
        Ok(out) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            eprint!("{}", tail(&text, 60));
            (out.status.success(), text, t.elapsed().as_secs_f64())
        }
        Err(e) => (false, format!("cannot run: {e}"), t.elapsed().as_secs_f64()),
    }
}

/// The last `n` lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = lines[lines.len().saturating_sub(n)..].join("\n");
    out.push('\n');
    out
}

/// pytest's summary line: the last line that parses as one (stderr, with panic messages and
/// valgrind's report, follows stdout in `text`).
fn summary(text: &str) -> Option<python::Counts> {
    text.lines().rev().find_map(python::parse_summary)
}

/// The leak sweep alone, for `cargo xtask test` (after its extension suites, so the build is
/// already installed in cp311d's venv).
pub fn leak_sweep_step() -> Result<Option<python::Counts>> {
    let (found, missing) = python::discover();
    let Some(interp) = found.iter().find(|i| i.id == "cp311d") else {
        let reason = missing.iter().find(|m| m.id == "cp311d").map_or("", |m| &m.reason);
        return Err(format!("cp311d is missing: {reason}"));
    };
    let py = python::build_and_install(interp)?;
    let row = leak_sweep(interp, &py);
    println!("leak sweep on cp311d: {}", row.figures);
    if row.ok {
        Ok(Some(python::Counts { passed: 1, ..Default::default() }))
    } else {
        Err(format!("leak sweep failed: {}", row.figures))
    }
}

/// The leak sweep on the debug build.
fn leak_sweep(interp: &Interpreter, python: &Path) -> Row {
    let mut cmd = python_in_root(python);
    cmd.arg("tests/reliability/leaks.py");
    let (ok, text, seconds) = run_captured(&mut cmd);
    let line = text.lines().rfind(|l| l.starts_with("LEAKSWEEP "));
    let field = |name: &str| -> Option<u64> {
        line?
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
    };
    let figures = match (field("cases"), field("calls"), field("leaks"), field("canary")) {
        (Some(cases), Some(calls), Some(leaks), Some(canary)) => format!(
            "{cases} cases, {calls} calls, {leaks} leaking; canary leak_one: {canary} refs/round"
        ),
        _ => "no LEAKSWEEP summary (crashed?)".into(),
    };
    Row { check: "leak sweep".into(), interp: interp.id.clone(), ok, figures, seconds }
}

/// One pytest run of `files`.
fn pytest_row(
    name: &str,
    interp: &Interpreter,
    python: &Path,
    files: &[&str],
    env: &[(&str, &str)],
) -> Row {
    let mut cmd = python_in_root(python);
    cmd.envs(env.iter().copied());
    cmd.args(["-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider"]).args(files);
    let (ok, text, seconds) = run_captured(&mut cmd);
    let counts = summary(&text);
    let figures = match counts {
        Some(c) => format!("{} passed, {} failed, {} skipped", c.passed, c.failed, c.skipped),
        None => "no pytest summary (crashed?)".into(),
    };
    let ok = ok && counts.is_some_and(|c| c.failed == 0);
    Row { check: name.into(), interp: interp.id.clone(), ok, figures, seconds }
}

/// The extension pytest suite under valgrind: 0 errors, `definitely lost: 0 bytes`.
fn valgrind_row(interp: &Interpreter, python: &Path) -> Row {
    let check = "valgrind (pytest suite)".to_string();
    let Some(valgrind) = crate::util::find_on_path("valgrind") else {
        let figures = "valgrind not on PATH (apt-get install valgrind)".into();
        return Row { check, interp: interp.id.clone(), ok: false, figures, seconds: 0.0 };
    };
    let root = project_root();
    let mut cmd = Command::new(valgrind);
    cmd.current_dir(&root)
        .env("PYTHONMALLOC", "malloc")
        .env("RUST_BACKTRACE", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYROXIDE_EXT_SUITE", "1")
        .env("PYROXIDE_THREAD_RUNS", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .args(["--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=99"])
        // CPython 3.11's int code (`maybe_small_long` after `_PyLong_FromByteArray`,
        // `PyLong_FromString`, `long_bitwise`) reads digits valgrind thinks uninitialised, and the
        // small ints it returns then taint every INCREF/DECREF downstream: 35 contexts on
        // 3.11.7, none with a Pyroxide frame, too generic to suppress without hiding real
        // errors. Invalid reads/writes, frees and definite leaks remain errors.
        .args(["--num-callers=30", "--undef-value-errors=no"]);
    for supp in suppressions(&root, &interp.id) {
        cmd.arg(format!("--suppressions={}", supp.display()));
    }
    cmd.arg(python).args(["-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider", "tests/python"]);
    // Under valgrind every call is ~50x slower: the fuzz suite runs a few examples per function.
    cmd.env("PYROXIDE_FUZZ_EXAMPLES", "5");
    let (ok, text, seconds) = run_captured(&mut cmd);
    let errors = text
        .lines()
        .rfind(|l| l.contains("ERROR SUMMARY:"))
        .and_then(|l| l.split("ERROR SUMMARY:").nth(1)?.split_whitespace().next()?.parse().ok());
    let log = root.join("target").join(format!("valgrind-{}.log", interp.id));
    let _ = std::fs::write(&log, &text);
    eprintln!("full valgrind output: {}", log.display());
    let lost = text
        .lines()
        .filter(|l| l.contains("definitely lost:"))
        .filter_map(|l| {
            l.split("definitely lost:").nth(1)?.split_whitespace().next().map(str::to_string)
        })
        .next_back()
        .unwrap_or_else(|| "0".into());
    let tests = summary(&text);
    let figures = format!(
        "{} errors, definitely lost {} bytes; {}",
        errors.map_or("?".to_string(), |e: u64| e.to_string()),
        lost,
        tests.map_or("no pytest summary".into(), |c| format!(
            "{} passed, {} failed",
            c.passed, c.failed
        ))
    );
    let clean = errors.unwrap_or(0) == 0 && lost.replace(',', "") == "0";
    let ok = ok && clean && tests.is_some_and(|c| c.failed == 0);
    Row { check, interp: interp.id.clone(), ok, figures, seconds }
}

/// The suppression files for `id`: `tests/reliability/common.supp` (glibc's own over-reads) and
/// `tests/reliability/<id>.supp` if there is one.
fn suppressions(root: &Path, id: &str) -> Vec<PathBuf> {
    ["common".to_string(), id.to_string()]
        .iter()
        .map(|name| root.join("tests/reliability").join(format!("{name}.supp")))
        .filter(|file| file.is_file())
        .collect()
}

fn print_table(rows: &[Row]) {
    println!("\n{:<24} {:<7} {:<6} {:>8}  figures", "check", "interp", "result", "seconds");
    for r in rows {
        let result = if r.ok { "ok" } else { "FAILED" };
        println!("{:<24} {:<7} {:<6} {:>8.1}  {}", r.check, r.interp, result, r.seconds, r.figures);
    }
}
