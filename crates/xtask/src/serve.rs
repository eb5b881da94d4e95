//! `cargo xtask serve`: the built site on 127.0.0.1, rebuilt when a source changes.
//!
//! The server is a small static file server on std's `TcpListener`; the tests and the benchmark
//! use it too, mounted under a sub-path to prove that the site's URLs are all relative.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::build::{build_book, build_site, build_widgets, site_dir};
use crate::util::root;

/// Builds, serves on `port`, and rebuilds on change until interrupted.
pub(crate) fn serve(port: u16) -> anyhow::Result<()> {
    build_site()?;
    let server = StaticServer::bind(port, site_dir(), "/")?;
    println!("serving the book on {} (Ctrl-C stops)", server.url());
    for translation in crate::build::TRANSLATIONS {
        println!(
            "  {} edition: {}{}/",
            translation.language,
            server.url(),
            translation.language
        );
    }
    std::thread::spawn(move || server.run());
    let mut sources = Sources::snapshot();
    loop {
        std::thread::sleep(Duration::from_millis(700));
        let now = Sources::snapshot();
        if now == sources {
            continue;
        }
        let widgets_changed = now.crates != sources.crates;
        sources = now;
        println!("change detected, rebuilding…");
        let result = if widgets_changed {
            build_widgets().and_then(|()| build_book())
        } else {
            build_book()
        };
        match result {
            Ok(_) => println!("rebuilt; reload the page"),
            Err(error) => eprintln!("rebuild failed: {error:#}"),
        }
    }
}

/// The newest modification time and file count under the watched folders: a cheap fingerprint.
#[derive(Debug, PartialEq, Eq)]
struct Sources {
    book: (Option<SystemTime>, usize),
    crates: (Option<SystemTime>, usize),
}

impl Sources {
    fn snapshot() -> Sources {
        let root = root();
        let mut book = (None, 0);
        for dir in ["book/src", "book/po", "www"] {
            fingerprint(&root.join(dir), &mut book);
        }
        fingerprint(&root.join("book/book.toml"), &mut book);
        let mut crates = (None, 0);
        fingerprint(&root.join("crates"), &mut crates);
        Sources { book, crates }
    }
}

fn fingerprint(path: &Path, acc: &mut (Option<SystemTime>, usize)) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // Build outputs live inside watched folders; watching them would rebuild forever.
        if matches!(name, "pkg" | "target" | "build") {
            return;
        }
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            fingerprint(&entry.path(), acc);
        }
    } else {
        acc.0 = acc.0.max(meta.modified().ok());
        acc.1 += 1;
    }
}

/// Serves the files of one folder under a URL prefix, on 127.0.0.1.
#[derive(Debug)]
pub(crate) struct StaticServer {
    listener: TcpListener,
    folder: PathBuf,
    prefix: String,
}

impl StaticServer {
    /// Binds 127.0.0.1:`port` (0 picks a free port). `prefix` starts and ends with `/`.
    pub(crate) fn bind(port: u16, folder: PathBuf, prefix: &str) -> anyhow::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|error| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {error}"))?;
        Ok(StaticServer {
            listener,
            folder,
            prefix: prefix.to_owned(),
        })
    }

    /// The site's address, prefix included.
    pub(crate) fn url(&self) -> String {
        let port = self
            .listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default();
        format!("http://127.0.0.1:{port}{}", self.prefix)
    }

    /// Answers requests forever, one thread per connection.
    pub(crate) fn run(self) {
        for stream in self.listener.incoming().flatten() {
            let folder = self.folder.clone();
            let prefix = self.prefix.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &folder, &prefix);
            });
        }
    }
}

fn answer(mut stream: TcpStream, folder: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and drop the headers: nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let file = if method == "GET" || method == "HEAD" {
        resolve(folder, prefix, path)
    } else {
        None
    };
    match file.and_then(|file| std::fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        None => {
            let body = b"not found";
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

/// Maps a URL path to a file inside `folder`, refusing anything that would leave it.
fn resolve(folder: &Path, prefix: &str, url_path: &str) -> Option<PathBuf> {
    let relative = url_path
        .strip_prefix(prefix)
        .or_else(|| (url_path.to_owned() + "/").strip_prefix(prefix).map(|_| ""))?;
    let decoded = percent_decode(relative)?;
    let relative = Path::new(&decoded);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = folder.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "md" | "py" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_files_inside_the_site_only() {
        let site = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(site.join("sub")).unwrap();
        std::fs::write(site.join("index.html"), "home").unwrap();
        std::fs::write(site.join("sub/a b.js"), "js").unwrap();
        let cases: &[(&str, Option<&str>)] = &[
            ("/book/", Some("index.html")),
            ("/book", Some("index.html")),
            ("/book/index.html", Some("index.html")),
            ("/book/sub/a%20b.js", Some("sub/a b.js")),
            ("/book/../etc/passwd", None),
            ("/book/sub/%2e%2e/%2e%2e/x", None),
            ("/other/index.html", None),
            ("/book/missing.html", None),
        ];
        for (url, expected) in cases {
            assert_eq!(
                resolve(&site, "/book/", url),
                expected.map(|f| site.join(f)),
                "{url}"
            );
        }
        let _ = std::fs::remove_dir_all(site);
    }
}
