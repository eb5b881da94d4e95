//! The comparison lab's model: one workload run four ways (plain sequential code, asyncio, a
//! thread pool, a process pool), with the total time and a timeline for each.
//!
//! A [`Workload`] is `jobs` identical jobs; each first waits `io` seconds (a download, a query:
//! nothing for the CPU to do) and then computes for `cpu` seconds of pure-Python work. Pools have
//! `workers` workers; the machine has `cores` cores.
//!
//! **Sequential and asyncio come from the engine.** There is no second model of asyncio's timing
//! in the workspace: [`python_code`] writes the program a reader would run, where the computation
//! is `time.sleep(COMPUTE)`. That is faithful: like computation, `time.sleep` holds the one thread
//! the event loop runs on, so nothing else runs meanwhile, and the engine advances its virtual
//! clock by exactly that much. The program prints when each job starts waiting, starts computing
//! and is done; the spans are read off the virtual times of those lines, as [`crate::lab`] does.
//!
//! **Threads and processes are a small discrete-event simulation** ([`simulate_pool`]), because
//! they are not asyncio. Its rules and simplifications:
//!
//! - A pool hands the jobs out in order; a worker takes the next one as soon as it is free. Only
//!   `min(workers, jobs)` workers are ever started.
//! - Waiting overlaps freely: a thread waiting for I/O has let go of the GIL, a process waiting
//!   uses no core.
//! - Threads share one GIL. When `k` threads want to compute, CPython hands the GIL round every
//!   switch interval (5 ms), so over any stretch longer than a few milliseconds each progresses
//!   at `1/k` of full speed. The simulation uses that fluid limit: it draws the stretch with its
//!   share, not every 5 ms slice, and it ignores the cost of the hand-overs themselves.
//! - Processes each have their own GIL; `k` computing processes on `cores` cores each progress at
//!   `min(1, cores/k)` of full speed.
//! - Starting a worker costs [`THREAD_START`] or [`PROCESS_START`] seconds before its first job;
//!   workers start together. Pickling arguments and results for a process is not counted.
//!
//! The constants were checked once against CPython 3.11.7 on Linux (a 2-core machine shared with
//! other jobs, so the CPU-bound figures were noisy): 4 jobs sleeping 0.5 s took 2.01 s one by one,
//! 0.51 s in 4 threads and 0.53 s in 4 processes (fork); 4 jobs of 0.5 s of pure-Python loop took
//! 1.17 s one by one and 1.46 s in 4 threads (the GIL: no faster); 4 jobs of 1 ms of computation
//! took 0.001 s one by one, 0.005 s in threads and 0.035 s in processes (start-up). Starting and
//! joining a thread took 90 to 310 µs; a process, 4.7 ms with fork and about 0.5 s with spawn.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::lab::{DurationError, check_seconds, parse_seconds, python_seconds};

/// The most jobs a workload holds: enough to see the pattern, few enough lanes to read.
pub const MAX_JOBS: u32 = 12;
/// The largest pool.
pub const MAX_WORKERS: u32 = 12;
/// The most cores a reader may give the machine.
pub const MAX_CORES: u32 = 16;

/// Seconds to start one worker thread before it takes its first job. Starting and joining a
/// thread measured 90 to 310 µs on a loaded machine; this is the order of magnitude.
pub const THREAD_START: f64 = 0.0001;

/// Seconds to start one worker process before it takes its first job: a new interpreter. With
/// `fork` (Linux's default before Python 3.14) a pool's first result came after 13 ms here; with
/// `spawn` (the default on macOS and Windows) it takes tens to hundreds of milliseconds more,
/// because the child imports everything again.
pub const PROCESS_START: f64 = 0.015;

/// CPython's default switch interval (`sys.getswitchinterval()`): how long a thread may keep the
/// GIL when another thread wants it. Only used in the words shown to the reader; the simulation
/// takes its fluid limit.
pub const SWITCH_INTERVAL: f64 = 0.005;

/// What the reader sets: the same jobs for every model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    /// How many identical jobs.
    pub jobs: u32,
    /// Seconds each job waits for I/O.
    pub io: f64,
    /// Seconds of pure-Python computation per job.
    pub cpu: f64,
    /// Pool size for threads and processes.
    pub workers: u32,
    /// Cores of the machine.
    pub cores: u32,
}

impl Default for Workload {
    fn default() -> Workload {
        Workload {
            jobs: 4,
            io: 1.0,
            cpu: 0.0,
            workers: 4,
            cores: 2,
        }
    }
}

/// One of the workload's numbers, to say which one is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// [`Workload::jobs`].
    Jobs,
    /// [`Workload::io`].
    Io,
    /// [`Workload::cpu`].
    Cpu,
    /// [`Workload::workers`].
    Workers,
    /// [`Workload::cores`].
    Cores,
}

impl Field {
    /// Every field, in the order the widget shows them.
    pub const ALL: [Field; 5] = [
        Field::Jobs,
        Field::Io,
        Field::Cpu,
        Field::Workers,
        Field::Cores,
    ];

    /// The directive's and the JSON's name for it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Jobs => "jobs",
            Field::Io => "io",
            Field::Cpu => "cpu",
            Field::Workers => "workers",
            Field::Cores => "cores",
        }
    }

    /// What a label calls it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Jobs => Msg::CompareFieldJobs,
            Field::Io => Msg::CompareFieldIo,
            Field::Cpu => Msg::CompareFieldCpu,
            Field::Workers => Msg::CompareFieldWorkers,
            Field::Cores => Msg::CompareFieldCores,
        }
        .text(lang)
    }

    /// The field named `key`, if any.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }

    /// The largest value a count field accepts; `None` for the durations.
    fn max_count(self) -> Option<u32> {
        match self {
            Field::Jobs => Some(MAX_JOBS),
            Field::Workers => Some(MAX_WORKERS),
            Field::Cores => Some(MAX_CORES),
            Field::Io | Field::Cpu => None,
        }
    }

    /// The field's value in `workload`, as the widget shows it.
    pub fn text(self, workload: &Workload) -> String {
        match self {
            Field::Jobs => workload.jobs.to_string(),
            Field::Io => python_seconds(workload.io),
            Field::Cpu => python_seconds(workload.cpu),
            Field::Workers => workload.workers.to_string(),
            Field::Cores => workload.cores.to_string(),
        }
    }
}

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkloadError {
    /// A count that is not a whole number.
    NotACount(Field),
    /// A count outside `1..=max`.
    CountRange(Field, u32),
    /// A duration that is unusable.
    Duration(Field, DurationError),
}

impl WorkloadError {
    /// What the reader is told, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match self {
            WorkloadError::NotACount(field) => {
                Msg::CompareNotACount.fill(lang, &[("field", &field.label(lang))])
            }
            WorkloadError::CountRange(field, max) => {
                Msg::CompareCountRange.fill(lang, &[("field", &field.label(lang)), ("max", &max)])
            }
            WorkloadError::Duration(field, error) => Msg::CompareDurationError.fill(
                lang,
                &[
                    ("field", &field.label(lang)),
                    ("error", &error.message(lang)),
                ],
            ),
        }
    }
}

/// In English, the book's source language (directives and props are checked in it).
impl fmt::Display for WorkloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for WorkloadError {}

/// Reads what a reader typed for `field`, and stores it in `workload` if it is valid.
pub fn set_field(workload: &mut Workload, field: Field, text: &str) -> Result<(), WorkloadError> {
    match field.max_count() {
        Some(max) => {
            let text = text.trim();
            let count: u32 = if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
                // All digits: too many of them is a range error, not "not a number".
                text.parse().unwrap_or(u32::MAX)
            } else if text.starts_with('-') && text[1..].chars().all(|c| c.is_ascii_digit()) {
                return Err(WorkloadError::CountRange(field, max));
            } else {
                return Err(WorkloadError::NotACount(field));
            };
            if !(1..=max).contains(&count) {
                return Err(WorkloadError::CountRange(field, max));
            }
            match field {
                Field::Jobs => workload.jobs = count,
                Field::Workers => workload.workers = count,
                _ => workload.cores = count,
            }
        }
        None => {
            let seconds =
                parse_seconds(text).map_err(|error| WorkloadError::Duration(field, error))?;
            match field {
                Field::Io => workload.io = seconds,
                _ => workload.cpu = seconds,
            }
        }
    }
    Ok(())
}

/// Checks a whole workload that is already numbers (from a directive or JSON).
pub fn check(workload: &Workload) -> Result<(), WorkloadError> {
    for (field, count, max) in [
        (Field::Jobs, workload.jobs, MAX_JOBS),
        (Field::Workers, workload.workers, MAX_WORKERS),
        (Field::Cores, workload.cores, MAX_CORES),
    ] {
        if !(1..=max).contains(&count) {
            return Err(WorkloadError::CountRange(field, max));
        }
    }
    for (field, seconds) in [(Field::Io, workload.io), (Field::Cpu, workload.cpu)] {
        check_seconds(seconds).map_err(|error| WorkloadError::Duration(field, error))?;
    }
    Ok(())
}

/// A way to run the jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// A plain loop: one job after the other.
    Sequential,
    /// One task per job under `asyncio.gather`, on one thread.
    Asyncio,
    /// A `ThreadPoolExecutor` of `workers` threads.
    Threads,
    /// A `ProcessPoolExecutor` of `workers` processes.
    Processes,
}

impl Model {
    /// The models in the order the chapter's tables list them, the baseline first.
    pub const ALL: [Model; 4] = [
        Model::Sequential,
        Model::Asyncio,
        Model::Threads,
        Model::Processes,
    ];

    /// The stable key used in HTML attributes and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Model::Sequential => "sequential",
            Model::Asyncio => "asyncio",
            Model::Threads => "threads",
            Model::Processes => "processes",
        }
    }

    /// What a heading calls it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Model::Sequential => Msg::CompareModelSequential,
            Model::Asyncio => Msg::CompareModelAsyncio,
            Model::Threads => Msg::CompareModelThreads,
            Model::Processes => Msg::CompareModelProcesses,
        }
        .text(lang)
    }

    /// What its costs are, as in the chapter's tables, in `lang`.
    pub fn costs(self, lang: Lang) -> Costs {
        let [create, switch, memory, parallel] = match self {
            Model::Sequential => [
                Msg::CompareCostSequentialCreate,
                Msg::CompareCostSequentialSwitch,
                Msg::CompareCostSequentialMemory,
                Msg::CompareCostSequentialParallel,
            ],
            Model::Asyncio => [
                Msg::CompareCostAsyncioCreate,
                Msg::CompareCostAsyncioSwitch,
                Msg::CompareCostAsyncioMemory,
                Msg::CompareCostAsyncioParallel,
            ],
            Model::Threads => [
                Msg::CompareCostThreadsCreate,
                Msg::CompareCostThreadsSwitch,
                Msg::CompareCostThreadsMemory,
                Msg::CompareCostThreadsParallel,
            ],
            Model::Processes => [
                Msg::CompareCostProcessesCreate,
                Msg::CompareCostProcessesSwitch,
                Msg::CompareCostProcessesMemory,
                Msg::CompareCostProcessesParallel,
            ],
        }
        .map(|msg| msg.text(lang));
        Costs {
            create,
            switch,
            memory,
            parallel,
        }
    }
}

/// One row of the chapter's table, for one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    /// What it costs to create one.
    pub create: &'static str,
    /// What a switch between jobs costs.
    pub switch: &'static str,
    /// What memory each needs.
    pub memory: &'static str,
    /// Whether computation runs on several cores.
    pub parallel: &'static str,
}

/// What a lane is doing during a [`Segment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// A worker starting (a new thread or interpreter).
    Start,
    /// Waiting for I/O: no CPU needed.
    Wait,
    /// Ready to go on, but the one thread is busy with another job: an asyncio task whose sleep
    /// is over while another task computes.
    Ready,
    /// Computing; see [`Segment::share`].
    Compute,
}

impl Activity {
    /// The stable key used in CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Activity::Start => "start",
            Activity::Wait => "wait",
            Activity::Ready => "ready",
            Activity::Compute => "compute",
        }
    }
}

/// A stretch of one lane.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Segment {
    /// The job (0-based), or `None` for a worker starting and for the GIL lane.
    pub job: Option<usize>,
    /// What happens.
    pub activity: Activity,
    /// Seconds since the start.
    pub start: f64,
    /// Seconds since the start.
    pub end: f64,
    /// For computation: the fraction of a core the job gets (1 = full speed; 1/3 = it takes turns
    /// with two others). In the GIL lane: 1 over the number of threads taking turns. 1 otherwise.
    pub share: f64,
}

/// Whose lane it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    /// One job (sequential, asyncio: each job is its own call or task).
    Job,
    /// One worker of a pool.
    Worker,
    /// The threads' GIL: when it is held and by how many threads in turn.
    Gil,
}

/// One row of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lane {
    /// What the row is called: `job 0`, `thread 1`, `GIL`.
    pub label: String,
    /// Its kind.
    pub kind: LaneKind,
    /// Its segments in time order.
    pub segments: Vec<Segment>,
}

/// One model's result for a workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The model.
    pub model: Model,
    /// Seconds until the last job is done.
    pub total: f64,
    /// The timeline.
    pub lanes: Vec<Lane>,
}

/// Every model's result, in [`Model::ALL`] order, its lanes named in `lang`.
pub fn compare(workload: &Workload, lang: Lang) -> Vec<Outcome> {
    Model::ALL
        .into_iter()
        .map(|model| simulate(model, workload, lang))
        .collect()
}

/// One model's result, its lanes named in `lang`: the engine's for sequential and asyncio, the
/// pool simulation's for the others.
pub fn simulate(model: Model, workload: &Workload, lang: Lang) -> Outcome {
    match model {
        Model::Sequential | Model::Asyncio => run_in_engine(model, workload, lang),
        Model::Threads | Model::Processes => simulate_pool(model, workload, lang),
    }
}

/// The fastest models (several when they tie within a millisecond).
pub fn winners(outcomes: &[Outcome]) -> Vec<Model> {
    let best = outcomes
        .iter()
        .map(|o| o.total)
        .fold(f64::INFINITY, f64::min);
    outcomes
        .iter()
        .filter(|o| o.total - best < SAME_WITHIN)
        .map(|o| o.model)
        .collect()
}

/// Totals closer than this are the same to a reader: the lab shows them to the millisecond. The
/// fastest models and the comparison in words agree on it, so a model is never both "fastest"
/// and "slower".
pub const SAME_WITHIN: f64 = 0.0005;

/// How a model's total compares with the sequential one, in words in `lang`.
pub fn against_sequential(sequential: f64, total: f64, model: Model, lang: Lang) -> String {
    let word = |msg: Msg| msg.text(lang).to_owned();
    if model == Model::Sequential {
        return word(Msg::CompareBaseline);
    }
    if (total - sequential).abs() < SAME_WITHIN {
        return word(Msg::CompareSame);
    }
    if sequential <= 0.0 {
        return word(Msg::CompareSlower);
    }
    if total <= 0.0 {
        return word(Msg::CompareFaster);
    }
    let faster = total < sequential;
    let ratio = if faster {
        sequential / total
    } else {
        total / sequential
    };
    // A ratio that rounds to 1.0 would read as "1.0× slower".
    match (ratio < 1.05, faster) {
        (true, true) => word(Msg::CompareALittleFaster),
        (true, false) => word(Msg::CompareALittleSlower),
        (false, true) => Msg::CompareTimesFaster.fill(lang, &[("ratio", &format!("{ratio:.1}"))]),
        (false, false) => Msg::CompareTimesSlower.fill(lang, &[("ratio", &format!("{ratio:.1}"))]),
    }
}

/// The program a reader would run for `model`. For sequential and asyncio it is exactly what the
/// engine runs; for threads and processes it is the equivalent program to compare them with (the
/// engine has no threads), with a real pure-Python loop for the computation.
pub fn python_code(model: Model, workload: &Workload) -> String {
    let mut code = String::from(match model {
        Model::Sequential => "import time\n\n",
        Model::Asyncio => "import asyncio\nimport time\n\n",
        Model::Threads => "import time\nfrom concurrent.futures import ThreadPoolExecutor\n\n",
        Model::Processes => "import time\nfrom concurrent.futures import ProcessPoolExecutor\n\n",
    });
    code.push_str(&format!(
        "JOBS = {jobs}\nWAIT = {io}  # seconds of I/O per job\nCOMPUTE = {cpu}  # seconds of computation per job\n",
        jobs = workload.jobs,
        io = python_seconds(workload.io),
        cpu = python_seconds(workload.cpu),
    ));
    match model {
        Model::Sequential => code.push_str(
            "\n\ndef job(i):\n    \
             print(f\"job {i} waits\")\n    \
             time.sleep(WAIT)  # I/O: the program just waits\n    \
             print(f\"job {i} computes\")\n    \
             time.sleep(COMPUTE)  # stands for computation: it holds the one thread\n    \
             print(f\"job {i} done\")\n\n\n\
             for i in range(JOBS):\n    job(i)\n",
        ),
        Model::Asyncio => code.push_str(
            "\n\nasync def job(i):\n    \
             print(f\"job {i} waits\")\n    \
             await asyncio.sleep(WAIT)  # I/O: the loop runs other jobs meanwhile\n    \
             print(f\"job {i} computes\")\n    \
             time.sleep(COMPUTE)  # stands for computation: it holds the one thread\n    \
             print(f\"job {i} done\")\n\n\n\
             async def main():\n    \
             await asyncio.gather(*(job(i) for i in range(JOBS)))\n\n\n\
             asyncio.run(main())\n",
        ),
        Model::Threads | Model::Processes => {
            let pool = if model == Model::Threads {
                "ThreadPoolExecutor"
            } else {
                "ProcessPoolExecutor"
            };
            code.push_str(&format!(
                "WORKERS = {workers}\n\
                 LOOPS_PER_SECOND = 20_000_000  # roughly; measure it on your machine\n\n\n\
                 def compute(seconds):\n    \
                 total = 0\n    \
                 for n in range(int(seconds * LOOPS_PER_SECOND)):  # pure Python: needs the GIL\n        \
                 total += n\n    \
                 return total\n\n\n\
                 def job(i):\n    \
                 time.sleep(WAIT)  # I/O: {wait_note}\n    \
                 compute(COMPUTE)\n    \
                 return i\n\n\n",
                workers = workload.workers,
                wait_note = if model == Model::Threads {
                    "the thread lets go of the GIL"
                } else {
                    "the process uses no core"
                },
            ));
            if model == Model::Processes {
                // Processes must not start the pool again when `spawn` re-imports the module.
                code.push_str(&format!(
                    "if __name__ == \"__main__\":\n    \
                     with {pool}(max_workers=WORKERS) as pool:\n        \
                     print(list(pool.map(job, range(JOBS))))\n"
                ));
            } else {
                code.push_str(&format!(
                    "with {pool}(max_workers=WORKERS) as pool:\n    \
                     print(list(pool.map(job, range(JOBS))))\n"
                ));
            }
        }
    }
    code
}

/// Pushes a segment, or lengthens the last one when it continues it exactly.
fn push_segment(segments: &mut Vec<Segment>, segment: Segment) {
    if segment.end - segment.start <= 0.0 {
        return;
    }
    if let Some(last) = segments.last_mut()
        && last.job == segment.job
        && last.activity == segment.activity
        && (last.share - segment.share).abs() < 1e-12
        && (last.end - segment.start).abs() < 1e-12
    {
        last.end = segment.end;
        return;
    }
    segments.push(segment);
}

/// Runs [`python_code`] for sequential or asyncio in the engine and reads the timeline off the
/// virtual times of its `job N waits|computes|done` lines.
fn run_in_engine(model: Model, workload: &Workload, lang: Lang) -> Outcome {
    let run = crate::engine::run_program_to_end(
        &python_code(model, workload),
        "compare.py",
        crate::engine::Budgets::MODEL,
        false,
    );
    let jobs = workload.jobs as usize;
    // For each job: when it started waiting, started computing, was done.
    let mut marks = vec![[None::<f64>; 3]; jobs];
    let mut total: f64 = 0.0;
    for chunk in &run.output {
        for line in chunk.text.lines() {
            let mut words = line.split_whitespace();
            let (Some("job"), Some(index), Some(event)) =
                (words.next(), words.next(), words.next())
            else {
                continue;
            };
            let Some(job) = index.parse::<usize>().ok().filter(|&job| job < jobs) else {
                continue;
            };
            let slot = match event {
                "waits" => 0,
                "computes" => 1,
                "done" => 2,
                _ => continue,
            };
            marks[job][slot] = Some(chunk.time);
            total = total.max(chunk.time);
        }
    }
    let lanes = marks
        .iter()
        .enumerate()
        .map(|(job, [waits, computes, done])| {
            let mut segments = Vec::new();
            if let (Some(waits), Some(computes), Some(done)) = (*waits, *computes, *done) {
                // The sleep is over WAIT seconds after it began; if another job holds the thread
                // then, the task is ready but must wait for its turn.
                let woken = (waits + workload.io).min(computes);
                for (activity, start, end) in [
                    (Activity::Wait, waits, woken),
                    (Activity::Ready, woken, computes),
                    (Activity::Compute, computes, done),
                ] {
                    push_segment(
                        &mut segments,
                        Segment {
                            job: Some(job),
                            activity,
                            start,
                            end,
                            share: 1.0,
                        },
                    );
                }
            }
            Lane {
                label: Msg::CompareJob.fill(lang, &[("n", &job)]),
                kind: LaneKind::Job,
                segments,
            }
        })
        .collect();
    Outcome {
        model,
        total,
        lanes,
    }
}

/// What a pool's worker is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    /// Starting until this time.
    Starting(f64),
    /// Waiting for I/O for `job` until this time.
    Waiting(usize, f64),
    /// Computing `job`, with this many seconds of full-speed work left.
    Computing(usize, f64),
    /// No job left.
    Idle,
}

/// Below this, a duration or a remaining amount of work counts as zero (float rounding).
const EPSILON: f64 = 1e-9;

/// The threads' or processes' pool, simulated event by event (see the module doc for the rules),
/// its lanes named in `lang`.
pub fn simulate_pool(model: Model, workload: &Workload, lang: Lang) -> Outcome {
    let (capacity, start, name) = match model {
        Model::Processes => (
            f64::from(workload.cores),
            PROCESS_START,
            Msg::CompareProcess,
        ),
        _ => (1.0, THREAD_START, Msg::CompareThread),
    };
    let jobs = workload.jobs as usize;
    let workers = workload.workers.min(workload.jobs) as usize;
    let mut phases = vec![Phase::Starting(start); workers];
    let mut lanes: Vec<Lane> = (0..workers)
        .map(|worker| Lane {
            label: name.fill(lang, &[("n", &worker)]),
            kind: LaneKind::Worker,
            segments: Vec::new(),
        })
        .collect();
    let mut gil = Vec::new();
    let mut next_job = 0;
    let mut now = 0.0;
    // Moves a worker that finished a step on to the next one, taking new jobs from the queue.
    let advance = |phase: Phase, now: f64, next_job: &mut usize| -> Phase {
        let mut phase = phase;
        loop {
            phase = match phase {
                Phase::Starting(until) if until - now > EPSILON => return phase,
                Phase::Waiting(_, until) if until - now > EPSILON => return phase,
                Phase::Computing(_, left) if left > EPSILON => return phase,
                Phase::Idle => return phase,
                Phase::Waiting(job, _) => Phase::Computing(job, workload.cpu),
                Phase::Starting(_) | Phase::Computing(..) => {
                    if *next_job == jobs {
                        Phase::Idle
                    } else {
                        *next_job += 1;
                        Phase::Waiting(*next_job - 1, now + workload.io)
                    }
                }
            };
        }
    };
    for phase in &mut phases {
        *phase = advance(*phase, now, &mut next_job);
    }
    loop {
        let computing = phases
            .iter()
            .filter(|phase| matches!(phase, Phase::Computing(..)))
            .count();
        let rate = if computing == 0 {
            0.0
        } else {
            (capacity / computing as f64).min(1.0)
        };
        let step = phases
            .iter()
            .filter_map(|phase| match *phase {
                Phase::Starting(until) | Phase::Waiting(_, until) => Some(until - now),
                Phase::Computing(_, left) => Some(left / rate),
                Phase::Idle => None,
            })
            .fold(f64::INFINITY, f64::min);
        if !step.is_finite() {
            break;
        }
        let end = now + step;
        for (phase, lane) in phases.iter_mut().zip(&mut lanes) {
            let (job, activity, share) = match phase {
                Phase::Starting(_) => (None, Activity::Start, 1.0),
                Phase::Waiting(job, _) => (Some(*job), Activity::Wait, 1.0),
                Phase::Computing(job, left) => {
                    *left -= rate * step;
                    (Some(*job), Activity::Compute, rate)
                }
                Phase::Idle => continue,
            };
            push_segment(
                &mut lane.segments,
                Segment {
                    job,
                    activity,
                    start: now,
                    end,
                    share,
                },
            );
        }
        if model == Model::Threads && computing > 0 {
            push_segment(
                &mut gil,
                Segment {
                    job: None,
                    activity: Activity::Compute,
                    start: now,
                    end,
                    share: 1.0 / computing as f64,
                },
            );
        }
        now = end;
        for phase in &mut phases {
            *phase = advance(*phase, now, &mut next_job);
        }
    }
    if model == Model::Threads {
        lanes.push(Lane {
            label: "GIL".to_owned(),
            kind: LaneKind::Gil,
            segments: gil,
        });
    }
    Outcome {
        model,
        total: now,
        lanes,
    }
}

#[cfg(test)]
mod tests;
