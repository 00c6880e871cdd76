//! Import benchmark: generates Salesforce-style leads exports (1M and 10M rows by default),
//! then times, on the same file, a bare pass (the csv crate's ByteRecord reader doing the same
//! sums with no detection and no fallbacks) against `mcc import --all-dates --format json`,
//! with the peak memory of the mcc process.
//!
//! Run: `cargo bench --bench import` or `cargo bench --bench import -- 1000000` for one size.
//! Files are kept in `target/bench-data/` between runs.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 3;
const MARKETING: [&[u8]; 5] = [b"Web", b"Webinar", b"Trade Show", b"Paid Search", b"Email"];
const SOURCES: [&str; 10] = [
    "Web",
    "Webinar",
    "Trade Show",
    "Paid Search",
    "Email",
    "Outbound",
    "Partner",
    "Referral",
    "Employee Referral",
    "",
];
const OPEN_STAGES: [&str; 3] = ["Prospecting", "Qualification", "Negotiation/Review"];

fn main() {
    let sizes: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000_000, 10_000_000]
    } else {
        sizes
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    fs::create_dir_all(&dir).unwrap();
    println!(
        "{:>11} {:>9} {:>10} {:>10} {:>7} {:>10} {:>10}",
        "rows", "MB", "bare s", "mcc s", "ratio", "mcc MB/s", "peak MiB"
    );
    for rows in sizes {
        let path = dir.join(format!("leads-{rows}.csv"));
        if !path.exists() {
            let started = Instant::now();
            generate(&path, rows);
            eprintln!(
                "generated {} in {:.1} s",
                path.display(),
                started.elapsed().as_secs_f64()
            );
        }
        let megabytes = fs::metadata(&path).unwrap().len() as f64 / 1e6;
        let (bare, sums) = best_of(|| bare_pass(&path));
        let ((mcc, peak), json) = best_of_mcc(&path);
        check_same_numbers(&sums, &json);
        println!(
            "{rows:>11} {megabytes:>9.1} {:>10.3} {:>10.3} {:>7.2} {:>10.0} {:>10.1}",
            bare.as_secs_f64(),
            mcc.as_secs_f64(),
            mcc.as_secs_f64() / bare.as_secs_f64(),
            megabytes / mcc.as_secs_f64(),
            peak as f64 / 1024.0
        );
    }
}

fn best_of<T>(mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut best = None;
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        let result = run();
        let took = started.elapsed();
        best = Some(best.map_or(took, |b: Duration| b.min(took)));
        last = Some(result);
    }
    (best.unwrap(), last.unwrap())
}

/// Runs the mcc binary, returning (best wall time, its peak RSS in KiB) and its JSON output.
fn best_of_mcc(path: &Path) -> ((Duration, i64), serde_json::Value) {
    let mut best = (Duration::MAX, 0);
    let mut json = serde_json::Value::Null;
    for _ in 0..RUNS {
        let started = Instant::now();
        #[allow(
            clippy::zombie_processes,
            reason = "reaped by wait4 below, which also reports its peak memory"
        )]
        let child = Command::new(env!("CARGO_BIN_EXE_mcc"))
            .args(["import", "--all-dates", "--format", "json"])
            .arg(path)
            .env(
                "MCC_CONFIG_DIR",
                std::env::temp_dir().join("mcc-bench-config"),
            )
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id() as libc::pid_t;
        let mut stdout = child.stdout.unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        let mut status = 0;
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child and fills a zeroed rusage it owns.
        unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let took = started.elapsed();
        assert_eq!(status, 0, "mcc import failed");
        if took < best.0 {
            best = (took, usage.ru_maxrss);
        }
        json = serde_json::from_str(&text).expect("mcc prints JSON");
    }
    (best, json)
}

/// The sums both implementations must agree on.
#[derive(Debug, Default)]
struct Sums {
    leads: u64,
    contacted: u64,
    delay_seconds: i64,
    within_5: u64,
    converted: u64,
    opp_cents: i64,
    opp_marketing_cents: i64,
    won_cents: i64,
    won_marketing_cents: i64,
}

fn bare_pass(path: &Path) -> Sums {
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(1 << 20)
        .flexible(true)
        .from_path(path)
        .unwrap();
    let headers = reader.byte_headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name.as_bytes()).unwrap();
    let [created, response, source, converted, amount, stage] = [
        "Created Date",
        "First Response Date",
        "Lead Source",
        "Converted",
        "Opportunity Amount",
        "Opportunity Stage",
    ]
    .map(column);
    let mut sums = Sums::default();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).unwrap() {
        if record.len() <= stage {
            continue;
        }
        sums.leads += 1;
        if !record[response].is_empty() {
            sums.contacted += 1;
            let delay = seconds(&record[response]) - seconds(&record[created]);
            sums.delay_seconds += delay;
            if (0..=300).contains(&delay) {
                sums.within_5 += 1;
            }
        }
        if &record[converted] == b"1" {
            sums.converted += 1;
        }
        if !record[amount].is_empty() {
            let cents = cents(&record[amount]);
            let marketing = MARKETING.contains(&&record[source]);
            sums.opp_cents += cents;
            sums.opp_marketing_cents += if marketing { cents } else { 0 };
            if &record[stage] == b"Closed Won" {
                sums.won_cents += cents;
                sums.won_marketing_cents += if marketing { cents } else { 0 };
            }
        }
    }
    sums
}

fn digits(bytes: &[u8]) -> i64 {
    bytes.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0'))
}

/// Seconds since 1970 for "YYYY-MM-DD HH:MM:SS" (the generator's only format).
fn seconds(b: &[u8]) -> i64 {
    let (y, m, d) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]));
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * m + 2) / 5 + d - 1;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + digits(&b[11..13]) * 3600 + digits(&b[14..16]) * 60 + digits(&b[17..19])
}

/// Cents for "12345.67".
fn cents(b: &[u8]) -> i64 {
    let dot = b.iter().position(|c| *c == b'.').unwrap_or(b.len());
    digits(&b[..dot]) * 100
        + if dot < b.len() {
            digits(&b[dot + 1..])
        } else {
            0
        }
}

fn check_same_numbers(sums: &Sums, json: &serde_json::Value) {
    let metric = |id: &str| {
        json["metrics"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["id"] == id))
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(f64::NAN)
    };
    let pct = |a: f64, b: f64| a * 100.0 / b;
    let expected = [
        ("lead_count", sums.leads as f64),
        (
            "lead_response_time",
            sums.delay_seconds as f64 / 60.0 / sums.contacted as f64,
        ),
        (
            "leads_contacted_within_5_min",
            pct(sums.within_5 as f64, sums.leads as f64),
        ),
        (
            "lead_follow_up_rate",
            pct(sums.contacted as f64, sums.leads as f64),
        ),
        (
            "lead_to_opportunity_rate",
            pct(sums.converted as f64, sums.leads as f64),
        ),
        (
            "marketing_pipeline_share",
            pct(sums.opp_marketing_cents as f64, sums.opp_cents as f64),
        ),
        (
            "marketing_revenue_share",
            pct(sums.won_marketing_cents as f64, sums.won_cents as f64),
        ),
    ];
    for (id, want) in expected {
        let got = metric(id);
        let close = (got - want).abs() <= 1e-6 * want.abs().max(1.0);
        println!(
            "  {id:<30} bare {want:>14.4}  mcc {got:>14.4}{}",
            if close { "" } else { "  MISMATCH" }
        );
    }
}

/// A deterministic Salesforce-report-style leads export: every field quoted, CRLF.
fn generate(path: &PathBuf, rows: u64) {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path).unwrap());
    let mut random = SplitMix(2026);
    out.write_all(b"\"Lead ID\",\"Created Date\",\"First Response Date\",\"Lead Source\",\"Lead Status\",\"Lead Owner\",\"Company\",\"Converted\",\"Opportunity Amount\",\"Opportunity Stage\"\r\n").unwrap();
    let start = 1_672_531_200; // 2023-01-01 00:00:00
    let span = 2 * 365 * 86_400;
    for n in 0..rows {
        let created = start + (random.next() % span as u64) as i64;
        let contacted = random.unit() >= 0.18;
        let response = if contacted {
            let minutes = (20f64.ln() + 2.0 * random.normal())
                .exp()
                .min(45.0 * 1440.0);
            timestamp(created + (minutes * 60.0) as i64)
        } else {
            String::new()
        };
        let source = SOURCES[(random.next() % SOURCES.len() as u64) as usize];
        let status = if contacted {
            "Working - Contacted"
        } else {
            "Open - Not Contacted"
        };
        let converted = contacted && random.unit() < 0.18;
        let (amount, stage) = if converted {
            let stage = match random.next() % 10 {
                0..=2 => "Closed Won",
                3..=6 => "Closed Lost",
                k => OPEN_STAGES[(k - 7) as usize],
            };
            (
                format!(
                    "{}.{:02}",
                    5_000 + random.next() % 145_000,
                    random.next() % 100
                ),
                stage,
            )
        } else {
            (String::new(), "")
        };
        write!(
            out,
            "\"00Q{n:012}\",\"{}\",\"{response}\",\"{source}\",\"{status}\",\"Rep {}\",\"Company {}, Inc.\",\"{}\",\"{amount}\",\"{stage}\"\r\n",
            timestamp(created),
            random.next() % 40,
            n % 50_000,
            u8::from(converted)
        )
        .unwrap();
    }
    out.flush().unwrap();
}

fn timestamp(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap()
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// A small deterministic random source (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}
