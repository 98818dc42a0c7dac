//! `cargo xtask matrix [--only ID,…] [--suite rust|python|all] [--all] [--list]`: the suites on
//! every interpreter of `ci/matrix.toml`. Host interpreters run here; a root's interpreters run
//! in one `ci/in-root.sh SUITE` call of this same binary (`--inside --report FILE`), whose rows
//! come back through the report; check-only interpreters get a `cargo check`. One table, one
//! exit status: a failure anywhere fails the command; every skip carries its reason.

use crate::matrix_config::{self, Entry, Expect, Obtain};
use crate::python::{self, Counts};
use crate::util::{matrix_dir, project_root, run, Result};
use crate::{embed, variants};
use std::process::Command;
use std::time::Instant;

/// Which suites to run.
#[derive(Clone, Copy)]
struct Suites {
    python: bool,
    rust: bool,
}

/// One cell of the table: an interpreter × a suite (or its provisioning).
#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    pub version: String,
    /// `setup`, `python`, `rust` or `check`.
    pub suite: String,
    pub counts: Option<Counts>,
    pub ok: bool,
    pub skipped: bool,
    pub seconds: f64,
    /// The reason of a skip or a failure.
    pub note: String,
}

impl Row {
    fn new(id: &str, version: &str, suite: &str) -> Row {
        Row {
            id: id.into(),
            version: version.into(),
            suite: suite.into(),
            counts: None,
            ok: true,
            skipped: false,
            seconds: 0.0,
            note: String::new(),
        }
    }

    fn skip(mut self, why: &str) -> Row {
        self.skipped = true;
        self.note = why.into();
        self
    }

    /// The row of a step that returned `result` after starting at `started`.
    fn finish(mut self, started: Instant, result: Result<Option<Counts>>) -> Row {
        self.seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(counts) => {
                self.ok = counts.map_or(true, |c| c.failed == 0);
                self.counts = counts;
            }
            Err(e) => {
                eprintln!("FAILED: {e}");
                self.ok = false;
                self.note = e.lines().next().unwrap_or_default().chars().take(100).collect();
            }
        }
        self
    }

    fn to_line(&self) -> String {
        let c = self.counts.unwrap_or_default();
        let counts = if self.counts.is_some() { "1" } else { "0" };
        [
            self.id.as_str(),
            &self.version,
            &self.suite,
            counts,
            &c.passed.to_string(),
            &c.failed.to_string(),
            &c.skipped.to_string(),
            if self.ok { "1" } else { "0" },
            if self.skipped { "1" } else { "0" },
            &format!("{:.1}", self.seconds),
            &self.note.replace(['\t', '\n'], " "),
        ]
        .join("\t")
    }

    fn from_line(line: &str) -> Option<Row> {
        let f: Vec<&str> = line.split('\t').collect();
        let [id, version, suite, has, p, fl, s, ok, skipped, seconds, note] = f[..] else {
            return None;
        };
        let n = |x: &str| x.parse().ok();
        let counts = Counts { passed: n(p)?, failed: n(fl)?, skipped: n(s)? };
        Some(Row {
            id: id.into(),
            version: version.into(),
            suite: suite.into(),
            counts: (has == "1").then_some(counts),
            ok: ok == "1",
            skipped: skipped == "1",
            seconds: seconds.parse().ok()?,
            note: note.into(),
        })
    }
}

/// `cargo xtask matrix …`.
pub fn run_cli(args: &[String]) -> Result {
    let mut only: Option<Vec<String>> = None;
    let (mut all, mut list, mut inside) = (false, false, false);
    let mut suites = Suites { python: true, rust: true };
    let mut report = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => {
                let ids = args.next().ok_or("--only needs a comma-separated list of ids")?;
                only = Some(ids.split(',').map(str::to_string).collect());
            }
            "--suite" => {
                suites = match args.next().map(String::as_str) {
                    Some("rust") => Suites { python: false, rust: true },
                    Some("python") => Suites { python: true, rust: false },
                    Some("all") => Suites { python: true, rust: true },
                    _ => return Err("--suite takes rust, python or all".into()),
                }
            }
            "--all" => all = true,
            "--list" => list = true,
            "--inside" => inside = true,
            "--report" => report = Some(args.next().ok_or("--report needs a file")?.clone()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let entries = matrix_config::load()?;
    if list {
        matrix_config::print_list(&entries);
        return Ok(());
    }
    let selected: Vec<&Entry> = match &only {
        Some(ids) => {
            let unknown: Vec<&String> =
                ids.iter().filter(|id| !entries.iter().any(|e| &e.id == *id)).collect();
            if !unknown.is_empty() {
                let known: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
                return Err(format!("unknown ids {unknown:?}; known: {}", known.join(", ")));
            }
            entries.iter().filter(|e| ids.contains(&e.id)).collect()
        }
        None => entries.iter().filter(|e| all || e.is_host()).collect(),
    };
    let started = Instant::now();
    let rows = if inside {
        // Inside a root (ci/in-root.sh): run here, hand the rows back through the report.
        let rows: Vec<Row> = selected.iter().flat_map(|e| run_entry(e, suites)).collect();
        let path = report.ok_or("--inside needs --report FILE")?;
        let text: String = rows.iter().map(|r| r.to_line() + "\n").collect();
        std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
        // The host prints the table.
        return Ok(());
    } else {
        run_selected(&selected, suites)
    };
    print_table(&rows);
    println!("total time {:.0}s", started.elapsed().as_secs_f64());
    let mut total = Counts::default();
    for r in &rows {
        let c = r.counts.unwrap_or_default();
        total.passed += c.passed;
        total.failed += c.failed + usize::from(!r.ok && c.failed == 0);
        total.skipped += c.skipped + usize::from(r.skipped);
    }
    println!("{} passed, {} failed, {} skipped", total.passed, total.failed, total.skipped);
    let failed: Vec<String> =
        rows.iter().filter(|r| !r.ok).map(|r| format!("{} {}", r.id, r.suite)).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("the matrix failed on: {}", failed.join(", ")))
    }
}

/// Runs the selected entries from the host, in `ci/matrix.toml`'s order, entering each root
/// once for all of its interpreters.
fn run_selected(selected: &[&Entry], suites: Suites) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut done_roots: Vec<&str> = Vec::new();
    if selected.iter().any(|e| e.obtain == Obtain::HostApt) {
        rows.push(provision("host", "host.sh", None));
    }
    for entry in selected {
        match &entry.obtain {
            Obtain::HostPyenv | Obtain::HostApt => rows.extend(run_entry(entry, suites)),
            Obtain::Build(name) => {
                let setup = provision(&entry.id, &format!("{name}.sh"), None);
                let ok = setup.ok;
                rows.push(setup);
                if ok {
                    rows.extend(run_entry(entry, suites));
                }
            }
            Obtain::Root(suite) if !done_roots.contains(&suite.as_str()) => {
                done_roots.push(suite);
                let members: Vec<&Entry> = selected
                    .iter()
                    .copied()
                    .filter(|e| e.obtain == Obtain::Root(suite.clone()))
                    .collect();
                rows.extend(run_root(suite, &members, suites));
            }
            Obtain::Root(_) => {}
            Obtain::Config => rows.push(check_only(entry)),
        }
    }
    rows
}

/// Runs `ci/<script> [arg]` (idempotent and stamped) and reports it as a `setup` row.
fn provision(id: &str, script: &str, arg: Option<&str>) -> Row {
    let t = Instant::now();
    let mut cmd = Command::new("bash");
    cmd.arg(project_root().join("ci").join(script)).args(arg);
    Row::new(id, "-", "setup").finish(t, run(&mut cmd).map(|()| None))
}

/// Provisions the root of `suite`, runs `members` inside it and reads their rows back.
fn run_root(suite: &str, members: &[&Entry], suites: Suites) -> Vec<Row> {
    let setup = provision(&format!("root:{suite}"), "root.sh", Some(suite));
    if !setup.ok {
        return vec![setup];
    }
    let t = Instant::now();
    let report = matrix_dir().join("reports").join(format!("{suite}.tsv"));
    let _ = std::fs::create_dir_all(report.parent().unwrap());
    let _ = std::fs::remove_file(&report);
    let ids: Vec<&str> = members.iter().map(|e| e.id.as_str()).collect();
    let exe = std::env::current_exe().map_err(|e| e.to_string());
    let mut cmd = Command::new("bash");
    cmd.current_dir(project_root())
        .arg(project_root().join("ci/in-root.sh"))
        .arg(suite)
        .arg(exe.as_deref().unwrap_or(std::path::Path::new("xtask")))
        .args(["matrix", "--inside", "--only", &ids.join(",")])
        .args([
            "--suite",
            if !suites.rust {
                "python"
            } else if suites.python {
                "all"
            } else {
                "rust"
            },
        ])
        .arg("--report")
        .arg(&report);
    // The inner run fails when a suite fails; its rows say which, so only a missing report
    // (the root could not be entered at all) is an error of its own.
    let status = run(&mut cmd);
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    let mut rows = vec![setup];
    let inner: Vec<Row> = text.lines().filter_map(Row::from_line).collect();
    if inner.is_empty() {
        let why = status.err().unwrap_or_else(|| "no report".into());
        rows.push(Row::new(&format!("root:{suite}"), "-", "enter").finish(t, Err(why)));
    }
    rows.extend(inner);
    rows
}

/// The suites of one interpreter, run in this process.
fn run_entry(entry: &Entry, suites: Suites) -> Vec<Row> {
    eprintln!("\n==> {}", entry.id);
    let interp = match python::locate(entry) {
        Ok(interp) => interp,
        Err(e) => return vec![Row::new(&entry.id, "-", "locate").finish(Instant::now(), Err(e))],
    };
    let mut rows = Vec::new();
    let row = |suite: &str| Row::new(&interp.id, &interp.version, suite);
    if suites.python {
        let t = Instant::now();
        let result = python::build_and_install(&interp).and_then(|py| {
            let (counts, ok) = python::pytest(&py, &[])?;
            if ok || counts.failed > 0 {
                Ok(Some(counts))
            } else {
                Err("pytest failed".into())
            }
        });
        rows.push(row("python").finish(t, result));
    }
    if suites.rust {
        rows.push(match entry.expect {
            Expect::Full => {
                let t = Instant::now();
                row("rust").finish(t, embed::run(&interp).map(Some))
            }
            _ => row("rust").skip(&entry.reason),
        });
    }
    rows
}

/// `cargo check` of the tests and the extension crates against an interpreter this machine
/// cannot have, described by a `PYO3_CONFIG_FILE`.
fn check_only(entry: &Entry) -> Row {
    let t = Instant::now();
    let file = format!("{}.rs", entry.id);
    let result = match variants::config_for(&file) {
        Some(_) => embed::check_config(&file).map(|()| None),
        None => Err(format!("no configuration known for {file}")),
    };
    let mut row = Row::new(&entry.id, &entry.version, "check").finish(t, result);
    if row.ok {
        row.note = format!("compiles; not run: {}", entry.reason);
    }
    row
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<14} {:<26} {:<7} {:>6} {:>6} {:>7} {:>8}  note",
        "interp", "version", "suite", "passed", "failed", "skipped", "seconds"
    );
    for r in rows {
        let counts = match r.counts {
            Some(c) => format!("{:>6} {:>6} {:>7}", c.passed, c.failed, c.skipped),
            None if r.skipped => format!("{:>6} {:>6} {:>7}", "-", "-", "skip"),
            None if r.ok => format!("{:>6} {:>6} {:>7}", "ok", "", ""),
            None => format!("{:>6} {:>6} {:>7}", "-", "FAIL", ""),
        };
        let flag = if r.ok { "" } else { "<- FAILED " };
        println!(
            "{:<14} {:<26} {:<7} {counts} {:>8.1}  {flag}{}",
            r.id, r.version, r.suite, r.seconds, r.note
        );
    }
}
