//! Running the C side for every file whose headers are at hand, in parallel, and comparing it
//! with the Rust table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::cprog::{self, CTable};
use crate::{Manifest, ManifestEntry, RustFile};

/// What checking all files found.
#[derive(Debug, Default)]
pub struct Report {
    /// Files compared against the C compiler.
    pub files: usize,
    /// Struct (size/alignment) rows compared.
    pub structs: usize,
    /// Field (offset/size) rows compared.
    pub fields: usize,
    /// Every difference (or failure to compute the C side), one line each.
    pub mismatches: Vec<String>,
    /// Per file, the checked structs the bindings leave out or keep opaque (C agrees).
    pub absent: Vec<String>,
    /// Files not compared, and why.
    pub skipped: Vec<String>,
}

impl Report {
    /// Whether nothing differs and something was compared.
    pub fn ok(&self) -> bool {
        self.mismatches.is_empty() && self.files > 0
    }

    /// The human-readable report: summary line, mismatches, absent structs, skipped files.
    pub fn render(&self) -> String {
        let mut s = format!(
            "layout: {} files, {} structs, {} fields checked, {} mismatches\n",
            self.files,
            self.structs,
            self.fields,
            self.mismatches.len()
        );
        let sections = [
            ("mismatches", &self.mismatches),
            ("absent (confirmed incomplete or undeclared in C too)", &self.absent),
            ("skipped files", &self.skipped),
        ];
        for (title, lines) in sections {
            if !lines.is_empty() {
                let _ = writeln!(s, "{title}:");
                lines.iter().for_each(|l| s.push_str(&format!("  {l}\n")));
            }
        }
        s
    }
}

/// One file's outcome.
#[derive(Default)]
struct Outcome {
    structs: usize,
    fields: usize,
    mismatches: Vec<String>,
    absent: Vec<String>,
}

/// Compares every file of `files` listed in the manifest of the workspace at `root` whose
/// headers exist, compiling the C programs under `work_dir`. Fails only if the manifest cannot
/// be read; everything else ends up in the [`Report`].
pub fn check_all(files: &[RustFile], root: &Path, work_dir: &Path) -> Result<Report, String> {
    let manifest = Manifest::load(root)?;
    let mut report = Report::default();
    let mut jobs = Vec::new();
    for file in files {
        match manifest.get(file.path) {
            None => report.skipped.push(format!("{}: not in the headers manifest", file.path)),
            Some(entry) => match entry.missing_include_dirs()[..] {
                [] => jobs.push((file, entry)),
                ref missing => report.skipped.push(format!(
                    "{}: headers not at hand: {}",
                    file.path,
                    missing.join(", ")
                )),
            },
        }
    }
    for entry in &manifest.entries {
        if !files.iter().any(|f| f.path == entry.path) {
            report.skipped.push(format!(
                "{}: in the headers manifest but not among the generated files at build time",
                entry.path
            ));
        }
    }

    let outcomes = parallel_map(&jobs, |(file, entry)| check_file(root, work_dir, file, entry));
    report.files = jobs.len();
    for outcome in outcomes {
        report.structs += outcome.structs;
        report.fields += outcome.fields;
        report.mismatches.extend(outcome.mismatches);
        report.absent.extend(outcome.absent);
    }
    Ok(report)
}

/// Runs `f` on every item on as many threads as there are cores, keeping the order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(items.len());
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                slots.lock().unwrap()[i] = Some(r);
            });
        }
    });
    slots.into_inner().unwrap().into_iter().map(|r| r.expect("every item was processed")).collect()
}

/// The C compiler: `$CC`, else `cc`.
fn c_compiler() -> String {
    std::env::var("CC").ok().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| "cc".into())
}

/// Runs `cmd` to completion: (success, stdout, stderr), or why it could not be started.
fn run(cmd: &mut Command, what: &str) -> Result<(bool, String, String), String> {
    let out =
        cmd.output().map_err(|e| format!("cannot run {what} ({:?}): {e}", cmd.get_program()))?;
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    Ok((out.status.success(), text(&out.stdout), text(&out.stderr)))
}

/// The lines of a compiler's stderr worth showing (its errors, at most 20).
fn errors_of(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).take(20).collect();
    if lines.is_empty() {
        stderr.to_string()
    } else {
        lines.join("\n    ")
    }
}

/// Checks one file: probes its absent structs, then measures the present ones.
fn check_file(root: &Path, work_dir: &Path, file: &RustFile, entry: &ManifestEntry) -> Outcome {
    let mut out = Outcome::default();
    let crate_dir = file.path.split("/src/generated/").next().unwrap_or("");
    let wrapper = root.join(crate_dir).join("wrapper.h");
    let dir = work_dir.join(file.path.replace(['/', '.'], "_"));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        out.mismatches.push(format!("{}: cannot create {}: {e}", file.path, dir.display()));
        return out;
    }
    if !file.absent.is_empty() {
        match probe(&dir, &wrapper, file, entry) {
            Ok(lines) => out.absent = lines,
            Err(e) => out.mismatches.extend(e),
        }
    }
    if file.rows.is_empty() {
        return out;
    }
    let table = match measure(&dir, &wrapper, file, entry) {
        Ok(table) => table,
        Err(e) => {
            out.mismatches.push(e);
            return out;
        }
    };
    for row in file.rows {
        match row.field {
            "" => out.structs += 1,
            _ => out.fields += 1,
        }
        let Some(c) = table.get(&(row.ty.to_string(), row.field.to_string())) else {
            out.mismatches.push(format!(
                "{}: {}: the C program printed nothing",
                file.path,
                row.label()
            ));
            continue;
        };
        for ((name, rust), c) in row.value_names().iter().zip(row.values).zip(c) {
            if rust != *c {
                out.mismatches.push(format!(
                    "{}: {}: {name} differs: Rust {rust}, C {c}",
                    file.path,
                    row.label()
                ));
            }
        }
    }
    out
}

/// Compiles and runs the measuring program of `file` in `dir`.
fn measure(
    dir: &Path,
    wrapper: &Path,
    file: &RustFile,
    entry: &ManifestEntry,
) -> Result<CTable, String> {
    let src = dir.join("measure.c");
    let exe: PathBuf = dir.join("measure");
    std::fs::write(&src, cprog::measure_program(wrapper, file))
        .map_err(|e| format!("{}: cannot write {}: {e}", file.path, src.display()))?;
    let mut cc = Command::new(c_compiler());
    // Headers may define unused non-inline functions calling into the interpreter (PyPy 3.9's
    // `PySlice_GetIndicesEx`): drop them rather than link against libpython.
    cc.args(entry.cc_args()).args(["-ffunction-sections", "-Wl,--gc-sections", "-o"]);
    cc.arg(&exe).arg(&src);
    let (ok, _, stderr) =
        run(&mut cc, "the C compiler").map_err(|e| format!("{}: {e}", file.path))?;
    if !ok {
        return Err(format!(
            "{}: the C layout program does not compile ({}):\n    {}",
            file.path,
            src.display(),
            errors_of(&stderr)
        ));
    }
    let (ok, stdout, stderr) = run(&mut Command::new(&exe), "the C layout program")
        .map_err(|e| format!("{}: {e}", file.path))?;
    if !ok {
        return Err(format!("{}: {} failed: {stderr}", file.path, exe.display()));
    }
    cprog::parse_output(&stdout).map_err(|e| format!("{}: {e}", file.path))
}

/// Confirms with the C compiler that each absent struct of `file` is incomplete or undeclared
/// in C too; returns the absent list for the report, or the contradictions.
fn probe(
    dir: &Path,
    wrapper: &Path,
    file: &RustFile,
    entry: &ManifestEntry,
) -> Result<Vec<String>, Vec<String>> {
    let src = dir.join("probe.c");
    std::fs::write(&src, cprog::probe_program(wrapper, file))
        .map_err(|e| vec![format!("{}: cannot write {}: {e}", file.path, src.display())])?;
    let mut cc = Command::new(c_compiler());
    cc.args(entry.cc_args()).arg("-fsyntax-only").arg(&src);
    let (_, _, stderr) =
        run(&mut cc, "the C compiler").map_err(|e| vec![format!("{}: {e}", file.path)])?;
    let failed = cprog::probe_error_lines(&stderr);
    let mut by_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut contradictions = Vec::new();
    for (i, &(ty, why)) in file.absent.iter().enumerate() {
        if failed.contains(&(i + 1)) {
            match by_reason.iter_mut().find(|(w, _)| *w == why) {
                Some((_, tys)) => tys.push(ty),
                None => by_reason.push((why, vec![ty])),
            }
        } else {
            contradictions.push(format!(
                "{}: {ty}: {why} in the bindings, but C has it as a complete type \
                 (`sizeof({ty})` compiles)",
                file.path
            ));
        }
    }
    if contradictions.is_empty() {
        let groups: Vec<String> =
            by_reason.iter().map(|(why, tys)| format!("{why}: {}", tys.join(", "))).collect();
        Ok(vec![format!("{}: {}", file.stem(), groups.join("; "))])
    } else {
        Err(contradictions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Row, RowKind};

    static ROWS: &[Row] =
        &[Row { ty: "PyObject", field: "", kind: RowKind::Struct, values: [16, 8] }];

    #[test]
    fn skips_files_without_headers_or_manifest_line() {
        let root = std::env::temp_dir().join(format!("pyroxide-layout-{}", std::process::id()));
        let manifest = Manifest::path(&root);
        std::fs::create_dir_all(manifest.parent().unwrap()).unwrap();
        std::fs::write(&manifest, "a/src/generated/x.rs\t-I/nonexistent/inc\nb/gone.rs\t-I/\n")
            .unwrap();
        let files = [
            RustFile { path: "a/src/generated/x.rs", rows: ROWS, absent: &[] },
            RustFile { path: "a/src/generated/y.rs", rows: ROWS, absent: &[] },
        ];
        let report = check_all(&files, &root, &root.join("work")).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!((report.files, report.structs), (0, 0));
        assert!(!report.ok(), "nothing checked must not pass");
        let skipped = report.skipped.join("\n");
        assert!(skipped.contains("x.rs: headers not at hand: /nonexistent/inc"), "{skipped}");
        assert!(skipped.contains("y.rs: not in the headers manifest"), "{skipped}");
        assert!(skipped.contains("gone.rs: in the headers manifest but not among"), "{skipped}");
    }
}
