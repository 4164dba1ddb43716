use http_status_codes::search::search;
fn main() {
    for q in std::env::args().skip(1) {
        let o = search(&q);
        println!("== {q:?} cut={} sugg={:?}", o.query_was_cut, o.suggestions.iter().map(|e| (e.code, e.vendor.clone())).collect::<Vec<_>>());
        for h in o.hits.iter().take(12) {
            let segs: String = h.segments().iter().map(|(s, m)| if *m { format!("[{s}]") } else { s.to_string() }).collect();
            println!("  {} {:<28} {:<16} {}", h.entry.code, h.entry.vendor.clone().unwrap_or_default(), h.kind.label(), segs);
        }
        if o.hits.len() > 12 { println!("  ... {} hits", o.hits.len()); }
    }
}
