//! Data-driven tests of the front end: tree dumps for valid programs, CPython's messages and
//! positions for invalid ones, the 15 reference programs, and never-panic property tests.

use super::parse_module;

/// The 15 reference programs of the shared oracle corpus.
const REFERENCE_PROGRAMS: &[(&str, &str)] = &[
    (
        "p01",
        include_str!("../../../../../shared/asyncio-reference/p01_milk_tea.py"),
    ),
    (
        "p02",
        include_str!("../../../../../shared/asyncio-reference/p02_hello_coroutine.py"),
    ),
    (
        "p03",
        include_str!("../../../../../shared/asyncio-reference/p03_forgot_create_task.py"),
    ),
    (
        "p04",
        include_str!("../../../../../shared/asyncio-reference/p04_download_images.py"),
    ),
    (
        "p05",
        include_str!("../../../../../shared/asyncio-reference/p05_fetch_five_urls.py"),
    ),
    (
        "p06",
        include_str!("../../../../../shared/asyncio-reference/p06_say_hello.py"),
    ),
    (
        "p07",
        include_str!("../../../../../shared/asyncio-reference/p07_fetch_data_tasks.py"),
    ),
    (
        "p08",
        include_str!("../../../../../shared/asyncio-reference/p08_gather_return_exceptions.py"),
    ),
    (
        "p09",
        include_str!("../../../../../shared/asyncio-reference/p09_fetch_url_read_file.py"),
    ),
    (
        "p10",
        include_str!("../../../../../shared/asyncio-reference/p10_not_awaited.py"),
    ),
    (
        "p11",
        include_str!("../../../../../shared/asyncio-reference/p11_get_user.py"),
    ),
    (
        "p12",
        include_str!("../../../../../shared/asyncio-reference/p12_task_a_b.py"),
    ),
    (
        "p13",
        include_str!("../../../../../shared/asyncio-reference/p13_blocking_pitfall.py"),
    ),
    (
        "p14",
        include_str!("../../../../../shared/asyncio-reference/p14_timeouts.py"),
    ),
    (
        "p15",
        include_str!("../../../../../shared/asyncio-reference/p15_nested_run.py"),
    ),
];

#[test]
fn every_reference_program_parses() {
    for (name, source) in REFERENCE_PROGRAMS {
        if let Err(e) = parse_module(source, name) {
            panic!("{name} failed to parse:\n{}", e.render());
        }
    }
}
