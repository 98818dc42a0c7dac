//! Pyroxide's procedural macros (parse → model → check → expand); filled in by the macros issue.
