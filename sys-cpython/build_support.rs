//! Interpreter detection and cfg emission shared by the three sys crates' build scripts.
//!
//! This one file is symlinked into `sys-pypy/` and `sys-graalpy/`; each crate's `build.rs` only
//! says which implementation it binds. The order of detection follows PyO3: `PYO3_CONFIG_FILE`,
//! then `PYO3_PYTHON`, `VIRTUAL_ENV`, `CONDA_PREFIX`, then `python3`/`python` on `PATH`.

use std::collections::BTreeMap;
use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The implementations Pyroxide has a sys crate for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Implementation {
    CPython,
    PyPy,
    GraalPy,
}

/// Lowest and highest minor versions of Python 3 that cfgs are declared for.
const MIN_MINOR: u32 = 9;
const MAX_MINOR: u32 = 20;

/// Everything the build needs to know about the target interpreter.
struct Config {
    implementation: Implementation,
    minor: u32,
    pypy_major: Option<u32>,
    abi3: Option<u32>,
    gil_disabled: bool,
    debug: bool,
    shared: bool,
    lib_name: Option<String>,
    lib_dir: Option<String>,
    executable: Option<String>,
    include: Option<String>,
    suppress_link: bool,
    extra_lines: Vec<String>,
}

const PROBE: &str = r#"
import os, platform, struct, sys, sysconfig
v = sysconfig.get_config_var
impl = platform.python_implementation()
ver = "%d.%d" % sys.version_info[:2]
print("implementation=" + impl)
print("version=" + ver)
print("executable=" + sys.executable)
print("include=" + (sysconfig.get_paths().get("include") or v("INCLUDEPY") or ""))
print("gil_disabled=%s" % bool(v("Py_GIL_DISABLED")))
print("debug=%s" % bool(v("Py_DEBUG") or hasattr(sys, "gettotalrefcount")))
print("pointer_width=%d" % (8 * struct.calcsize("P")))
if impl == "PyPy":
    print("pypy_major=%d" % sys.pypy_version_info[0])
if impl == "PyPy":
    name = "pypy%s-c" % ver
    shared = True
elif impl == "GraalVM":
    # GraalPy has no libpython to link: its C API lives in the running JVM's
    # libpython-native.so, so only extension modules (which link nothing) can be built.
    name = ""
    shared = True
else:
    name = "python" + (v("LDVERSION") or ver)
    shared = bool(v("Py_ENABLE_SHARED"))
print("shared=%s" % shared)
print("lib_name=" + name)
dirs = [v("LIBDIR"), v("LIBPL"), os.path.join(sys.base_prefix, "lib"),
        os.path.join(sys.base_prefix, "bin"), "/usr/lib/" + (v("MULTIARCH") or "")]
found = [d for d in dirs if d and (os.path.exists(os.path.join(d, "lib%s.so" % name))
         or os.path.exists(os.path.join(d, "lib%s.a" % name)))]
print("lib_dir=" + (found[0] if found else (v("LIBDIR") or "")))
"#;

/// Runs the whole build script for the sys crate of `this`.
pub fn run(this: Implementation) {
    for var in [
        "PYO3_CONFIG_FILE",
        "PYO3_PYTHON",
        "VIRTUAL_ENV",
        "CONDA_PREFIX",
        "PYO3_BUILD_EXTENSION_MODULE",
        "PYO3_PRINT_CONFIG",
        "PYO3_ENVIRONMENT_SIGNATURE",
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build_support.rs");
    println!("cargo::rerun-if-changed=src/generated");
    declare_cfgs();

    let config = detect();
    if let Some(exe) = &config.executable {
        println!("cargo::rerun-if-changed={exe}");
    }
    if config.implementation != this {
        println!("cargo::metadata=active=0");
        return;
    }
    if env::var_os("PYO3_PRINT_CONFIG").is_some_and(|v| v == "1") {
        // PyO3's habit: print the configuration (in PYO3_CONFIG_FILE format) and stop the build.
        panic!(
            "pyroxide: PYO3_PRINT_CONFIG=1 is set; resolved configuration (usable as a \
             PYO3_CONFIG_FILE):\n\n{}\nbindings=src/generated/{}\n",
            config.to_config_file(),
            bindings_file(&config)
        );
    }
    let bindings = bindings_file(&config);
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    if !manifest.join("src/generated").join(&bindings).exists() {
        panic!(
            "pyroxide: no generated bindings for {:?} 3.{}{} (expected src/generated/{bindings} \
             in {}). Add a profile for this version and run `cargo xtask bindgen` in the \
             Pyroxide repository, or point PYO3_PYTHON at a supported interpreter.",
            config.implementation,
            config.minor,
            variant_words(&config),
            manifest.display()
        );
    }
    println!("cargo::rustc-env=PYROXIDE_BINDINGS={bindings}");
    println!("cargo::rustc-cfg=pyroxide_active");

    let cfgs = cfgs(&config);
    for cfg in &cfgs {
        println!("cargo::rustc-cfg={cfg}");
    }
    println!("cargo::metadata=active=1");
    println!("cargo::metadata=implementation={:?}", config.implementation);
    println!("cargo::metadata=version=3.{}", config.minor);
    println!("cargo::metadata=abi3={}", config.abi3.map_or(String::new(), |m| format!("3.{m}")));
    println!("cargo::metadata=cfgs={}", cfgs.join(";"));
    println!("cargo::metadata=bindings={bindings}");
    if let Some(exe) = &config.executable {
        println!("cargo::metadata=executable={exe}");
    }
    if let Some(include) = &config.include {
        println!("cargo::metadata=include={include}");
    }
    emit_link(&config);
}

impl Config {
    /// The configuration in `PYO3_CONFIG_FILE` syntax (`key=value` lines).
    fn to_config_file(&self) -> String {
        let mut flags = Vec::new();
        if self.debug {
            flags.extend(["Py_DEBUG", "Py_REF_DEBUG"]);
        }
        if self.gil_disabled {
            flags.push("Py_GIL_DISABLED");
        }
        let implementation = match self.implementation {
            Implementation::GraalPy => "GraalVM".to_string(),
            other => format!("{other:?}"),
        };
        let mut out = format!(
            "implementation={implementation}\nversion=3.{}\nshared={}\nabi3={}\n",
            self.minor,
            self.shared,
            self.abi3.is_some()
        );
        for (key, value) in [
            ("lib_name", &self.lib_name),
            ("lib_dir", &self.lib_dir),
            ("executable", &self.executable),
        ] {
            if let Some(v) = value {
                out += &format!("{key}={v}\n");
            }
        }
        if let Some(major) = self.pypy_major {
            out += &format!("pypy_major={major}\n");
        }
        out += &format!(
            "build_flags={}\nsuppress_build_script_link_lines={}\n",
            flags.join(","),
            self.suppress_link
        );
        for line in &self.extra_lines {
            out += &format!("extra_build_script_line={line}\n");
        }
        out
    }
}

fn declare_cfgs() {
    let versions: Vec<String> = (MIN_MINOR..=MAX_MINOR).map(|m| format!("Py_3_{m}")).collect();
    println!("cargo::rustc-check-cfg=cfg({})", versions.join(","));
    println!("cargo::rustc-check-cfg=cfg(Py_LIMITED_API,Py_GIL_DISABLED,PyPy,GraalPy)");
    println!("cargo::rustc-check-cfg=cfg(pyroxide_active)");
    println!(
        "cargo::rustc-check-cfg=cfg(py_sys_config,values(\"Py_DEBUG\",\"Py_REF_DEBUG\",\"Py_TRACE_REFS\"))"
    );
}

fn cfgs(config: &Config) -> Vec<String> {
    let api_minor = config.abi3.unwrap_or(config.minor);
    let mut out: Vec<String> = (MIN_MINOR..=api_minor).map(|m| format!("Py_3_{m}")).collect();
    if config.abi3.is_some() {
        out.push("Py_LIMITED_API".into());
    }
    if config.gil_disabled {
        out.push("Py_GIL_DISABLED".into());
    }
    match config.implementation {
        Implementation::PyPy => out.push("PyPy".into()),
        Implementation::GraalPy => out.push("GraalPy".into()),
        Implementation::CPython => {}
    }
    if config.debug {
        out.push("py_sys_config=\"Py_DEBUG\"".into());
        out.push("py_sys_config=\"Py_REF_DEBUG\"".into());
    }
    out
}

/// The generated file for this configuration, relative to `src/generated/`.
fn bindings_file(config: &Config) -> String {
    match (config.implementation, config.abi3) {
        (Implementation::CPython, Some(min)) => format!("abi3_py3{min}.rs"),
        (Implementation::CPython, None) => format!(
            "cp3{}{}{}.rs",
            config.minor,
            if config.gil_disabled { "t" } else { "" },
            if config.debug { "d" } else { "" }
        ),
        // PyPy 8 changed signatures the bindings see (PyLong_AsLongLong, PyContextVar_Reset).
        (Implementation::PyPy, _) => match config.pypy_major {
            Some(major) if major >= 8 => format!("pp3{}_v{major}.rs", config.minor),
            _ => format!("pp3{}.rs", config.minor),
        },
        (Implementation::GraalPy, _) => format!("gp3{}.rs", config.minor),
    }
}

fn variant_words(config: &Config) -> String {
    let mut s = String::new();
    if let Some(min) = config.abi3 {
        s += &format!(", limited API for 3.{min}+");
    }
    if config.gil_disabled {
        s += ", free-threaded";
    }
    if config.debug {
        s += ", debug build";
    }
    s
}

fn emit_link(config: &Config) {
    if config.suppress_link {
        return;
    }
    for line in &config.extra_lines {
        println!("{line}");
    }
    // Extension modules resolve the C API from the interpreter that loads them (maturin sets
    // PYO3_BUILD_EXTENSION_MODULE); only on Windows must they name the import library.
    let extension = env::var_os("PYO3_BUILD_EXTENSION_MODULE").is_some();
    let windows = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "windows");
    if extension && !windows {
        return;
    }
    let (Some(name), Some(dir)) = (&config.lib_name, &config.lib_dir) else {
        return;
    };
    println!("cargo::rustc-link-search=native={dir}");
    let kind = if config.shared { "dylib" } else { "static" };
    println!("cargo::rustc-link-lib={kind}={name}");
    if config.shared && !windows {
        // Embedding: libpython sonames are not unique (pyenv 3.11.7 and Debian 3.11.2 share
        // libpython3.11.so.1.0), so record where the chosen one lives. `rustc-link-arg` reaches
        // this package's own targets only; dependents re-emit `DEP_<LINKS>_LIBDIR`.
        println!("cargo::rustc-link-arg=-Wl,-rpath,{dir}");
        println!("cargo::metadata=libdir={dir}");
    }
}

fn detect() -> Config {
    if let Some(file) = env::var_os("PYO3_CONFIG_FILE") {
        let file = PathBuf::from(file);
        println!("cargo::rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("pyroxide: cannot read PYO3_CONFIG_FILE {file:?}: {e}"));
        return from_pairs(parse_pairs(&text), abi3_feature());
    }
    let python = find_python();
    let out = Command::new(&python).arg("-c").arg(PROBE).output().unwrap_or_else(|e| {
        panic!("pyroxide: cannot run the Python interpreter {python:?}: {e}. {HINT}")
    });
    if !out.status.success() {
        panic!(
            "pyroxide: {python:?} failed to describe itself:\n{}\n{HINT}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    from_pairs(parse_pairs(&String::from_utf8_lossy(&out.stdout)), abi3_feature())
}

const HINT: &str = "Set PYO3_PYTHON to the interpreter to build for, or PYO3_CONFIG_FILE for a \
                    cross build.";

fn find_python() -> PathBuf {
    if let Some(p) = env::var_os("PYO3_PYTHON") {
        return PathBuf::from(p);
    }
    for var in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
        if let Some(root) = env::var_os(var) {
            let exe = Path::new(&root).join("bin").join("python");
            if exe.exists() {
                return exe;
            }
        }
    }
    let path = env::var_os("PATH").unwrap_or_default();
    for name in ["python3", "python"] {
        for dir in env::split_paths(&path) {
            let exe = dir.join(name);
            if exe.is_file() {
                return exe;
            }
        }
    }
    panic!("pyroxide: no Python interpreter found (PYO3_PYTHON, VIRTUAL_ENV, PATH). {HINT}");
}

fn parse_pairs(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some((k, v)) = line.split_once('=') {
            map.entry(k.trim().to_owned()).or_default().push(v.trim().to_owned());
        }
    }
    map
}

/// The lowest `abi3-py3X` feature enabled, or the interpreter's own version for bare `abi3`.
fn abi3_feature() -> Option<Option<u32>> {
    let min = (MIN_MINOR..=MAX_MINOR)
        .find(|m| env::var_os(format!("CARGO_FEATURE_ABI3_PY3{m}")).is_some());
    match min {
        Some(m) => Some(Some(m)),
        None if env::var_os("CARGO_FEATURE_ABI3").is_some() => Some(None),
        None => None,
    }
}

fn from_pairs(map: BTreeMap<String, Vec<String>>, abi3: Option<Option<u32>>) -> Config {
    let get = |k: &str| map.get(k).and_then(|v| v.last()).cloned();
    let flag = |k: &str| get(k).is_some_and(|v| matches!(v.as_str(), "True" | "true" | "1"));
    let implementation = match get("implementation").as_deref() {
        Some("CPython") | None => Implementation::CPython,
        Some("PyPy") => Implementation::PyPy,
        Some("GraalVM") | Some("GraalPy") => Implementation::GraalPy,
        Some(other) => panic!("pyroxide: unsupported Python implementation {other:?}"),
    };
    let version = get("version").unwrap_or_else(|| panic!("pyroxide: no `version` known. {HINT}"));
    let minor: u32 = version
        .strip_prefix("3.")
        .and_then(|m| m.split('.').next())
        .and_then(|m| m.parse().ok())
        .unwrap_or_else(|| panic!("pyroxide: unsupported Python version {version}"));
    if minor < MIN_MINOR {
        panic!("pyroxide: Python 3.{minor} is too old; Pyroxide supports 3.{MIN_MINOR} and newer");
    }
    let build_flags = get("build_flags").unwrap_or_default();
    let debug = flag("debug") || build_flags.split(',').any(|f| f == "Py_DEBUG");
    let gil_disabled =
        flag("gil_disabled") || build_flags.split(',').any(|f| f == "Py_GIL_DISABLED");
    let mut abi3 = match abi3 {
        Some(Some(m)) => Some(m),
        Some(None) => Some(minor),
        None if flag("abi3") => Some(minor),
        None => None,
    };
    if let Some(m) = abi3 {
        if m > minor {
            panic!("pyroxide: feature abi3-py3{m} needs Python 3.{m}+, but the interpreter is 3.{minor}");
        }
        if implementation != Implementation::CPython || gil_disabled {
            println!(
                "cargo::warning=the limited API is not available on this interpreter \
                 ({implementation:?}{}); building version-specific bindings",
                if gil_disabled { ", free-threaded" } else { "" }
            );
            abi3 = None;
        }
    }
    Config {
        implementation,
        minor,
        pypy_major: get("pypy_major").and_then(|m| m.parse().ok()),
        abi3,
        gil_disabled,
        debug,
        shared: get("shared").map_or(true, |_| flag("shared")),
        lib_name: get("lib_name").filter(|s| !s.is_empty()),
        lib_dir: get("lib_dir").filter(|s| !s.is_empty()),
        executable: get("executable").filter(|s| !s.is_empty()),
        include: get("include").filter(|s| !s.is_empty()),
        suppress_link: flag("suppress_build_script_link_lines"),
        extra_lines: map.get("extra_build_script_line").cloned().unwrap_or_default(),
    }
}
