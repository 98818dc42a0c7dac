//! `ci/matrix.toml`, the one list of interpreters: its entries (read with a small parser for the
//! subset of TOML the file uses: `[[interpreter]]` tables of string and boolean keys) and where
//! each stands on this machine (`cargo xtask matrix --list`).

use crate::python;
use crate::util::{matrix_dir, project_root, Result};
use std::path::PathBuf;

/// How this machine gets an interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Obtain {
    /// pyenv's CPython on the image: detected, never installed.
    HostPyenv,
    /// A Debian package on the host (`ci/host.sh`).
    HostApt,
    /// Inside the debootstrap root of a suite (`ci/root.sh SUITE`, `ci/in-root.sh`).
    Root(String),
    /// Built from a Debian source package by `ci/<name>.sh` under `target/matrix/`.
    Build(String),
    /// Not obtainable: only compile-checked with a `PYO3_CONFIG_FILE`.
    Config,
}

/// What is expected to work on an interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Extension modules and the embedding suite.
    Full,
    /// Extension modules only.
    ExtOnly,
    /// A `cargo check` of the crates and tests.
    CheckOnly,
}

/// One `[[interpreter]]` of `ci/matrix.toml`.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub obtain: Obtain,
    pub executable: String,
    pub implementation: String,
    /// `3.X`.
    pub version: String,
    pub debug: bool,
    pub free_threaded: bool,
    pub expect: Expect,
    /// Why the entry is not `full`.
    pub reason: String,
}

impl Entry {
    /// The minor version (`X` of `3.X`).
    pub fn minor(&self) -> u32 {
        self.version.strip_prefix("3.").and_then(|m| m.parse().ok()).unwrap_or(0)
    }

    /// Whether the entry belongs to the fast matrix (the host's own interpreters).
    pub fn is_host(&self) -> bool {
        matches!(self.obtain, Obtain::HostPyenv | Obtain::HostApt)
    }

    /// The provisioning script that makes the entry available, with its argument.
    pub fn script(&self) -> Option<(String, Option<String>)> {
        match &self.obtain {
            Obtain::HostApt => Some(("host.sh".into(), None)),
            Obtain::Root(suite) => Some(("root.sh".into(), Some(suite.clone()))),
            Obtain::Build(name) => Some((format!("{name}.sh"), None)),
            Obtain::HostPyenv | Obtain::Config => None,
        }
    }

    /// Where the executable is seen from the host (inside its root for root entries).
    pub fn host_path(&self) -> Option<PathBuf> {
        match &self.obtain {
            Obtain::HostApt => Some(PathBuf::from(&self.executable)),
            Obtain::Root(suite) => Some(
                matrix_dir()
                    .join("roots")
                    .join(suite)
                    .join(self.executable.trim_start_matches('/')),
            ),
            Obtain::Build(_) => Some(matrix_dir().join(&self.executable)),
            Obtain::HostPyenv | Obtain::Config => None,
        }
    }
}

/// The entries of `ci/matrix.toml`, in file order.
pub fn load() -> Result<Vec<Entry>> {
    let path = project_root().join("ci/matrix.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("ci/matrix.toml: {e}"))
}

fn parse(text: &str) -> Result<Vec<Entry>> {
    let mut tables: Vec<Vec<(String, String)>> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line == "[[interpreter]]" {
            tables.push(Vec::new());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("line {}: expected `key = value`", n + 1))?;
        let value = value.trim();
        let value = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(s) => s.to_string(),
            None if value == "true" || value == "false" => value.to_string(),
            None => return Err(format!("line {}: a value is a \"string\" or a boolean", n + 1)),
        };
        let table =
            tables.last_mut().ok_or_else(|| format!("line {}: key outside a table", n + 1))?;
        table.push((key.trim().to_string(), value));
    }
    let entries: Vec<Entry> = tables.iter().map(|t| entry(t)).collect::<Result<_>>()?;
    for (i, e) in entries.iter().enumerate() {
        if entries[..i].iter().any(|o| o.id == e.id) {
            return Err(format!("id `{}` appears twice", e.id));
        }
    }
    Ok(entries)
}

/// `raw` without a `#` comment outside quotes.
fn strip_comment(raw: &str) -> &str {
    let mut quoted = false;
    for (i, c) in raw.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return &raw[..i],
            _ => {}
        }
    }
    raw
}

fn entry(table: &[(String, String)]) -> Result<Entry> {
    let get = |key: &str| table.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let need = |key: &str| get(key).ok_or_else(|| format!("an interpreter lacks `{key}`"));
    let flag = |key: &str| get(key).is_some_and(|v| v == "true");
    let id = need("id")?;
    if let Some((k, _)) = table.iter().find(|(k, _)| !KEYS.contains(&k.as_str())) {
        return Err(format!("{id}: unknown key `{k}`"));
    }
    let obtain = match need("obtain")?.as_str() {
        "host-pyenv" => Obtain::HostPyenv,
        "host-apt" => Obtain::HostApt,
        "config" => Obtain::Config,
        other => match (other.strip_prefix("root:"), other.strip_prefix("build:")) {
            (Some(suite), _) => Obtain::Root(suite.to_string()),
            (_, Some(name)) => Obtain::Build(name.to_string()),
            _ => return Err(format!("{id}: unknown obtain `{other}`")),
        },
    };
    let expect = match need("expect")?.as_str() {
        "full" => Expect::Full,
        "ext-only" => Expect::ExtOnly,
        "check-only" => Expect::CheckOnly,
        other => return Err(format!("{id}: unknown expect `{other}`")),
    };
    let reason = get("reason").unwrap_or_default();
    if expect != Expect::Full && reason.is_empty() {
        return Err(format!("{id}: an interpreter that is not `full` needs a `reason`"));
    }
    Ok(Entry {
        obtain,
        executable: need("executable")?,
        implementation: need("implementation")?,
        version: need("version")?,
        debug: flag("debug"),
        free_threaded: flag("free_threaded"),
        expect,
        reason,
        id,
    })
}

const KEYS: &[&str] = &[
    "id",
    "obtain",
    "executable",
    "implementation",
    "version",
    "debug",
    "free_threaded",
    "expect",
    "reason",
];

/// Where an entry stands on this machine.
pub enum Status {
    /// Ready to run; the version it reports.
    Available(String),
    /// A provisioning script makes it available.
    Installable(String),
    /// Cannot be run here.
    Unavailable(String),
}

/// Where `entry` stands. Host and built interpreters are probed; a root's interpreter counts as
/// available when its root is provisioned and holds the executable.
pub fn status(entry: &Entry) -> Status {
    if entry.expect == Expect::CheckOnly {
        return Status::Unavailable(format!("check-only: {}", entry.reason));
    }
    let located = match &entry.obtain {
        Obtain::Root(suite) => match entry.host_path() {
            Some(p)
                if p.is_file()
                    && matrix_dir().join("stamps").join(format!("root-{suite}")).is_file() =>
            {
                Ok(format!("in the {suite} root"))
            }
            _ => Err(format!("no {suite} root yet (ci/root.sh {suite})")),
        },
        _ => python::locate(entry).map(|i| i.version),
    };
    match (located, entry.script()) {
        (Ok(version), _) => Status::Available(version),
        (Err(e), Some(_)) => Status::Installable(e),
        (Err(e), None) => Status::Unavailable(e),
    }
}

/// `cargo xtask matrix --list`.
pub fn print_list(entries: &[Entry]) {
    println!("{:<15} {:<13} {:<12} detail", "interp", "obtain", "status");
    for e in entries {
        let obtain = match &e.obtain {
            Obtain::HostPyenv => "host-pyenv".to_string(),
            Obtain::HostApt => "host-apt".to_string(),
            Obtain::Root(s) => format!("root:{s}"),
            Obtain::Build(n) => format!("build:{n}"),
            Obtain::Config => "config".to_string(),
        };
        let (status, detail) = match status(e) {
            Status::Available(v) => ("available", v),
            Status::Installable(how) => ("installable", how),
            Status::Unavailable(why) => ("unavailable", why),
        };
        let expect = match e.expect {
            Expect::ExtOnly => format!(" [ext-only: {}]", e.reason),
            Expect::Full | Expect::CheckOnly => String::new(),
        };
        println!("{:<15} {obtain:<13} {status:<12} {detail}{expect}", e.id);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_checked_in_matrix_parses() {
        let entries = super::load().unwrap();
        assert!(entries.iter().any(|e| e.id == "cp311d" && e.debug && e.minor() == 11));
        assert!(entries.iter().any(|e| e.id == "cp313t" && e.free_threaded));
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(super::parse("id = \"x\"").unwrap_err().contains("outside a table"));
        let twice = "[[interpreter]]\nid=\"a\"\nobtain=\"config\"\nexecutable=\"a\"\n\
                     implementation=\"CPython\"\nversion=\"3.9\"\nexpect=\"full\"\n";
        assert!(super::parse(&format!("{twice}{twice}")).unwrap_err().contains("twice"));
        let odd = twice.replace("expect=\"full\"", "expect=\"ext-only\"");
        assert!(super::parse(&odd).unwrap_err().contains("reason"));
    }
}
