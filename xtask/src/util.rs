//! Small helpers every xtask command uses: the project root, running commands, file contents.

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Where xtask's own builds and caches go: `target/`, or `$PYROXIDE_BUILD_DIR` (set by
/// `ci/in-root.sh`, so what is built inside a Debian root never mixes with the host's).
pub fn build_dir() -> PathBuf {
    match std::env::var_os("PYROXIDE_BUILD_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => project_root().join("target"),
    }
}

/// Where xtask keeps downloads, unpacked headers, venvs and per-interpreter builds.
pub fn cache_dir() -> PathBuf {
    let dir = build_dir().join("pyroxide-cache");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The cargo target directory of one interpreter's (or variant's) builds: `interp/<name>`.
pub fn interp_dir(name: &str) -> PathBuf {
    build_dir().join("interp").join(name)
}

/// What the `ci/` provisioning scripts make: roots, built interpreters, stamps
/// (`target/matrix`, or `$PYROXIDE_MATRIX_DIR` as the scripts read it).
pub fn matrix_dir() -> PathBuf {
    match std::env::var_os("PYROXIDE_MATRIX_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => project_root().join("target").join("matrix"),
    }
}

/// Runs `cmd`, echoing it, and fails with its exit status.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", show(cmd));
    let status = cmd.status().map_err(|e| format!("cannot run {}: {e}", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed with {status}", show(cmd)))
    }
}

/// Runs `cmd` and returns its standard output.
pub fn output(cmd: &mut Command) -> Result<String> {
    let out = cmd.output().map_err(|e| format!("cannot run {}: {e}", show(cmd)))?;
    if !out.status.success() {
        return Err(format!(
            "`{}` failed with {}:\n{}",
            show(cmd),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Writes `contents` to `path`, or in check mode fails if the file differs (rust-analyzer's
/// `ensure_file_contents`). Returns whether the file was already up to date.
pub fn ensure_file_contents(path: &Path, contents: &str, check: bool) -> Result<bool> {
    let old = std::fs::read_to_string(path).ok();
    if old.as_deref() == Some(contents) {
        return Ok(true);
    }
    let rel = path.strip_prefix(project_root()).unwrap_or(path).display().to_string();
    if check {
        let detail = match &old {
            None => "is missing".to_string(),
            Some(old) => first_difference(old, contents),
        };
        return Err(format!("{rel} is out of date ({detail}); run `cargo xtask bindgen`"));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, contents).map_err(|e| format!("cannot write {rel}: {e}"))?;
    eprintln!("updated {rel}");
    Ok(false)
}

fn first_difference(old: &str, new: &str) -> String {
    for (i, (a, b)) in old.lines().zip(new.lines()).enumerate() {
        if a != b {
            return format!("line {}: checked in `{a}`, generated `{b}`", i + 1);
        }
    }
    format!("{} lines checked in, {} generated", old.lines().count(), new.lines().count())
}

/// The first file called `name` in a directory of `PATH`, as a shell would find it.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|exe| exe.is_file())
}
