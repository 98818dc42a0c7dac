//! Reproducible header sources: pyenv interpreters on the image, Debian packages fetched with a
//! private apt configuration into `target/pyroxide-cache/` (downloaded, unpacked with `dpkg -x`,
//! never installed), and GraalPy's `python-resources` jar fetched from Maven Central with `mvn`.

use crate::util::{cache_dir, output, run, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where one set of headers comes from; pinned exactly, so regenerating is reproducible.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    /// An interpreter under `$(pyenv root)/versions/<version>`, with its `include/<dir>`.
    Pyenv { version: &'static str, dir: &'static str },
    /// Debian packages of `suite`, all pinned to `version`, unpacked into one tree; headers in
    /// `usr/include/<dir>` (a `-dbg` package's headers are symlinks into its `-dev` package).
    Debian {
        suite: &'static str,
        packages: &'static [&'static str],
        version: &'static str,
        dir: &'static str,
    },
    /// GraalPy's `org.graalvm.python:python-resources:<version>` jar (its home: headers under
    /// `META-INF/resources/include/`, the platform's `pyconfig.h` under
    /// `META-INF/resources/linux/amd64/include/<dir>`), fetched with `mvn dependency:copy` and
    /// unpacked once.
    GraalPy { version: &'static str, dir: &'static str },
}

/// A shared library whose dynamic symbols bound the generated functions and variables.
#[derive(Clone, Copy, Debug)]
pub enum Library {
    /// `lib/<file>` of the pyenv interpreter `version`.
    Pyenv { version: &'static str, file: &'static str },
    /// `<path>` inside the Debian package `package=version` of `suite`.
    Debian { suite: &'static str, package: &'static str, version: &'static str, path: &'static str },
    /// `META-INF/resources/<path>` inside GraalPy's `python-resources` jar of `version`.
    GraalPy { version: &'static str, path: &'static str },
}

impl Library {
    /// The names of the functions and variables the library exports (`nm -D --defined-only`),
    /// downloading its package once if needed.
    pub fn exports(&self) -> Result<HashSet<String>> {
        let file = match *self {
            Library::Pyenv { version, file } => {
                pyenv_root()?.join("versions").join(version).join("lib").join(file)
            }
            Library::Debian { suite, package, version, path } => {
                let unpacked = cache_dir().join("libs").join(format!("{package}_{version}"));
                fetch_deb(suite, package, version, &unpacked)?;
                unpacked.join(path)
            }
            Library::GraalPy { version, path } => graalpy_resources(version)?.join(path),
        };
        let text = output(Command::new("nm").args(["-D", "--defined-only"]).arg(&file))?;
        Ok(text
            .lines()
            .filter_map(|l| l.split_whitespace().nth(2))
            .map(|sym| sym.split('@').next().unwrap_or(sym).to_string())
            .collect())
    }

    /// One line for the generated file's banner.
    pub fn describe(&self) -> String {
        match *self {
            Library::Pyenv { version, file } => format!("pyenv CPython {version} lib/{file}"),
            Library::Debian { suite, package, version, path } => {
                format!("Debian {suite} {package} {version}, /{path}")
            }
            Library::GraalPy { version, path } => {
                format!("GraalPy python-resources {version}, {path}")
            }
        }
    }
}

/// Headers ready for clang.
pub struct Headers {
    /// The directory holding `Python.h`.
    pub include: PathBuf,
    /// Extra `-I` directories (Debian's multiarch `pyconfig.h` lives beside the main tree).
    pub extra_includes: Vec<PathBuf>,
    /// One line for the generated file's banner.
    pub description: String,
}

impl Source {
    /// Makes the headers available locally, downloading them once.
    pub fn fetch(&self) -> Result<Headers> {
        match *self {
            Source::Pyenv { version, dir } => {
                let root = pyenv_root()?;
                let include = root.join("versions").join(version).join("include").join(dir);
                if !include.join("Python.h").exists() {
                    return Err(format!(
                        "headers of pyenv CPython {version} not found at {}; install it with \
                         `pyenv install {version}`",
                        include.display()
                    ));
                }
                Ok(Headers {
                    include,
                    extra_includes: vec![],
                    description: format!("pyenv CPython {version}, include/{dir}"),
                })
            }
            Source::Debian { suite, packages, version, dir } => {
                let unpacked =
                    cache_dir().join("headers").join(format!("{}_{version}", packages.join("+")));
                for package in packages {
                    fetch_deb(suite, package, version, &unpacked)?;
                }
                let usr_include = unpacked.join("usr/include");
                Ok(Headers {
                    include: usr_include.join(dir),
                    extra_includes: vec![usr_include],
                    description: format!(
                        "Debian {suite} {} {version}, /usr/include/{dir}",
                        packages.join(" + ")
                    ),
                })
            }
            Source::GraalPy { version, dir } => {
                let resources = graalpy_resources(version)?;
                Ok(Headers {
                    include: resources.join("include"),
                    extra_includes: vec![resources.join("linux/amd64/include").join(dir)],
                    description: format!(
                        "GraalPy python-resources {version}, include/ + linux/amd64/include/{dir}"
                    ),
                })
            }
        }
    }
}

/// Whether GraalPy `version`'s `python-resources` are already unpacked (nothing to download).
pub fn graalpy_resources_cached(version: &str) -> bool {
    cache_dir().join("headers").join(format!("graalpy-{version}")).join(".unpacked").exists()
}

/// `META-INF/resources/` of GraalPy's `python-resources` jar of `version`, unpacked under
/// `target/pyroxide-cache/headers/graalpy-<version>/` (the path must name `graalpy` for the
/// profile's file allowlist). Maven keeps the jar in its local repository too, so a machine that
/// ran `ci/graalpy.sh` downloads nothing.
fn graalpy_resources(version: &str) -> Result<PathBuf> {
    let dest = cache_dir().join("headers").join(format!("graalpy-{version}"));
    let resources = dest.join("META-INF/resources");
    let stamp = dest.join(".unpacked");
    if graalpy_resources_cached(version) {
        return Ok(resources);
    }
    let jars = cache_dir().join("maven");
    std::fs::create_dir_all(&jars).map_err(|e| e.to_string())?;
    let jar = jars.join(format!("python-resources-{version}.jar"));
    if !jar.exists() {
        let artifact = format!("-Dartifact=org.graalvm.python:python-resources:{version}:jar");
        let out = format!("-DoutputDirectory={}", jars.display());
        run(Command::new("mvn")
            .args(["-q", "-B", "dependency:copy", &artifact, &out])
            .current_dir(cache_dir()))
        .map_err(|e| {
            format!("could not fetch GraalPy {version}'s python-resources with Maven: {e}")
        })?;
    }
    let _ = std::fs::remove_dir_all(&dest);
    run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(&jar).arg(&dest))?;
    std::fs::write(&stamp, "").map_err(|e| e.to_string())?;
    Ok(resources)
}

fn pyenv_root() -> Result<PathBuf> {
    if let Ok(root) = std::env::var("PYENV_ROOT") {
        return Ok(PathBuf::from(root));
    }
    let out = output(Command::new("pyenv").arg("root"))
        .map_err(|e| format!("pyenv is needed for the CPython 3.9-3.13 headers: {e}"))?;
    Ok(PathBuf::from(out.trim()))
}

/// Downloads `package=version` from `suite` once and unpacks it into `dest`.
fn fetch_deb(suite: &str, package: &str, version: &str, dest: &Path) -> Result {
    let debs = cache_dir().join("debs");
    let stamp = dest.join(format!(".unpacked-{package}"));
    if stamp.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&debs).map_err(|e| e.to_string())?;
    let apt = PrivateApt::get()?;
    let file = debs.join(format!("{package}_{}_any.deb", version.replace(':', "%3a")));
    if !file.exists() {
        let tmp = debs.join("partial-download");
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
        let spec = format!("{package}={version}");
        apt.command("apt-get").arg("download").arg(&spec).current_dir(&tmp).status().ok();
        let got = std::fs::read_dir(&tmp)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "deb"))
            .ok_or_else(|| {
                format!(
                    "could not download {spec} from Debian {suite}: the version may have left \
                     the mirror. Update the pin in xtask/src/bindgen/profile.rs and regenerate."
                )
            })?;
        std::fs::rename(got, &file).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(dest).map_err(|e| e.to_string())?;
    run(Command::new("dpkg").arg("-x").arg(&file).arg(dest))?;
    std::fs::write(&stamp, "").map_err(|e| e.to_string())?;
    Ok(())
}

/// An apt configuration of our own (lists and cache under `target/`), pointing at the host's
/// Debian mirror for bookworm, trixie and sid. The mirror is read from the host's apt sources and
/// never written into the repository.
struct PrivateApt {
    root: PathBuf,
}

impl PrivateApt {
    fn get() -> Result<PrivateApt> {
        let root = cache_dir().join("apt");
        let apt = PrivateApt { root: root.clone() };
        let stamp = root.join(".updated");
        if stamp.exists() {
            return Ok(apt);
        }
        for d in ["lists/partial", "cache/archives/partial", "etc"] {
            std::fs::create_dir_all(root.join(d)).map_err(|e| e.to_string())?;
        }
        let mut lines = host_sources()?;
        let mirror = lines
            .iter()
            .find_map(|(uri, suite)| (suite == "bookworm").then(|| uri.clone()))
            .ok_or("the host's apt sources name no bookworm mirror")?;
        for suite in ["trixie", "sid"] {
            lines.push((mirror.clone(), suite.to_string()));
        }
        let list: String = lines
            .iter()
            .map(|(uri, suite)| {
                format!(
                    "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] {uri} {suite} main\n"
                )
            })
            .collect();
        std::fs::write(root.join("etc/sources.list"), list).map_err(|e| e.to_string())?;
        run(apt.command("apt-get").args(["-q", "update"]))?;
        std::fs::write(&stamp, "").map_err(|e| e.to_string())?;
        Ok(apt)
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        let r = |p: &str| self.root.join(p).display().to_string();
        cmd.arg("-o")
            .arg(format!("Dir::Etc::SourceList={}", r("etc/sources.list")))
            .args(["-o", "Dir::Etc::SourceParts=/dev/null"])
            .arg("-o")
            .arg(format!("Dir::State::Lists={}", r("lists")))
            .arg("-o")
            .arg(format!("Dir::Cache={}", r("cache")))
            .args(["-o", "Dir::State::status=/dev/null", "-o", "Debug::NoLocking=1"])
            .args(["-o", "APT::Sandbox::User=root"]);
        cmd
    }
}

/// `(uri, suite)` pairs from the host's deb822 and one-line apt sources.
fn host_sources() -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let dir = Path::new("/etc/apt/sources.list.d");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.push(PathBuf::from("/etc/apt/sources.list"));
    files.sort();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        if file.extension().is_some_and(|x| x == "sources") {
            for stanza in text.split("\n\n") {
                let field = |name: &str| {
                    stanza.lines().find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
                };
                if let (Some(uris), Some(suites)) = (field("URIs:"), field("Suites:")) {
                    for uri in uris.split_whitespace() {
                        for suite in suites.split_whitespace() {
                            out.push((uri.to_string(), suite.to_string()));
                        }
                    }
                }
            }
        } else {
            for line in text.lines().map(str::trim).filter(|l| l.starts_with("deb ")) {
                let line = match (line.find('['), line.find(']')) {
                    (Some(a), Some(b)) if a < b => format!("{}{}", &line[..a], &line[b + 1..]),
                    _ => line.to_string(),
                };
                let words: Vec<&str> = line.split_whitespace().collect();
                if words.len() >= 3 {
                    out.push((words[1].to_string(), words[2].to_string()));
                }
            }
        }
    }
    // Only Debian's own archive (bookworm and its updates/security suites) is of use here.
    out.retain(|(uri, suite)| {
        let uri = uri.trim_end_matches('/');
        suite.starts_with("bookworm")
            && (uri.ends_with("/debian") || uri.ends_with("/debian-security"))
    });
    if out.is_empty() {
        return Err("no Debian apt sources found on this host".into());
    }
    Ok(out)
}
