//! Helpers shared by the native test files.

use open_vs_proprietary::model::content::Content;

/// Every complete answer set of `content`, in order.
pub fn all_answer_sets(content: &Content) -> Vec<Vec<usize>> {
    content
        .questions
        .iter()
        .fold(vec![vec![]], |sets, question| {
            sets.iter()
                .flat_map(|set| {
                    (0..question.options.len()).map(move |o| {
                        let mut next = set.clone();
                        next.push(o);
                        next
                    })
                })
                .collect()
        })
}
