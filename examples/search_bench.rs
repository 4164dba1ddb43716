//! Latency of `search::search_showing` per query, natively, as the results list calls it on
//! each keystroke (highlighting the first [`search::FIRST_RESULTS`] hits).
//!
//! `cargo run --release --example search_bench [results.json]`
//!
//! Prints one row per query (iterations, median and p99 in µs) and the p99 over every timed
//! call; with a path argument, also writes the numbers there as JSON. Each call is timed on its
//! own with `Instant`, so the figures include the allocation of the returned hits, as the app
//! pays it.

use http_status_codes::search::{self, FIRST_RESULTS};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Every kind of query the app sees, including the slow paths: typos (edit distance against the
/// vocabulary), no match at all (suggestions), and the longest accepted query.
const QUERIES: &[&str] = &[
    "404",
    "40",
    "5",
    "4xx",
    "420",
    "not fou",
    "not found",
    "too many",
    "found not",
    "payload too large",
    "unprocessable entity",
    "gateway time-out",
    "rate limit",
    "throttled",
    "login",
    "token expired",
    "maintenance",
    "websocket",
    "cors",
    "cloudflare",
    "nginx",
    "request",
    "e",
    "unauthorised",
    "forbiden",
    "gatway timout",
    "Forbídden",
    "470",
    "qwzxv plorf",
    "<script>alert(1)</script>",
];

const WARMUP: usize = 200;
const ITERATIONS: usize = 2_000;

struct Row {
    query: String,
    iterations: usize,
    median_us: f64,
    p99_us: f64,
    hits: usize,
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let long_query = "too many requests ".repeat(20);
    let mut queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    queries.push(long_query);

    // The first call builds the index; the app pays that once, not per keystroke.
    let started = Instant::now();
    black_box(search::search("warm up"));
    let first_call = started.elapsed();

    let mut rows = Vec::new();
    let mut all = Vec::with_capacity(queries.len() * ITERATIONS);
    for query in &queries {
        for _ in 0..WARMUP {
            black_box(search::search_showing(black_box(query), FIRST_RESULTS));
        }
        let mut times = Vec::with_capacity(ITERATIONS);
        let mut hits = 0;
        for _ in 0..ITERATIONS {
            let started = Instant::now();
            let outcome = search::search_showing(black_box(query), FIRST_RESULTS);
            times.push(started.elapsed());
            hits = outcome.hits.len();
            black_box(outcome);
        }
        times.sort_unstable();
        all.extend_from_slice(&times);
        rows.push(Row {
            query: query.clone(),
            iterations: ITERATIONS,
            median_us: micros(percentile(&times, 0.5)),
            p99_us: micros(percentile(&times, 0.99)),
            hits,
        });
    }
    all.sort_unstable();
    let overall_p99 = micros(percentile(&all, 0.99));
    let overall_median = micros(percentile(&all, 0.5));

    println!(
        "{:<34} {:>6} {:>5} {:>11} {:>9}",
        "query", "iters", "hits", "median µs", "p99 µs"
    );
    for row in &rows {
        let shown: String = row.query.chars().take(32).collect();
        println!(
            "{:<34} {:>6} {:>5} {:>11.2} {:>9.2}",
            format!("{shown:?}"),
            row.iterations,
            row.hits,
            row.median_us,
            row.p99_us
        );
    }
    println!(
        "overall: {} calls, median {overall_median:.2} µs, p99 {overall_p99:.2} µs (index build on first call: {:.0} µs)",
        all.len(),
        micros(first_call)
    );

    if let Some(path) = std::env::args().nth(1) {
        let mut json = String::from("{\n  \"benchmark\": \"search\",\n  \"unit\": \"us\",\n");
        json.push_str(&format!(
            "  \"first_call_us\": {:.1},\n  \"overall_median_us\": {overall_median:.3},\n  \"overall_p99_us\": {overall_p99:.3},\n  \"queries\": [\n",
            micros(first_call)
        ));
        for (at, row) in rows.iter().enumerate() {
            json.push_str(&format!(
                "    {{ \"query\": {}, \"iterations\": {}, \"hits\": {}, \"median_us\": {:.3}, \"p99_us\": {:.3} }}{}\n",
                json_string(&row.query),
                row.iterations,
                row.hits,
                row.median_us,
                row.p99_us,
                if at + 1 == rows.len() { "" } else { "," }
            ));
        }
        json.push_str("  ]\n}\n");
        match std::fs::write(&path, json) {
            Ok(()) => println!("wrote {path}"),
            Err(error) => {
                eprintln!("could not write {path}: {error}");
                std::process::exit(1);
            }
        }
    }
}
