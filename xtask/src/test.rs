//! `cargo xtask test`: sets up what the tests need, then runs every check the project has, in
//! order of cost (fmt, clippy, rustdoc, bindgen --check, Rust tests, embedding tests per
//! interpreter, under abi3 on a few and type-checked for 3.13t, extension-module pytest suites per
//! interpreter, the leak sweep on the debug build) and prints one summary.

use crate::python::Counts;
use crate::util::{project_root, show, Result};
use crate::{bindgen, embed, python, setup, variants};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Step {
    name: String,
    ok: bool,
    counts: Option<Counts>,
    seconds: f64,
    detail: String,
}

pub fn run(args: &[String]) -> Result {
    let started = Instant::now();
    let skip_setup = args.iter().any(|a| a == "--no-setup");
    if !skip_setup {
        setup::ensure_apt(setup::TEST_PACKAGES)?;
        python::ensure_tooling()?;
    }
    let mut steps: Vec<Step> = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut() -> Result<Option<Counts>>| {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        let (ok, counts, detail) = match f() {
            Ok(c) => (c.map_or(true, |c| c.failed == 0), c, String::new()),
            Err(e) => {
                eprintln!("FAILED: {e}");
                (false, None, e)
            }
        };
        steps.push(Step {
            name: name.into(),
            ok,
            counts,
            seconds: t.elapsed().as_secs_f64(),
            detail,
        });
    };

    step("cargo fmt --check", &mut || cargo(&["fmt", "--all", "--check"]).map(|_| None));
    step("cargo clippy -D warnings", &mut || {
        cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]).map(|_| None)
    });
    step("rustdoc -D warnings", &mut || {
        let mut cmd = cargo_cmd(&["doc", "--workspace", "--no-deps", "--exclude", "xtask"]);
        cmd.env("RUSTDOCFLAGS", "-D warnings");
        checked(cmd).map(|_| None)
    });
    step("cargo xtask bindgen --check", &mut || bindgen::run(&["--check".into()]).map(|_| None));
    step("every generated file compiles with clippy -D warnings", &mut || {
        variants::run_all().map(Some)
    });
    step("cargo test --workspace (doctests, tidy, layout)", &mut || {
        cargo_tests(cargo_cmd(&[
            "test",
            "--workspace",
            "--no-fail-fast",
            "--exclude",
            "pyroxide-tests",
        ]))
        .map(Some)
    });
    step("compile-error (UI) tests of the macros", &mut || {
        let mut cmd = cargo_cmd(&["test", "-p", "pyroxide-tests", "--test", "ui"]);
        cmd.env("PYROXIDE_UI_TESTS", "1");
        cargo_tests(cmd).map(Some)
    });
    let interpreters = python::interpreters();
    for interp in &interpreters {
        let name = format!("embedding tests on {}", interp.id);
        step(&name, &mut || embed::run(interp).map(Some));
    }
    for &(id, min) in embed::ABI3_RUNS {
        let name = format!("embedding tests on {id} with abi3-py3{min}");
        match interpreters.iter().find(|i| i.id == id) {
            Some(interp) => step(&name, &mut || embed::run_abi3(interp, min).map(Some)),
            None => step(&name, &mut || {
                eprintln!("skipped: {id} not found on this machine");
                Ok(Some(Counts { skipped: 1, ..Counts::default() }))
            }),
        }
    }
    let name = format!("embedding tests compile for {}", embed::FREE_THREADED_FILE);
    step(&name, &mut || embed::check_free_threaded().map(|_| None));
    step("extension module suites (maturin develop + pytest)", &mut || {
        python::ext_suite(None).map(Some)
    });
    step("leak sweep on cp311d (refcount and block deltas)", &mut || {
        crate::reliability::leak_sweep_step()
    });

    let mut total = Counts::default();
    println!("\n{:<58} {:>6} {:>7} {:>7} {:>8}", "step", "passed", "failed", "skipped", "time");
    for s in &steps {
        let c = s.counts.unwrap_or_default();
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
        if !s.ok && c.failed == 0 {
            total.failed += 1;
        }
        let status = if s.ok { "" } else { "  <- FAILED" };
        let counts = s.counts.map_or_else(
            || format!("{:>6} {:>7} {:>7}", if s.ok { "ok" } else { "-" }, "", ""),
            |c| format!("{:>6} {:>7} {:>7}", c.passed, c.failed, c.skipped),
        );
        println!("{:<58} {counts} {:>7.1}s{status}", s.name, s.seconds);
    }
    println!("total time {:.0}s", started.elapsed().as_secs_f64());
    println!("{} passed, {} failed, {} skipped", total.passed, total.failed, total.skipped);
    let failed: Vec<&Step> = steps.iter().filter(|s| !s.ok).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed
            .iter()
            .map(|s| {
                format!("{} failed{}", s.name, if s.detail.is_empty() { "" } else { ": see above" })
            })
            .collect::<Vec<_>>()
            .join("; "))
    }
}

pub fn cargo_cmd(args: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Panic tests print whole backtraces when the environment asks for them.
    cmd.args(args).current_dir(project_root()).env("RUST_BACKTRACE", "0");
    cmd
}

fn cargo(args: &[&str]) -> Result {
    checked(cargo_cmd(args))
}

fn checked(mut cmd: Command) -> Result {
    crate::util::run(&mut cmd)
}

/// Runs a `cargo test` command, echoing its output, and sums its `test result:` lines.
pub fn cargo_tests(mut cmd: Command) -> Result<Counts> {
    eprintln!("$ {}", show(&cmd));
    let out = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", show(&cmd)))?;
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    let mut counts = Counts::default();
    for line in text.lines().filter_map(|l| l.trim().strip_prefix("test result: ")) {
        let num = |key: &str| {
            line.split([';', '.'])
                .find_map(|part| {
                    part.trim().strip_suffix(key).map(|n| n.trim().parse().unwrap_or(0))
                })
                .unwrap_or(0)
        };
        counts.passed += num(" passed");
        counts.failed += num(" failed");
        counts.skipped += num(" ignored");
    }
    if !out.status.success() && counts.failed == 0 {
        return Err(format!("`{}` failed with {}", show(&cmd), out.status));
    }
    Ok(counts)
}
