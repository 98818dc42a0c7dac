//! Reading `target/pyroxide-cache/headers-manifest.tsv`, written by `cargo xtask bindgen`.

use std::path::{Path, PathBuf};

/// The clang arguments each generated file was made with.
#[derive(Debug)]
pub struct Manifest {
    /// One entry per line, in file order.
    pub entries: Vec<ManifestEntry>,
}

/// One line of the manifest.
#[derive(Debug)]
pub struct ManifestEntry {
    /// The generated file, relative to the workspace root.
    pub path: String,
    /// The `-I…`/`-D…` arguments, in order.
    pub args: Vec<String>,
}

impl Manifest {
    /// Where xtask writes the manifest for the workspace at `root`.
    pub fn path(root: &Path) -> PathBuf {
        root.join("target").join("pyroxide-cache").join("headers-manifest.tsv")
    }

    /// Reads the manifest of the workspace at `root`.
    pub fn load(root: &Path) -> Result<Manifest, String> {
        let path = Manifest::path(root);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read the headers manifest {} ({e}): run `cargo xtask bindgen --check` first",
                path.display()
            )
        })?;
        Ok(Manifest::parse(&text))
    }

    /// Parses the manifest text (blank lines are ignored).
    pub fn parse(text: &str) -> Manifest {
        let entries = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let mut cols = line.split('\t').map(str::to_string);
                let path = cols.next().unwrap_or_default();
                ManifestEntry { path, args: cols.filter(|a| !a.is_empty()).collect() }
            })
            .collect();
        Manifest { entries }
    }

    /// The entry for `path` (relative to the workspace root).
    pub fn get(&self, path: &str) -> Option<&ManifestEntry> {
        self.entries.iter().find(|e| e.path == path)
    }
}

impl ManifestEntry {
    /// The `-I` directories that do not exist (the headers are not at hand).
    pub fn missing_include_dirs(&self) -> Vec<&str> {
        self.args
            .iter()
            .filter_map(|a| a.strip_prefix("-I"))
            .filter(|dir| !Path::new(dir).is_dir())
            .collect()
    }

    /// The arguments `cc` is given: the preprocessor ones (`-I`, `-D`, `-U`), nothing else.
    pub fn cc_args(&self) -> impl Iterator<Item = &str> {
        self.args
            .iter()
            .map(String::as_str)
            .filter(|a| a.starts_with("-I") || a.starts_with("-D") || a.starts_with("-U"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let m = Manifest::parse("a/x.rs\t-I/nonexistent/inc\t-DPy_DEBUG=1\n\nb/y.rs\t-I/\n");
        assert_eq!(m.entries.len(), 2);
        let x = m.get("a/x.rs").unwrap();
        assert_eq!(x.cc_args().collect::<Vec<_>>(), ["-I/nonexistent/inc", "-DPy_DEBUG=1"]);
        assert_eq!(x.missing_include_dirs(), ["/nonexistent/inc"]);
        assert!(m.get("b/y.rs").unwrap().missing_include_dirs().is_empty());
    }

    #[test]
    fn missing_manifest_says_what_to_run() {
        let e = Manifest::load(Path::new("/nonexistent-pyroxide-root")).unwrap_err();
        assert!(e.contains("cargo xtask bindgen --check"), "{e}");
    }
}
