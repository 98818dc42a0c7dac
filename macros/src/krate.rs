//! Finding the path of the `pyroxide` crate in the user's crate: `#[pyo3(crate = "...")]` if
//! given, else the name under which the user's `Cargo.toml` depends on the package `pyroxide`
//! (`pyo3 = { package = "pyroxide", ... }` gives `::pyo3`), else `::pyroxide`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The package whose macros these are.
const PACKAGE: &str = "pyroxide";

/// The crate path to use in expanded code.
pub fn crate_path(explicit: Option<&syn::Path>) -> TokenStream {
    if let Some(path) = explicit {
        return quote!(#path);
    }
    let name = dependency_name();
    let ident = syn::Ident::new(&name, Span::call_site());
    quote!(::#ident)
}

/// The name the crate being compiled uses for `pyroxide` (cached per manifest).
fn dependency_name() -> String {
    static CACHE: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return PACKAGE.to_string();
    };
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let cache = cache.get_or_insert_with(HashMap::new);
    cache.entry(dir.clone()).or_insert_with(|| lookup(&dir)).clone()
}

fn lookup(dir: &Path) -> String {
    let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
        return PACKAGE.to_string();
    };
    let workspace = find_workspace_manifest(dir);
    find_rename(&manifest, workspace.as_deref()).unwrap_or_else(|| PACKAGE.to_string())
}

/// The text of the nearest `Cargo.toml` above `dir` with a `[workspace]` table.
fn find_workspace_manifest(dir: &Path) -> Option<String> {
    dir.ancestors().skip(1).find_map(|d| {
        let text = std::fs::read_to_string(d.join("Cargo.toml")).ok()?;
        text.lines().any(|l| l.trim_start().starts_with("[workspace")).then_some(text)
    })
}

/// The dependency key naming the `pyroxide` package in a manifest: a `key = { package =
/// "pyroxide" ... }` entry, a `[dependencies.key]` table with `package = "pyroxide"`, or the
/// key `pyroxide` itself. `key = { workspace = true }` entries are resolved in the workspace's
/// `[workspace.dependencies]`.
fn find_rename(manifest: &str, workspace: Option<&str>) -> Option<String> {
    let mut table = String::new();
    let mut found_plain = false;
    for line in logical_lines(manifest) {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim().to_string();
            if let Some(key) = dependency_table_key(&table) {
                // `[dependencies.key]` tables: look for `package = "pyroxide"` inside.
                if table_declares_package(manifest, &table) {
                    return Some(rust_name(key));
                }
            }
            continue;
        }
        if !is_dependency_table(&table) {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        let key = key.trim().trim_matches('"');
        let value = value.trim();
        if declares_package(value) {
            return Some(rust_name(key));
        }
        if key == PACKAGE {
            found_plain = true;
        }
        if value.contains("workspace") && value.contains("true") {
            if let Some(ws) = workspace {
                if workspace_declares(ws, key) {
                    return Some(rust_name(key));
                }
            }
        }
    }
    found_plain.then(|| PACKAGE.to_string())
}

/// The lines of a manifest with inline tables that span several lines joined.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0i32;
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or(line);
        current.push_str(line);
        current.push(' ');
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        if depth <= 0 {
            out.push(std::mem::take(&mut current));
            depth = 0;
        }
    }
    out.push(current);
    out
}

fn is_dependency_table(table: &str) -> bool {
    table.ends_with("dependencies")
}

/// `key` of a `[dependencies.key]` (or `[target.X.dependencies.key]`) header.
fn dependency_table_key(table: &str) -> Option<&str> {
    let (prefix, key) = table.rsplit_once('.')?;
    prefix.ends_with("dependencies").then_some(key.trim_matches('"'))
}

/// Whether the `[table]` section of `manifest` has `package = "pyroxide"`.
fn table_declares_package(manifest: &str, table: &str) -> bool {
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line.trim_start_matches('[').trim_end_matches(']').trim() == table;
            continue;
        }
        if inside && line.starts_with("package") && declares_package(&format!("{{{line}}}")) {
            return true;
        }
    }
    false
}

/// Whether an inline table value says `package = "pyroxide"`.
fn declares_package(value: &str) -> bool {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains(&format!("package=\"{PACKAGE}\""))
}

/// Whether the workspace manifest's `[workspace.dependencies]` entry `key` is `pyroxide`.
fn workspace_declares(workspace: &str, key: &str) -> bool {
    let mut table = String::new();
    for line in logical_lines(workspace) {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim().to_string();
            continue;
        }
        if table != "workspace.dependencies" {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            if k.trim().trim_matches('"') == key && (declares_package(v) || key == PACKAGE) {
                return true;
            }
        }
    }
    false
}

/// A dependency key as a Rust crate name (`my-crate` is `my_crate`).
fn rust_name(key: &str) -> String {
    key.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::find_rename;

    #[test]
    fn renamed_inline() {
        let m = "[package]\nname = \"x\"\n[dependencies]\npyo3 = { package = \"pyroxide\", path = \"..\" }\n";
        assert_eq!(find_rename(m, None).as_deref(), Some("pyo3"));
    }

    #[test]
    fn plain_and_tables() {
        let m = "[dependencies]\npyroxide = \"0.1\"\n";
        assert_eq!(find_rename(m, None).as_deref(), Some("pyroxide"));
        let m = "[dependencies.py-x]\npackage = \"pyroxide\"\nversion = \"1\"\n";
        assert_eq!(find_rename(m, None).as_deref(), Some("py_x"));
        let m = "[dev-dependencies]\npyo3 = {\n  package = \"pyroxide\",\n  path = \"x\" }\n";
        assert_eq!(find_rename(m, None).as_deref(), Some("pyo3"));
        assert_eq!(find_rename("[dependencies]\nserde = \"1\"\n", None), None);
    }

    #[test]
    fn workspace_inherited() {
        let m = "[dependencies]\npyo3 = { workspace = true }\n";
        let ws = "[workspace]\n[workspace.dependencies]\npyo3 = { package = \"pyroxide\", path = \"safe\" }\n";
        assert_eq!(find_rename(m, Some(ws)).as_deref(), Some("pyo3"));
    }
}
