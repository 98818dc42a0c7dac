//! Repository rules checked as ordinary `#[test]`s (rust-analyzer's tidy): file headers and sizes,
//! generated-file banners, where `unsafe` may appear, no leftover placeholders.

#[cfg(test)]
mod tests {
    use crate::bindgen::BANNER;
    use crate::util::project_root;
    use std::path::{Path, PathBuf};

    /// Every tracked-looking Rust file of the workspace (no `target/`, no hidden folders).
    fn rust_files() -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || name == "target" {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, out);
                } else if name.ends_with(".rs") && !path.is_symlink() {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(&project_root(), &mut out);
        out.sort();
        out
    }

    fn rel(path: &Path) -> String {
        path.strip_prefix(project_root()).unwrap().display().to_string()
    }

    fn is_generated(path: &Path) -> bool {
        rel(path).contains("/generated/")
    }

    #[test]
    fn files_open_with_a_module_doc_line() {
        let bad: Vec<String> = rust_files()
            .into_iter()
            .filter(|p| !is_generated(p))
            .filter(|p| !std::fs::read_to_string(p).unwrap().starts_with("//!"))
            .map(|p| rel(&p))
            .collect();
        assert!(bad.is_empty(), "files without a leading `//!` line: {bad:#?}");
    }

    #[test]
    fn files_stay_under_the_size_cap() {
        let bad: Vec<String> = rust_files()
            .into_iter()
            .filter(|p| !is_generated(p))
            .filter_map(|p| {
                let n = std::fs::read_to_string(&p).unwrap().lines().count();
                (n > 800).then(|| format!("{}: {n} lines", rel(&p)))
            })
            .collect();
        assert!(bad.is_empty(), "files over 800 lines (split them by concept): {bad:#?}");
    }

    #[test]
    fn generated_files_carry_the_banner() {
        let generated: Vec<PathBuf> =
            rust_files().into_iter().filter(|p| is_generated(p)).collect();
        assert!(
            generated.len() >= 20,
            "expected the checked-in bindings, found {}",
            generated.len()
        );
        for path in generated {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.starts_with(BANNER), "{} does not start with `{BANNER}`", rel(&path));
            for key in ["// Implementation: ", "// Variant: ", "// Headers: "] {
                assert!(text.contains(key), "{} lacks the banner line `{key}…`", rel(&path));
            }
        }
    }

    /// `unsafe` lives only in the sys crates, `safe/src/ffi`, the smart pointers, the pyclass
    /// layout, `impl_`, and tests that exercise the raw C API.
    #[test]
    fn unsafe_only_where_allowed() {
        let allowed = [
            "sys-cpython/",
            "sys-pypy/",
            "sys-graalpy/",
            "safe/src/ffi/",
            "safe/src/instance/",
            "safe/src/pyclass/",
            "safe/src/impl_/",
            "tests/",
        ];
        let bad: Vec<String> = rust_files()
            .into_iter()
            .filter(|p| !allowed.iter().any(|a| rel(p).starts_with(a)))
            .filter(|p| {
                std::fs::read_to_string(p).unwrap().lines().any(|l| {
                    let code = l.split("//").next().unwrap_or("");
                    [concat!("unsafe", " {"), concat!("unsafe", " fn"), concat!("unsafe", " impl")]
                        .iter()
                        .any(|n| code.contains(n))
                })
            })
            .map(|p| rel(&p))
            .collect();
        assert!(bad.is_empty(), "`unsafe` outside the allowed modules: {bad:#?}");
    }

    #[test]
    fn no_placeholders_outside_tests() {
        let needles = [concat!("todo", "!("), concat!("unimplemented", "!("), concat!("dbg", "!(")];
        let bad: Vec<String> = rust_files()
            .into_iter()
            .filter(|p| !is_generated(p) && !rel(p).starts_with("tests/"))
            .filter(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                needles.iter().any(|n| text.contains(n))
            })
            .map(|p| rel(&p))
            .collect();
        assert!(bad.is_empty(), "placeholders left in: {bad:#?}");
    }
}
