//! The standard-library modules written in Python (after CPython 3.11.7's, written fresh;
//! embedded without their comment lines, see `build.rs`): each
//! is parsed once per thread and run as its own module on its first import, so a program that
//! does not import it pays nothing. Their frames are hidden from tracebacks, as the asyncio
//! prelude's; a statement marked `# tb: FILE:N` shows as that frame of CPython's instead (`# tb:
//! <string>:4` for the methods CPython generates with `exec`, which have no source to show).

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::dict::FxHashMap;
use crate::syntax::{self, SyntaxError, ast};

/// A module written in Python.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PythonModule {
    pub name: &'static str,
    pub source: &'static str,
}

/// Every standard-library module written in Python, by import name (a submodule is imported
/// after its package, and becomes its attribute).
pub(crate) const PYTHON_MODULES: [PythonModule; 38] = [
    PythonModule {
        name: "contextvars",
        source: include_str!(concat!(env!("OUT_DIR"), "/contextvars.py")),
    },
    PythonModule {
        name: "logging",
        source: include_str!(concat!(env!("OUT_DIR"), "/logging.py")),
    },
    PythonModule {
        name: "functools",
        source: include_str!(concat!(env!("OUT_DIR"), "/functools.py")),
    },
    PythonModule {
        name: "contextlib",
        source: include_str!(concat!(env!("OUT_DIR"), "/contextlib.py")),
    },
    PythonModule {
        name: "dataclasses",
        source: include_str!(concat!(env!("OUT_DIR"), "/dataclasses.py")),
    },
    PythonModule {
        name: "typing",
        source: include_str!(concat!(env!("OUT_DIR"), "/typing.py")),
    },
    PythonModule {
        name: "itertools",
        source: include_str!(concat!(env!("OUT_DIR"), "/itertools.py")),
    },
    PythonModule {
        name: "operator",
        source: include_str!(concat!(env!("OUT_DIR"), "/operator.py")),
    },
    PythonModule {
        name: "heapq",
        source: include_str!(concat!(env!("OUT_DIR"), "/heapq.py")),
    },
    PythonModule {
        name: "bisect",
        source: include_str!(concat!(env!("OUT_DIR"), "/bisect.py")),
    },
    PythonModule {
        name: "copy",
        source: include_str!(concat!(env!("OUT_DIR"), "/copy.py")),
    },
    PythonModule {
        name: "inspect",
        source: include_str!(concat!(env!("OUT_DIR"), "/inspect.py")),
    },
    PythonModule {
        name: "io",
        source: include_str!(concat!(env!("OUT_DIR"), "/io.py")),
    },
    PythonModule {
        name: "json",
        source: include_str!(concat!(env!("OUT_DIR"), "/json.py")),
    },
    PythonModule {
        name: "traceback",
        source: include_str!(concat!(env!("OUT_DIR"), "/traceback.py")),
    },
    PythonModule {
        name: "collections",
        source: include_str!(concat!(env!("OUT_DIR"), "/collections.py")),
    },
    PythonModule {
        name: "enum",
        source: include_str!(concat!(env!("OUT_DIR"), "/enum.py")),
    },
    PythonModule {
        name: "abc",
        source: include_str!(concat!(env!("OUT_DIR"), "/abc.py")),
    },
    PythonModule {
        name: "types",
        source: include_str!(concat!(env!("OUT_DIR"), "/types.py")),
    },
    PythonModule {
        name: "string",
        source: include_str!(concat!(env!("OUT_DIR"), "/string.py")),
    },
    PythonModule {
        name: "textwrap",
        source: include_str!(concat!(env!("OUT_DIR"), "/textwrap.py")),
    },
    PythonModule {
        name: "struct",
        source: include_str!(concat!(env!("OUT_DIR"), "/struct.py")),
    },
    PythonModule {
        name: "time",
        source: include_str!(concat!(env!("OUT_DIR"), "/time.py")),
    },
    PythonModule {
        name: "re",
        source: include_str!(concat!(env!("OUT_DIR"), "/re.py")),
    },
    PythonModule {
        name: "datetime",
        source: include_str!(concat!(env!("OUT_DIR"), "/datetime.py")),
    },
    PythonModule {
        name: "_sysinfo",
        source: include_str!(concat!(env!("OUT_DIR"), "/_sysinfo.py")),
    },
    PythonModule {
        name: "pprint",
        source: include_str!(concat!(env!("OUT_DIR"), "/pprint.py")),
    },
    PythonModule {
        name: "numbers",
        source: include_str!(concat!(env!("OUT_DIR"), "/numbers.py")),
    },
    PythonModule {
        name: "base64",
        source: include_str!(concat!(env!("OUT_DIR"), "/base64.py")),
    },
    PythonModule {
        name: "html",
        source: include_str!(concat!(env!("OUT_DIR"), "/html.py")),
    },
    PythonModule {
        name: "hashlib",
        source: include_str!(concat!(env!("OUT_DIR"), "/hashlib.py")),
    },
    PythonModule {
        name: "urllib",
        source: include_str!(concat!(env!("OUT_DIR"), "/urllib.py")),
    },
    PythonModule {
        name: "urllib.parse",
        source: include_str!(concat!(env!("OUT_DIR"), "/urllib_parse.py")),
    },
    PythonModule {
        name: "fractions",
        source: include_str!(concat!(env!("OUT_DIR"), "/fractions.py")),
    },
    PythonModule {
        name: "csv",
        source: include_str!(concat!(env!("OUT_DIR"), "/csv.py")),
    },
    PythonModule {
        name: "statistics",
        source: include_str!(concat!(env!("OUT_DIR"), "/statistics.py")),
    },
    PythonModule {
        name: "signal",
        source: include_str!(concat!(env!("OUT_DIR"), "/signal.py")),
    },
    PythonModule {
        name: "collections.abc",
        source: include_str!(concat!(env!("OUT_DIR"), "/collections_abc.py")),
    },
];

/// The module named `name`, if it is written in Python.
pub(crate) fn python_module(name: &str) -> Option<PythonModule> {
    PYTHON_MODULES.into_iter().find(|m| m.name == name)
}

/// The file name its frames carry (`<logging>`): hidden, like the prelude's `<asyncio>`.
pub(crate) fn filename(module: PythonModule) -> String {
    format!("<{}>", module.name)
}

/// Its syntax tree, parsed once per thread (the tree never changes; the interpreter only reads
/// it).
pub(crate) fn tree(module: PythonModule) -> Result<Rc<ast::Module>, SyntaxError> {
    thread_local! {
        static TREES: RefCell<FxHashMap<&'static str, Rc<ast::Module>>> =
            RefCell::new(FxHashMap::default());
    }
    if let Some(tree) = TREES.with(|trees| trees.borrow().get(module.name).cloned()) {
        return Ok(tree);
    }
    let tree = Rc::new(syntax::parse_module(module.source, &filename(module))?);
    TREES.with(|trees| trees.borrow_mut().insert(module.name, tree.clone()));
    Ok(tree)
}

/// What a marked line of a hidden file shows in a traceback: CPython's file, line (0: the line
/// the frame set with `sys._aio_tb_line`, for code CPython generates), source text (none for
/// `<string>`), and whether that text is the marked line's own (so its carets fit).
#[derive(Debug, Clone)]
pub(crate) struct TbMarker {
    pub file: Rc<str>,
    pub line: u32,
    pub text: Option<Rc<str>>,
    pub exact: bool,
}

/// A hidden file's markers, by its line.
pub(crate) type TbMarkers = FxHashMap<u32, TbMarker>;

/// The markers of the hidden file `filename` (the prelude or a module above), read once per
/// thread; `None` for any other file.
pub(crate) fn tb_markers(filename: &str) -> Option<Rc<TbMarkers>> {
    thread_local! {
        static MARKERS: RefCell<FxHashMap<String, Rc<TbMarkers>>> =
            RefCell::new(FxHashMap::default());
    }
    if let Some(markers) = MARKERS.with(|all| all.borrow().get(filename).cloned()) {
        return Some(markers);
    }
    let source = if filename == crate::asyncio::PRELUDE_FILE {
        crate::asyncio::PRELUDE
    } else {
        PYTHON_MODULES
            .into_iter()
            .find(|m| self::filename(*m) == filename)?
            .source
    };
    let markers = Rc::new(read_tb_markers(source));
    MARKERS.with(|all| {
        all.borrow_mut()
            .insert(filename.to_owned(), markers.clone())
    });
    Some(markers)
}

/// Reads the `# tb: file.py:N [CPython's source text when it differs]` markers of a source.
fn read_tb_markers(source: &str) -> TbMarkers {
    let mut map = FxHashMap::default();
    for (i, line) in source.lines().enumerate() {
        let Some((code, marker)) = line.split_once("# tb: ") else {
            continue;
        };
        let Some((file, rest)) = marker.trim().split_once(':') else {
            continue;
        };
        let indent = &code[..code.len() - code.trim_start().len()];
        // CPython's text, when given, still takes the carets if it starts with the code (a
        // comment of CPython's after the same statement).
        let (n, text, exact) = match rest.split_once(' ') {
            Some((n, t)) => {
                // (or when it is the start of the code: CPython's statement goes on to the
                // next line, `x = f(a) - \`)
                let continued = t.trim_end_matches('\\').trim_end();
                let same = !code.trim().is_empty()
                    && (t.starts_with(code.trim()) || code.trim().starts_with(continued));
                (n, Some(format!("{indent}{t}")), same)
            }
            None => (rest, Some(code.trim_end().to_string()), true),
        };
        // `*`: the line the frame says it is at (`sys._aio_tb_line`), stored as 0.
        let n = if n == "*" { "0" } else { n };
        let Ok(n) = n.parse::<u32>() else { continue };
        // Code that CPython made with `exec` has no source to show.
        let text = if file.starts_with('<') { None } else { text };
        map.insert(
            i as u32 + 1,
            TbMarker {
                file: Rc::from(file),
                line: n,
                text: text.map(|t| Rc::from(t.as_str())),
                exact,
            },
        );
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every module parses (a syntax error would only show on its first import).
    #[test]
    fn every_python_module_parses() {
        for module in PYTHON_MODULES {
            if let Err(error) = tree(module) {
                panic!("{}: {}", module.name, error.render());
            }
        }
    }

    #[test]
    fn markers_name_cpython_frames() {
        let markers = read_tb_markers(
            "x = 1\n    raise E  # tb: tasks.py:650\n    f()  # tb: base.py:12 f(*args)\n    g()  # tb: <string>:4\n",
        );
        assert_eq!(markers[&2].line, 650);
        assert_eq!(markers[&2].text.as_deref(), Some("    raise E"));
        assert!(markers[&2].exact);
        assert_eq!(markers[&3].text.as_deref(), Some("    f(*args)"));
        assert!(!markers[&3].exact);
        assert_eq!(&*markers[&4].file, "<string>");
        assert_eq!(markers[&4].text, None);
        assert!(!markers.contains_key(&1));
    }
}
