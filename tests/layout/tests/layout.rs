//! The layout test: every checked-in binding file whose headers are at hand must agree with the
//! C compiler on the size, alignment and field offsets of the checked structs.

use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

// The bindings themselves (one module per file) and `RUST_FILES`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/layouts.rs"));

#[test]
fn layouts_match_the_c_compiler() {
    let start = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("layout");
    let report = match pyroxide_layout_tests::check_all(RUST_FILES, &root, &work_dir) {
        Ok(report) => report,
        Err(e) => panic!("{e}"),
    };
    // Straight to stderr, past the test harness's capture: the summary belongs in every log.
    let text = format!("{}layout: took {:.1} s\n", report.render(), start.elapsed().as_secs_f64());
    let _ = std::io::stderr().write_all(text.as_bytes());
    assert!(
        report.mismatches.is_empty(),
        "{} layout mismatches (listed above)",
        report.mismatches.len()
    );
    assert!(report.files > 0, "no file could be checked (see the skipped files above)");
}
