//! How a content pack's advice is balanced (`ovp_model::balance`): how often each approach
//! is recommended over its answer sets, how often ties and the near-tie rule decide, and
//! what an author should look at. `make balance` runs it on the built-in pack;
//! `cargo run -p ovp-model --example balance -- content/databases.json` on any pack.
use ovp_model::balance::Balance;
use ovp_model::content::Content;

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
    let balance = Balance::of(&content);
    let share = |n: u64| format!("{:5.1}%", n as f64 * 100.0 / balance.examined as f64);
    if balance.exact {
        println!("{path}: all {} answer sets", balance.answer_sets);
    } else {
        println!(
            "{path}: a sample of {} of {} answer sets",
            balance.examined, balance.answer_sets
        );
    }
    for (approach, &n) in content.approaches.iter().zip(&balance.wins) {
        println!("  {:<14} wins {} ({n})", approach.id, share(n));
    }
    println!(
        "  no suggestion     {} ({})",
        share(balance.no_fit),
        balance.no_fit
    );
    println!(
        "  exact ties        {} ({})",
        share(balance.ties),
        balance.ties
    );
    println!(
        "  near-tie rule     {} ({})",
        share(balance.near_ties),
        balance.near_ties
    );
    println!(
        "  close calls       {} ({})",
        share(balance.close_calls),
        balance.close_calls
    );
    for finding in &balance.findings {
        println!("  look at: {}", finding.message(&content, &balance));
        for (question, &option) in content.questions.iter().zip(&finding.example) {
            println!("    {} -> {}", question.id, question.options[option].id);
        }
    }
}
