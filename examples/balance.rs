//! How a content pack's advice is balanced: over every answer set, how often each
//! approach is recommended, how often each kind of verdict decides, and how many sets
//! get no suggestion. `make balance` runs it on the built-in pack;
//! `cargo run --example balance -- content/databases.json` on any pack.
use open_vs_proprietary::model::content::Content;
use open_vs_proprietary::model::scoring::{score, Verdict};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "content/en.json".into());
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let content = match Content::from_json(&json) {
        Ok(content) => content,
        Err(error) => {
            for problem in &error.problems {
                eprintln!("{path}: {problem}");
            }
            std::process::exit(1);
        }
    };
    let counts: Vec<usize> = content.questions.iter().map(|q| q.options.len()).collect();
    let total: usize = counts.iter().product();
    let mut wins = vec![0usize; content.approaches.len()];
    let (mut none, mut ties, mut near_ties, mut only) = (0, 0, 0, 0);
    let mut answers = vec![0usize; counts.len()];
    for mut n in 0..total {
        for (q, &c) in counts.iter().enumerate() {
            answers[q] = n % c;
            n /= c;
        }
        let outcome = score(&content, &answers);
        match outcome.recommended {
            Some(a) => wins[a] += 1,
            None => none += 1,
        }
        match outcome.verdict {
            Verdict::Tie { .. } => ties += 1,
            Verdict::NearTie { .. } => near_ties += 1,
            Verdict::OnlyOneLeft => only += 1,
            _ => {}
        }
    }
    let share = |n: usize| format!("{:5.1}%", n as f64 * 100.0 / total as f64);
    println!("{path}: {total} answer sets");
    for (approach, &n) in content.approaches.iter().zip(&wins) {
        println!("  {:<14} wins {} ({n})", approach.id, share(n));
    }
    println!("  no suggestion     {} ({none})", share(none));
    println!("  exact ties        {} ({ties})", share(ties));
    println!("  near-tie rule     {} ({near_ties})", share(near_ties));
    println!("  one approach left {} ({only})", share(only));
}
