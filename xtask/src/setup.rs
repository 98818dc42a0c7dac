//! Idempotent machine setup shared by `cargo xtask test` and `cargo xtask demo`: the Debian
//! packages the tests and bindgen need. Installed packages are detected, so a prepared machine
//! spends no time here.

use crate::util::{cache_dir, output, run, Result};
use std::process::Command;

/// What the test command needs from apt: libclang for `bindgen --check`, PyPy and its headers
/// for the PyPy suites, the debug CPython for the `Py_REF_DEBUG` paths, a C compiler for the C
/// helpers of the layout and inline tests.
pub const TEST_PACKAGES: &[&str] = &[
    "libclang1-14",
    "libclang-common-14-dev",
    "pypy3",
    "pypy3-dev",
    "python3.11-dbg",
    "gcc",
    "libc6-dev",
    "python3-venv",
];

/// What the demo needs: a C toolchain to link the extension module and the embedding example.
pub const DEMO_PACKAGES: &[&str] = &["gcc", "libc6-dev", "python3-venv"];

/// Installs whichever of `packages` are missing.
pub fn ensure_apt(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("setup: installing {}", missing.join(" "));
    if !is_root() {
        return Err(format!(
            "these Debian packages are missing: {0}; install them with \
             `sudo apt-get install -y {0}` (or run as root)",
            missing.join(" ")
        ));
    }
    // The image's docker-clean hook deletes downloaded .debs between dpkg runs, which breaks
    // multi-package installs; this configuration clears it for our apt-get calls only.
    let conf = cache_dir().join("apt-keep-debs.conf");
    std::fs::write(&conf, "#clear DPkg::Post-Invoke;\n").map_err(|e| e.to_string())?;
    let apt = |args: &[&str]| {
        let mut cmd = Command::new("apt-get");
        cmd.arg("-c").arg(&conf).args(["-o", "DPkg::Lock::Timeout=600", "-q", "-y"]).args(args);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    // A stale package list makes installs fail with 404s; refresh once per attempt.
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

fn installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_ok_and(|s| s.contains("install ok installed"))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_ok_and(|s| s.trim() == "0")
}
