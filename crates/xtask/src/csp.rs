//! The Content-Security-Policy of every built page, as a `<meta http-equiv>` tag, so that it holds
//! on any host, even one that cannot set headers.
//!
//! mdBook's stock template has inline scripts (theme and sidebar set-up) whose text differs per
//! page (`path_to_root`, the page's own path), so a fixed list of hashes in a theme override could
//! not allow them. Instead `cargo xtask build` post-processes `book/build`: each page gets a policy
//! that allows exactly the SHA-256 hashes of that page's own inline scripts. A plain
//! `mdbook build` still works; its pages just carry no policy.
//!
//! The policy: everything from the page's own origin only; scripts from files of that origin or
//! with a listed hash (never `'unsafe-inline'` or `'unsafe-eval'`), and `'wasm-unsafe-eval'` to
//! compile the widgets; style sheets from files only. Only style *attributes* may be inline:
//! mdBook writes `style="text-align: right"` for aligned table columns and the code editor sizes
//! itself with CSS variables in one; an attribute can restyle its own element but cannot load
//! anything (`default-src 'self'`) nor select other elements. Images may also be `data:` URLs:
//! mdBook's `book.js` draws the copy button's icon with one (a `data:` URL makes no request).
//!
//! `frame-ancestors` has no effect in a `<meta>` policy; a host that can send headers may add it.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};

/// Marks the tag this module writes, so that running it twice replaces rather than duplicates.
const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// The policy for a page whose inline scripts are `scripts` (their exact text).
pub(crate) fn policy(scripts: &[&str]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    let mut hashes: Vec<String> = scripts.iter().map(|text| script_hash(text)).collect();
    hashes.sort();
    hashes.dedup();
    for hash in hashes {
        write!(script_src, " '{hash}'").expect("writing to a String");
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; \
         form-action 'self'"
    )
}

/// `sha256-<base64>` of a script's text as the browser hashes it: the HTML parser turns every
/// CR LF (and lone CR) into LF before the text reaches the script element.
pub(crate) fn script_hash(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    format!("sha256-{}", base64(&Sha256::digest(normalized.as_bytes())))
}

/// Standard base64 with padding (what CSP hash sources use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The text of every `<script>` element without a `src` attribute, in page order.
pub(crate) fn inline_scripts(html: &str) -> anyhow::Result<Vec<&str>> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find("<script") {
        let start = at + found;
        let after_name = start + "<script".len();
        // `<scripts>` or `<script-x>` is another element.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            at = after_name;
            continue;
        }
        let Some(tag_len) = lower[start..].find('>') else {
            bail!("a <script> tag at byte {start} is never closed");
        };
        let tag = &lower[start..=start + tag_len];
        let body_start = start + tag_len + 1;
        let Some(body_len) = lower[body_start..].find("</script") else {
            bail!("a <script> element at byte {start} has no </script>");
        };
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attribute| attribute == "src" || attribute.starts_with("src="));
        if !has_src {
            scripts.push(&html[body_start..body_start + body_len]);
        }
        at = body_start + body_len;
    }
    Ok(scripts)
}

/// `html` with its policy in a `<meta>` tag at the top of `<head>` (before any script or style
/// sheet, which a `<meta>` policy does not cover if they come first). A tag from an earlier run is
/// replaced.
pub(crate) fn protect_page(html: &str) -> anyhow::Result<String> {
    let html = remove_policy(html);
    let meta = format!(
        "{META_START}{}\">",
        policy(&inline_scripts(&html)?).replace('"', "&quot;")
    );
    let lower = html.to_ascii_lowercase();
    let Some(head) = lower.find("<head") else {
        bail!("the page has no <head>");
    };
    let head_end = head + lower[head..].find('>').context("<head is never closed")? + 1;
    // Right after `<meta charset>` (which must stay within the first 1024 bytes) when it comes
    // before anything the policy governs; else first thing in the head.
    let first_governed = ["<script", "<link", "<style"]
        .iter()
        .filter_map(|tag| lower[head_end..].find(tag))
        .min()
        .map_or(lower.len(), |at| head_end + at);
    let insert_at = match lower[head_end..first_governed].find("<meta charset") {
        Some(at) => {
            let charset = head_end + at;
            charset
                + lower[charset..]
                    .find('>')
                    .context("<meta charset never closed")?
                + 1
        }
        None => head_end,
    };
    Ok(format!(
        "{}\n        {meta}{}",
        &html[..insert_at],
        &html[insert_at..]
    ))
}

fn remove_policy(html: &str) -> std::borrow::Cow<'_, str> {
    let Some(start) = html.find(META_START) else {
        return html.into();
    };
    let end = start + html[start..].find('>').map_or(0, |i| i + 1);
    // The newline and indentation `protect_page` wrote before the tag.
    let line_start = html[..start].trim_end_matches([' ', '\n']).len();
    format!("{}{}", &html[..line_start], &html[end..]).into()
}

/// Writes the policy into every `.html` file under `site`; returns how many pages it protected.
pub(crate) fn protect_site(site: &Path) -> anyhow::Result<usize> {
    let mut pages = 0;
    for entry in std::fs::read_dir(site).with_context(|| format!("reading {}", site.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            pages += protect_site(&path)?;
        } else if path.extension().is_some_and(|ext| ext == "html") {
            let html = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let protected =
                protect_page(&html).with_context(|| format!("protecting {}", path.display()))?;
            std::fs::write(&path, protected)
                .with_context(|| format!("writing {}", path.display()))?;
            pages += 1;
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_like_the_browser() {
        // Known values: `echo -n "$text" | openssl dgst -sha256 -binary | base64`.
        for (text, hash) in [
            ("", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
            (
                "alert(1)",
                "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=",
            ),
            // CR LF reaches the script as LF.
            (
                "a\r\nb",
                "sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=",
            ),
            (
                "a\nb",
                "sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=",
            ),
        ] {
            assert_eq!(script_hash(text), hash, "{text:?}");
        }
    }

    #[test]
    fn base64_pads_like_the_standard() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"\xff\xfe\xfd", "//79"),
        ] {
            assert_eq!(base64(bytes), text);
        }
    }

    #[test]
    fn finds_inline_scripts_only() {
        for (html, expect) in [
            ("<script src=\"a.js\"></script>", vec![]),
            (
                "<script>one()</script><p><SCRIPT type=\"module\">two()</Script>",
                vec!["one()", "two()"],
            ),
            (
                "<script\n  src='x.js' async></script><script data-src=\"y\">three</script>",
                vec!["three"],
            ),
            ("<scripts>no</scripts><noscript>x</noscript>", vec![]),
            (
                "<script>\n  var x = '<p>';\n</script>",
                vec!["\n  var x = '<p>';\n"],
            ),
        ] {
            assert_eq!(inline_scripts(html).unwrap(), expect, "{html}");
        }
        for broken in ["<script>never closed", "<script src=x.js"] {
            assert!(inline_scripts(broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn the_policy_allows_only_self_wasm_and_the_pages_hashes() {
        let policy = policy(&["b()", "a()", "b()"]);
        assert_eq!(
            policy,
            format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '{}' '{}'; \
                 style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; \
                 object-src 'none'; base-uri 'self'; form-action 'self'",
                script_hash("a()").min(script_hash("b()")),
                script_hash("a()").max(script_hash("b()")),
            )
        );
        assert!(!policy.contains("'unsafe-eval'"));
    }

    #[test]
    fn the_meta_tag_comes_first_in_head_and_is_written_once() {
        let page = "<!DOCTYPE html>\n<html>\n<head>\n<!-- mdBook -->\n<meta charset=\"UTF-8\">\n<title>t</title>\n\
                    <script>x()</script>\n</head><body></body></html>";
        let once = protect_page(page).unwrap();
        let meta_at = once.find(META_START).unwrap();
        assert!(once.find("<meta charset").unwrap() < meta_at);
        assert!(meta_at < once.find("<title>").unwrap());
        assert!(once.contains(&script_hash("x()")));
        assert_eq!(
            protect_page(&once).unwrap(),
            once,
            "a second run changes nothing"
        );
        // Without a charset tag, right after <head>.
        let bare = protect_page("<html><head lang=en><script>y()</script></head></html>").unwrap();
        assert!(bare.starts_with("<html><head lang=en>\n        <meta http-equiv"));
        assert!(protect_page("<p>no head</p>").is_err());
    }
}
