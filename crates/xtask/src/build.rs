//! Building the site: the widgets to wasm, then the book around them.
//!
//! 1. `cargo build` the `aio-widgets` crate for `wasm32-unknown-unknown` with the size profile.
//! 2. `wasm-bindgen --target web` writes the JS glue and the wasm into `book/src/assets/pkg/`
//!    (mdBook copies everything under `src/` into the site as it is).
//! 3. `wasm-opt -Oz` shrinks the wasm in place.
//! 4. `www/` is copied to `book/assets/`, which `book.toml` names in `additional-js`/`-css`.
//! 5. `mdbook build book` runs the `mdbook-aio` preprocessor and writes `book/build/`; then each
//!    translation ([`TRANSLATIONS`]) is built the same way from `book/po/LANG.po` (mdBook's
//!    `gettext` preprocessor translates the chapters first) into `book/build/LANG/`, and a Chinese
//!    edition's search index is rebuilt to find Chinese words ([`crate::search_cjk`]).
//! 6. Every page gets its Content-Security-Policy, with the hashes of its inline scripts
//!    ([`crate::csp`]).
//!
//! Every URL in the site is relative, so the folder works from any sub-path.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::tools::{self, tool};
use crate::util::{cargo, root, run};

/// The folder `mdbook build` writes the site to (`build-dir` in `book.toml`).
pub(crate) fn site_dir() -> PathBuf {
    root().join("book/build")
}

/// Installs what is missing, then builds the widgets and the book. Returns the site's folder.
pub(crate) fn build_site() -> anyhow::Result<PathBuf> {
    tools::ensure_build_tools()?;
    build_widgets()?;
    build_book()
}

/// The wasm file the widgets compile to, before wasm-bindgen.
pub(crate) fn raw_widgets_wasm() -> PathBuf {
    root().join("target/wasm32-unknown-unknown/wasm/aio_widgets.wasm")
}

/// The folder wasm-bindgen writes to.
pub(crate) fn pkg_dir() -> PathBuf {
    root().join("book/src/assets/pkg")
}

/// Steps 1 to 3.
pub(crate) fn build_widgets() -> anyhow::Result<()> {
    run(cargo().args([
        "build",
        "--package",
        "aio-widgets",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ]))?;
    let pkg = pkg_dir();
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg)?;
    }
    run(tool("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--remove-producers-section",
        ])
        .args(["--out-name", "aio_widgets", "--out-dir"])
        .arg(&pkg)
        .arg(raw_widgets_wasm()))?;
    let wasm = pkg.join("aio_widgets_bg.wasm");
    // rustc's wasm output uses these post-MVP features; every browser the book targets has them.
    run(tool("wasm-opt")
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm))?;
    Ok(())
}

/// A translation of the book: its language tag (also the name of its `.po` file and of its folder
/// in the site) and its title.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Translation {
    pub(crate) language: &'static str,
    pub(crate) title: &'static str,
}

/// The book's translations. The English edition, the source, is at the site's root.
pub(crate) const TRANSLATIONS: &[Translation] = &[Translation {
    language: "zh-CN",
    title: "交互式学习 asyncio",
}];

/// Steps 4 to 6.
pub(crate) fn build_book() -> anyhow::Result<PathBuf> {
    copy_dir(&root().join("www"), &root().join("book/assets"))?;
    // mdBook skips a preprocessor whose `supports` check fails, with only a warning, and would
    // write pages with raw directives if the preprocessor did not compile: build it first, so
    // that a compile error stops the build.
    run(cargo().args(["build", "--quiet", "--release", "--package", "mdbook-aio"]))?;
    run(tool("mdbook").args(["build", "book"]))?;
    let site = site_dir();
    for translation in TRANSLATIONS {
        let out = site.join(translation.language);
        run(tool("mdbook")
            .args(["build", "book", "--dest-dir"])
            .arg(&out)
            .env("MDBOOK_BOOK__LANGUAGE", translation.language)
            .env("MDBOOK_BOOK__TITLE", translation.title))?;
        // The same rule as the widgets' (`Lang::from_tag`), not a second reading of the tag.
        if aio_core::i18n::Lang::from_tag(translation.language) == aio_core::i18n::Lang::ZhCn {
            crate::search_cjk::reindex(&out)?;
        }
        // The editions share the English edition's widget package (the loader finds it there).
        std::fs::remove_dir_all(out.join("assets/pkg"))?;
    }
    refuse_raw_directives(&site)?;
    let pages = crate::csp::protect_site(&site)?;
    eprintln!("Content-Security-Policy written into {pages} pages");
    Ok(site)
}

/// Fails if a page of any edition shows a widget directive as text (`{{#asyncio-example …}}`):
/// its preprocessor did not run, or a translation broke the directive.
fn refuse_raw_directives(dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            refuse_raw_directives(&path)?;
        } else if path.extension().is_some_and(|ext| ext == "html") {
            let html = std::fs::read_to_string(&path)?;
            for directive in [
                "{{#asyncio-",
                "{{#timeline-lab",
                "{{#compare-lab",
                "{{#loop-stepper",
            ] {
                if html.contains(directive) {
                    anyhow::bail!("{} shows a raw `{directive}` directive", path.display());
                }
            }
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).with_context(|| {
                format!("copying {} to {}", entry.path().display(), target.display())
            })?;
        }
    }
    Ok(())
}
