//! Directive in, placeholder or error out.

use super::*;

/// A chapter at the top of a book whose source folder is `tests/fixtures/lab/src`.
fn files() -> ChapterFiles {
    ChapterFiles {
        src: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lab/src"),
        chapter_dir: PathBuf::new(),
    }
}

fn expand(content: &str) -> std::result::Result<String, DirectiveError> {
    super::expand(content, &files(), Lang::En).map(|html| visible(&html))
}

/// The fallback as a reader sees it: text kept out of the search index (`data-aio-text`, drawn by
/// the stylesheet) put back as the element's text, and `scope` left out of table headers.
fn visible(html: &str) -> String {
    const ATTRIBUTE: &str = " data-aio-text=\"";
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..at]);
        let value_start = at + ATTRIBUTE.len();
        let value_end = value_start + rest[value_start..].find('"').expect("a closing quote");
        let after = &rest[value_end + 1..];
        assert!(
            after.starts_with("></"),
            "text drawn by CSS in an empty element: {after}"
        );
        out.push('>');
        out.push_str(&rest[value_start..value_end]);
        rest = &after[1..];
    }
    out.push_str(rest);
    out.replace(" scope=\"col\"", "")
}

/// Fallback text never reaches mdBook's search index as prose: outputs and tables are drawn from
/// attributes.
#[test]
fn fallback_outputs_and_tables_stay_out_of_the_search_index() {
    let raw = super::expand("{{#asyncio-example examples/hello.py}}", &files(), Lang::En).unwrap();
    assert!(!raw.contains(">[0.10] world"), "{raw}");
    assert!(raw.contains("data-aio-text=\"[0.10] world&#10;\""), "{raw}");
    assert!(!raw.contains("<td>Task-1</td>"), "{raw}");
}

/// Expands `input` and returns the one placeholder's props JSON, decoded.
fn props_of(input: &str) -> serde_json::Value {
    let html = expand(input).unwrap_or_else(|error| panic!("{input:?} failed: {error}"));
    let start = html.find("data-aio-props=\"").expect("a placeholder") + "data-aio-props=\"".len();
    let end = start + html[start..].find('"').unwrap();
    let json = html[start..end]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

#[test]
fn directives_become_placeholders_with_props() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#timeline-lab fetch_url=1.0 read_file=1.0}}",
            r#"{"tasks":[{"name":"fetch_url","seconds":1.0},{"name":"read_file","seconds":1.0}],"view":{"show":"all"}}"#,
        ),
        (
            "Text before.\n{{#timeline-lab   tea_1=2 tea_2=.5   show=gather }}\nText after.",
            r#"{"tasks":[{"name":"tea_1","seconds":2.0},{"name":"tea_2","seconds":0.5}],"view":{"show":"one","strategy":"gather"}}"#,
        ),
        (
            "{{#timeline-lab a=0 show=all}}",
            r#"{"tasks":[{"name":"a","seconds":0.0}],"view":{"show":"all"}}"#,
        ),
    ];
    for (input, expected) in cases {
        let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(props_of(input), expected, "{input}");
    }
}

#[test]
fn the_placeholder_is_one_html_block_with_a_fallback() {
    let html = expand("Before\n{{#timeline-lab fetch_url=1.0 read_file=0.5}}\nAfter").unwrap();
    let block = html.lines().find(|line| line.starts_with("<div")).unwrap();
    assert!(
        html.starts_with("Before\n\n\n<div class=\"aio-widget\" data-aio-widget=\"timeline-lab\"")
    );
    assert!(html.ends_with("</div></div>\n\n\nAfter"), "{html}");
    // Markdown would end the HTML block at a blank line, so the whole placeholder is one line.
    assert_eq!(html.matches("<div class=\"aio-widget\"").count(), 1);
    assert!(block.ends_with("</div></div>"));
    for strategy in ["sequential", "create_task", "gather"] {
        assert!(
            block.contains(&format!("data-strategy=\"{strategy}\"")),
            "{strategy}"
        );
    }
    assert!(block.contains("<pre><code class=\"language-python\">import asyncio&#10;"));
    assert!(block.contains("await asyncio.gather(fetch_url(), read_file())"));
    assert!(
        block.contains("predicted total 1.50 s"),
        "sequential is the sum"
    );
    assert!(
        block.contains("predicted total 1.00 s"),
        "create_task and gather are the max"
    );
    assert!(block.contains("<svg class=\"aio-fallback-chart\" role=\"img\""));
    assert!(block.contains("<tr><td>read_file</td><td>1.00</td><td>1.50</td></tr>"));
}

#[test]
fn text_without_directives_is_untouched() {
    for input in [
        "",
        "# Title\n\nNo widget here.",
        "{{#include examples/a.py}}",
        "{{#timeline}}",
    ] {
        assert_eq!(expand(input).unwrap(), input);
    }
}

#[test]
fn an_escaped_directive_stays_text() {
    assert_eq!(
        expand(r"Write \{{#timeline-lab a=1}} in a chapter.").unwrap(),
        "Write {{#timeline-lab a=1}} in a chapter."
    );
}

/// `(chapter, expected error)`: each names the line and says what to fix.
#[test]
fn bad_directives_are_refused_with_the_line() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#timeline-lab}}",
            "line 1: timeline-lab: a lab needs 1 to 8 tasks, not 0",
        ),
        (
            "\n\n{{#timeline-lab fetch_url}}",
            "line 3: expected `name=seconds`, found `fetch_url`",
        ),
        (
            "{{#timeline-lab a=-1}}",
            "line 1: `a=-1`: A duration cannot be negative.",
        ),
        (
            "{{#timeline-lab a=soon}}",
            "line 1: `a=soon`: That is not a number of seconds",
        ),
        (
            "{{#timeline-lab a=61}}",
            "line 1: `a=61`: Keep it at 60 seconds or less.",
        ),
        (
            "{{#timeline-lab 2fast=1}}",
            "line 1: timeline-lab: `2fast` is not a Python name",
        ),
        (
            "{{#timeline-lab a=1 a=2}}",
            "line 1: timeline-lab: Two tasks are called `a`.",
        ),
        (
            "{{#timeline-lab main=1}}",
            "line 1: timeline-lab: `main` is already taken",
        ),
        (
            "{{#timeline-lab a=1 show=fast}}",
            "line 1: `show=fast`: choose all, sequential",
        ),
        (
            "x\n{{#timeline-lab a=1",
            "line 2: `{{#timeline-lab` is never closed with `}}`",
        ),
        (
            "{{#timeline-lab a=1\nb=2}}",
            "line 1: `{{#timeline-lab …}}` must stay on one line",
        ),
    ];
    let nine = format!(
        "{{{{#timeline-lab {}}}}}",
        (1..=9).map(|i| format!("t{i}=1 ")).collect::<String>()
    );
    let nine_error = "line 1: timeline-lab: a lab needs 1 to 8 tasks, not 9".to_owned();
    let mut all: Vec<(String, String)> = cases
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    all.push((nine, nine_error));
    for (input, expected) in all {
        let error = expand(&input).expect_err(&input).to_string();
        assert!(
            error.starts_with(&expected),
            "{input:?}\n  got: {error}\n want: {expected}"
        );
    }
}

#[test]
fn task_names_cannot_inject_markup() {
    // Names are Python identifiers, so `<` never reaches the page; the escaping is a second wall.
    assert!(expand("{{#timeline-lab <b>=1}}").is_err());
    assert_eq!(
        fallback::escape("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn run_names_the_chapter_and_line_of_a_bad_directive() {
    let input = r##"[
        {"root": "/book", "config": {"book": {"title": "t", "src": "src"}}, "renderer": "html", "mdbook_version": "0.5.4"},
        {"items": [
            {"Chapter": {"name": "Intro", "content": "Fine\n\n{{#timeline-lab a=1}}", "number": null, "sub_items": [], "path": "intro.md", "source_path": "intro.md", "parent_names": []}},
            {"Chapter": {"name": "Tasks", "content": "One\nTwo\n{{#timeline-lab a=x}}", "number": null, "sub_items": [], "path": "tasks.md", "source_path": "tasks.md", "parent_names": []}}
        ]}
    ]"##;
    let (ctx, book) = mdbook_preprocessor::parse_input(input.as_bytes()).unwrap();
    let error = AioPreprocessor.run(&ctx, book).unwrap_err().to_string();
    assert!(
        error.starts_with("src/tasks.md:3: `a=x`: That is not a number"),
        "{error}"
    );
    assert!(!error.contains("intro.md"), "{error}");
}

#[test]
fn an_example_becomes_a_placeholder_with_code_and_predicted_output() {
    let html = expand("{{#asyncio-example examples/hello.py}}").unwrap();
    let props = props_of("{{#asyncio-example examples/hello.py}}");
    assert_eq!(props["id"], "examples/hello.py");
    assert_eq!(props["filename"], "hello.py");
    assert!(
        props["source"]
            .as_str()
            .unwrap()
            .starts_with("import asyncio\n")
    );
    assert!(html.contains("data-aio-widget=\"asyncio-example\""));
    assert!(html.contains("<pre><code class=\"language-python hljs nohighlight\"><span class=\"hljs-keyword\">import</span> asyncio&#10;"), "{html}");
    // The engine ran it at build time: the output is there, with its virtual time.
    assert!(
        html.contains(
            "<pre class=\"aio-fallback-output\"><span>[0.00] hello&#10;</span><span>[0.10] world&#10;</span></pre>"
        ),
        "{html}"
    );
    assert!(html.contains("last line at 0.10 s"), "{html}");
    // The timing helper is folded, as the editor shows it; it opens without JavaScript.
    assert!(
        html.contains("<details class=\"aio-fallback-fold\"><summary>2 lines: the timing helpers ts()</summary><pre><code class=\"language-python hljs nohighlight\"><span class=\"hljs-keyword\">def</span> "),
        "{html}"
    );
    // The tasks of the run, as lanes: the main task waits on its sleep, then finishes.
    assert!(
        html.contains(
            "<tr><td>Task-1</td><td>main</td><td>0.00</td><td>0.10</td><td>finished</td></tr>"
        ),
        "{html}"
    );
    assert!(html.contains("class=\"aio-chart-wait\""), "{html}");
}

#[test]
fn an_exercise_keeps_its_kind_and_folds_the_answer() {
    let plain = props_of("{{#asyncio-example examples/hello.py}}");
    assert!(plain.get("predict").is_none(), "{plain}");
    for kind in ["total", "order", "both"] {
        let input = format!("{{{{#asyncio-example examples/hello.py predict={kind}}}}}");
        assert_eq!(props_of(&input)["predict"], kind);
        let html = expand(&input).unwrap();
        // The code is in plain sight, the output only inside the folded answer.
        let code = html.find("<pre><code").unwrap();
        let details = html
            .find("<details class=\"aio-fallback-answer\">")
            .unwrap();
        let output = html.find("<pre class=\"aio-fallback-output\">").unwrap();
        let end = details + html[details..].find("</details>").unwrap();
        assert!(code < details && details < output && output < end, "{html}");
        assert!(html.contains("Predict, then run"), "{html}");
    }
}

#[test]
fn bad_example_directives_are_refused_with_the_line() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#asyncio-example}}",
            "line 1: name the program: `{{#asyncio-example examples/hello.py}}`",
        ),
        (
            "{{#asyncio-example notes.txt}}",
            "line 1: `notes.txt` is not a .py file",
        ),
        (
            "{{#asyncio-example a.py b.py}}",
            "line 1: one path only, found another argument `b.py`",
        ),
        (
            "{{#asyncio-example examples/hello.py predict=time}}",
            "line 1: `predict=time`: choose predict=total or predict=order",
        ),
        (
            "\n\n{{#asyncio-example examples/hello.py show=all}}",
            "line 3: unknown option `show` in `show=all`; the only option is predict=total|order",
        ),
        (
            "{{#asyncio-example examples/hello.py predict=total predict=order}}",
            "line 1: `predict=order`: `predict=` is given twice",
        ),
        (
            "{{#asyncio-example predict=total examples/hello.py}}",
            "line 1: name the program before the options: `{{#asyncio-example examples/hello.py predict=total}}`",
        ),
        (
            "\n{{#asyncio-example examples/missing.py}}",
            "line 2: cannot read `examples/missing.py` (looked for src/examples/missing.py)",
        ),
    ];
    for (input, expected) in cases {
        let error = expand(input).expect_err(input).to_string();
        assert!(
            error.starts_with(expected),
            "{input:?}\n  got: {error}\n want: {expected}"
        );
    }
}

#[test]
fn a_compare_lab_becomes_a_placeholder_with_its_workload() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#compare-lab jobs=4 io=1 cpu=0 workers=4 cores=2}}",
            r#"{"jobs":4,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#,
        ),
        (
            "{{#compare-lab cpu=0.5 jobs=6}}",
            r#"{"jobs":6,"io":1.0,"cpu":0.5,"workers":4,"cores":2}"#,
        ),
        (
            "{{#compare-lab}}",
            r#"{"jobs":4,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#,
        ),
    ];
    for (input, expected) in cases {
        let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(props_of(input), expected, "{input}");
    }
}

/// `(directive, a row the fallback's table must hold)`: the totals come from `aio_core::compare`.
#[test]
fn the_compare_fallback_is_a_table_of_totals() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#compare-lab jobs=4 io=1 cpu=0 workers=4 cores=2}}",
            "<tr data-model=\"sequential\"><td>Sequential</td><td>4.000</td><td>the baseline</td>",
        ),
        (
            "{{#compare-lab jobs=4 io=1 cpu=0 workers=4 cores=2}}",
            "<tr data-model=\"asyncio\"><td>asyncio (coroutines) (fastest)</td><td>1.000</td><td>4.0× faster</td>",
        ),
        (
            "{{#compare-lab jobs=4 io=0 cpu=1 workers=4 cores=2}}",
            "<tr data-model=\"threads\"><td>Threads</td><td>4.000</td><td>the same</td>",
        ),
        (
            "{{#compare-lab jobs=4 io=0 cpu=1 workers=4 cores=2}}",
            "<tr data-model=\"processes\"><td>Processes (fastest)</td><td>2.015</td><td>2.0× faster</td>",
        ),
    ];
    for (input, row) in cases {
        let html = expand(input).unwrap();
        assert_eq!(html.lines().filter(|l| l.starts_with("<div")).count(), 1);
        assert!(html.contains("data-aio-widget=\"compare-lab\""), "{html}");
        assert!(html.contains(row), "{input}: no {row}\n{html}");
    }
}

#[test]
fn bad_compare_labs_are_refused_with_the_line() {
    let cases: &[(&str, &str)] = &[
        (
            "{{#compare-lab jobs}}",
            "line 1: expected `field=value` with field jobs, io, cpu, workers or cores, found `jobs`",
        ),
        (
            "{{#compare-lab threads=4}}",
            "line 1: expected `field=value` with field jobs, io, cpu, workers or cores, found `threads=4`",
        ),
        (
            "\n{{#compare-lab jobs=0}}",
            "line 2: `jobs=0`: Jobs: choose from 1 to 12.",
        ),
        (
            "{{#compare-lab io=-1}}",
            "line 1: `io=-1`: Waiting (I/O) per job, s: A duration cannot be negative.",
        ),
        (
            "{{#compare-lab cores=2.5}}",
            "line 1: `cores=2.5`: Cores: enter a whole number, like 4.",
        ),
        (
            "{{#compare-lab jobs=2 jobs=3}}",
            "line 1: `jobs=3`: `jobs=` is given twice",
        ),
    ];
    for (input, expected) in cases {
        let error = expand(input).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{input}: {error}");
    }
}

#[test]
fn a_loop_stepper_is_an_example_opened_on_its_steps() {
    let input = "{{#loop-stepper examples/hello.py}}";
    let props = props_of(input);
    assert_eq!(props["id"], "examples/hello.py");
    assert_eq!(props["stepper"], true);
    assert!(
        props_of("{{#asyncio-example examples/hello.py}}")
            .get("stepper")
            .is_none()
    );
    let html = expand(input).unwrap();
    assert!(
        html.contains("data-aio-widget=\"asyncio-example\""),
        "{html}"
    );
    // The fallback lists the steps in words: the loop starts with main's first step queued,
    // main pauses on its sleep, the clock jumps to the timer.
    let table = &html[html.find("aio-fallback-steps").expect("a steps table")..];
    let rows: Vec<&str> = table.split("<tr><td>").skip(1).collect();
    assert!(
        rows[0].starts_with("1</td><td>0.00</td><td>The program called asyncio.run()"),
        "{}",
        rows[0]
    );
    assert!(
        rows[0].contains("<td>step of Task-1</td><td>(empty)</td>"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("Task-1 (main) runs until it awaits sleep until 0.1 at line"),
        "{}",
        rows[1]
    );
    assert!(rows[2].starts_with("3</td><td>0.10</td>"), "{}", rows[2]);
    for (input, expected) in [
        (
            "{{#loop-stepper}}",
            "line 1: name the program: `{{#loop-stepper examples/loop_callbacks.py}}`",
        ),
        (
            "{{#loop-stepper a.txt}}",
            "line 1: `a.txt` is not a .py file",
        ),
        (
            "{{#loop-stepper a.py predict=total}}",
            "line 1: `{{#loop-stepper …}}` takes one path only, found another argument `predict=total`",
        ),
        (
            "\n{{#loop-stepper examples/missing.py}}",
            "line 2: cannot read `examples/missing.py`",
        ),
    ] {
        let error = expand(input).expect_err(input).to_string();
        assert!(
            error.starts_with(expected),
            "{input:?}\n  got: {error}\n want: {expected}"
        );
    }
}
