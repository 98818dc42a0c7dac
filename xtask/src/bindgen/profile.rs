//! The declarative table of everything `cargo xtask bindgen` generates: one profile per
//! implementation (which crate, which wrapper header, which names) and one row per output file
//! (exact version, variant, pinned header source, extra defines).

use crate::headers::{Library, Source};

/// How one implementation's headers are turned into bindings.
pub struct Profile {
    pub implementation: &'static str,
    pub crate_dir: &'static str,
    /// Header files whose items are bound (besides the name allowlist).
    pub file_allowlist: &'static str,
    /// PyPy's headers `#define` every API name to `PyPy…`; map those back to the CPython names.
    pub rename_pypy: bool,
}

pub const CPYTHON: Profile = Profile {
    implementation: "CPython",
    crate_dir: "sys-cpython",
    file_allowlist: r".*/python3\.[0-9]+[a-z]*/.*",
    rename_pypy: false,
};

pub const PYPY: Profile = Profile {
    implementation: "PyPy",
    crate_dir: "sys-pypy",
    file_allowlist: r".*/pypy3\.[0-9]+/.*",
    rename_pypy: true,
};

pub const GRAALPY: Profile = Profile {
    implementation: "GraalPy",
    crate_dir: "sys-graalpy",
    file_allowlist: r".*/graalpy[^/]*/.*",
    rename_pypy: false,
};

/// Names bound in every profile; everything else in the headers is reached only as a dependency.
pub const NAME_ALLOWLIST: &str = r"(_?Py|_?PY|PyPy|_PyPy|GraalPy|METH_|T_|READONLY|READ_RESTRICTED|PY_WRITE_RESTRICTED|CO_|PyBUF_).*";

/// One generated file.
pub struct Target {
    pub file: &'static str,
    pub profile: &'static Profile,
    /// The exact interpreter version the headers belong to.
    pub version: &'static str,
    pub variant: &'static str,
    pub source: Source,
    /// `-D` definitions on top of the headers' own `pyconfig.h`.
    pub defines: &'static [&'static str],
    /// The library whose exported symbols every bound function and variable must be: the
    /// minimum version's libpython for the limited API (newer headers declare functions older
    /// interpreters lack), libpypy for PyPy (whose headers declare APIs it does not implement).
    pub exports: Option<Library>,
}

const fn pyenv(version: &'static str, dir: &'static str) -> Source {
    Source::Pyenv { version, dir }
}

const fn deb(
    suite: &'static str,
    packages: &'static [&'static str],
    version: &'static str,
    dir: &'static str,
) -> Source {
    Source::Debian { suite, packages, version, dir }
}

const CP313_TRIXIE: Source =
    deb("trixie", &["libpython3.13-dev"], "3.13.5-2+deb13u5", "python3.13");
const CP314: Source = deb("sid", &["libpython3.14-dev"], "3.14.10-1", "python3.14");
const CP315: Source = deb("sid", &["libpython3.15-dev"], "3.15.2-1", "python3.15");

const GIL: &str = "release, GIL";
const FT: &str = "release, free-threaded (Py_GIL_DISABLED)";
const DEBUG: &str = "debug (Py_DEBUG, Py_REF_DEBUG), GIL";
const DEBUG_DEFINED: &str = "debug (Py_DEBUG defined over the release headers), GIL";

macro_rules! abi3 {
    ($file:literal, $min:literal, $hex:literal, $lib:expr) => {
        Target {
            file: $file,
            profile: &CPYTHON,
            version: "3.15.2",
            variant: concat!("limited API (abi3), minimum Python ", $min),
            source: CP315,
            defines: &[concat!("Py_LIMITED_API=", $hex)],
            exports: Some($lib),
        }
    };
}

/// The GraalPy release the `gp3*.rs` bindings are generated from (also pinned in
/// `ci/graalpy/pom.xml`, which provisions the interpreter the tests run on).
const GRAALPY_VERSION: &str = "25.2.4";

const fn pyenv_lib(version: &'static str, file: &'static str) -> Library {
    Library::Pyenv { version, file }
}

const fn deb_lib(
    suite: &'static str,
    package: &'static str,
    version: &'static str,
    path: &'static str,
) -> Library {
    Library::Debian { suite, package, version, path }
}

/// Every generated file, in the order `cargo xtask bindgen` writes them.
pub const TARGETS: &[Target] = &[
    // CPython, GIL builds.
    Target {
        file: "cp39.rs",
        profile: &CPYTHON,
        version: "3.9.18",
        variant: GIL,
        source: pyenv("3.9.18", "python3.9"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp310.rs",
        profile: &CPYTHON,
        version: "3.10.13",
        variant: GIL,
        source: pyenv("3.10.13", "python3.10"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp311.rs",
        profile: &CPYTHON,
        version: "3.11.7",
        variant: GIL,
        source: pyenv("3.11.7", "python3.11"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp312.rs",
        profile: &CPYTHON,
        version: "3.12.1",
        variant: GIL,
        source: pyenv("3.12.1", "python3.12"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp313.rs",
        profile: &CPYTHON,
        version: "3.13.0",
        variant: GIL,
        source: pyenv("3.13.0", "python3.13"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp314.rs",
        profile: &CPYTHON,
        version: "3.14.10",
        variant: GIL,
        source: CP314,
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp315.rs",
        profile: &CPYTHON,
        version: "3.15.2",
        variant: GIL,
        source: CP315,
        defines: &[],
        exports: None,
    },
    // CPython, free-threaded builds: the same headers with Py_GIL_DISABLED.
    Target {
        file: "cp313t.rs",
        profile: &CPYTHON,
        version: "3.13.5",
        variant: FT,
        source: CP313_TRIXIE,
        defines: &["Py_GIL_DISABLED=1"],
        exports: None,
    },
    Target {
        file: "cp314t.rs",
        profile: &CPYTHON,
        version: "3.14.10",
        variant: FT,
        source: CP314,
        defines: &["Py_GIL_DISABLED=1"],
        exports: None,
    },
    Target {
        file: "cp315t.rs",
        profile: &CPYTHON,
        version: "3.15.2",
        variant: FT,
        source: CP315,
        defines: &["Py_GIL_DISABLED=1"],
        exports: None,
    },
    // CPython, debug builds (Py_DEBUG implies Py_REF_DEBUG, which changes the exported symbols).
    Target {
        file: "cp39d.rs",
        profile: &CPYTHON,
        version: "3.9.18",
        variant: DEBUG_DEFINED,
        source: pyenv("3.9.18", "python3.9"),
        defines: &["Py_DEBUG=1"],
        exports: None,
    },
    Target {
        file: "cp310d.rs",
        profile: &CPYTHON,
        version: "3.10.13",
        variant: DEBUG_DEFINED,
        source: pyenv("3.10.13", "python3.10"),
        defines: &["Py_DEBUG=1"],
        exports: None,
    },
    Target {
        file: "cp311d.rs",
        profile: &CPYTHON,
        version: "3.11.2",
        variant: DEBUG,
        source: deb(
            "bookworm",
            &["libpython3.11-dev", "libpython3.11-dbg"],
            "3.11.2-6+deb12u9",
            "python3.11d",
        ),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp312d.rs",
        profile: &CPYTHON,
        version: "3.12.1",
        variant: DEBUG_DEFINED,
        source: pyenv("3.12.1", "python3.12"),
        defines: &["Py_DEBUG=1"],
        exports: None,
    },
    Target {
        file: "cp313d.rs",
        profile: &CPYTHON,
        version: "3.13.5",
        variant: DEBUG,
        source: deb(
            "trixie",
            &["libpython3.13-dev", "libpython3.13-dbg"],
            "3.13.5-2+deb13u5",
            "python3.13d",
        ),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp314d.rs",
        profile: &CPYTHON,
        version: "3.14.10",
        variant: DEBUG,
        source: deb("sid", &["libpython3.14-dev", "libpython3.14-dbg"], "3.14.10-1", "python3.14d"),
        defines: &[],
        exports: None,
    },
    Target {
        file: "cp315d.rs",
        profile: &CPYTHON,
        version: "3.15.2",
        variant: DEBUG,
        source: deb("sid", &["libpython3.15-dev", "libpython3.15-dbg"], "3.15.2-1", "python3.15d"),
        defines: &[],
        exports: None,
    },
    // CPython, limited API: one file per minimum version, from the newest headers.
    abi3!("abi3_py39.rs", "3.9", "0x03090000", pyenv_lib("3.9.18", "libpython3.9.so.1.0")),
    abi3!("abi3_py310.rs", "3.10", "0x030a0000", pyenv_lib("3.10.13", "libpython3.10.so.1.0")),
    abi3!("abi3_py311.rs", "3.11", "0x030b0000", pyenv_lib("3.11.7", "libpython3.11.so.1.0")),
    abi3!("abi3_py312.rs", "3.12", "0x030c0000", pyenv_lib("3.12.1", "libpython3.12.so.1.0")),
    abi3!("abi3_py313.rs", "3.13", "0x030d0000", pyenv_lib("3.13.0", "libpython3.13.so.1.0")),
    abi3!(
        "abi3_py314.rs",
        "3.14",
        "0x030e0000",
        deb_lib(
            "sid",
            "libpython3.14",
            "3.14.10-1",
            "usr/lib/x86_64-linux-gnu/libpython3.14.so.1.0"
        )
    ),
    abi3!(
        "abi3_py315.rs",
        "3.15",
        "0x030f0000",
        deb_lib(
            "sid",
            "libpython3.15",
            "3.15.2-1",
            "usr/lib/x86_64-linux-gnu/libpython3.15.so.1.0"
        )
    ),
    // PyPy.
    Target {
        file: "pp39.rs",
        profile: &PYPY,
        version: "3.9 (PyPy 7.3.11)",
        variant: GIL,
        source: deb("bookworm", &["pypy3-dev", "pypy3"], "7.3.11+dfsg-2+deb12u3", "pypy3.9"),
        defines: &[],
        exports: Some(deb_lib(
            "bookworm",
            "pypy3",
            "7.3.11+dfsg-2+deb12u3",
            "usr/lib/x86_64-linux-gnu/libpypy3.9-c.so",
        )),
    },
    Target {
        file: "pp311.rs",
        profile: &PYPY,
        version: "3.11 (PyPy 7.3.19)",
        variant: GIL,
        source: deb("trixie", &["pypy3-dev", "pypy3"], "7.3.19+dfsg-2", "pypy3.11"),
        defines: &[],
        exports: Some(deb_lib(
            "trixie",
            "pypy3",
            "7.3.19+dfsg-2",
            "usr/lib/x86_64-linux-gnu/libpypy3.11-c.so",
        )),
    },
    Target {
        file: "pp311_v8.rs",
        profile: &PYPY,
        version: "3.11 (PyPy 8.0.1)",
        variant: GIL,
        source: deb("sid", &["pypy3-dev", "pypy3"], "8.0.1+dfsg-1", "pypy3.11"),
        defines: &[],
        exports: Some(deb_lib(
            "sid",
            "pypy3",
            "8.0.1+dfsg-1",
            "usr/lib/x86_64-linux-gnu/libpypy3.11-c.so",
        )),
    },
    // GraalPy: its headers declare a few functions libpython-native.so does not export.
    Target {
        file: "gp312.rs",
        profile: &GRAALPY,
        version: "3.12 (GraalPy 25.2.4)",
        variant: GIL,
        source: Source::GraalPy { version: GRAALPY_VERSION, dir: "python3.12" },
        defines: &[],
        exports: Some(Library::GraalPy {
            version: GRAALPY_VERSION,
            path: "linux/amd64/lib/graalpy25.2/libpython-native.so",
        }),
    },
];
