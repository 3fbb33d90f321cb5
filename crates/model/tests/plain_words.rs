//! Readers of a blog post are not AI engineers: in every built-in language the quiz
//! explains its jargon where a reader first meets it. Every question has a one-line hint
//! (fine-tuning, an SLA and uptime, a request, the EU AI Act's high-risk systems are
//! explained there); the intro says what an open-weight model is; the vendor's summary
//! says what an API is.

use ovp_model::content::Content;

/// Each built-in pack, with how it writes "open-weight models (" and "API (".
const PACKS: [(&str, &str, &str, &str); 4] = [
    (
        "en",
        include_str!("../../../content/en.json"),
        "open-weight models (",
        "API (",
    ),
    (
        "es",
        include_str!("../../../content/es.json"),
        "pesos abiertos (",
        "API (",
    ),
    (
        "ar",
        include_str!("../../../content/ar.json"),
        "مفتوحة الأوزان (",
        "(API، أي",
    ),
    (
        "zh",
        include_str!("../../../content/zh.json"),
        "开放权重模型（",
        "API（",
    ),
];

#[test]
fn every_built_in_pack_explains_its_jargon_where_a_reader_meets_it() {
    let mut listed: Vec<&str> = PACKS.iter().map(|(lang, ..)| *lang).collect();
    let mut built_in: Vec<&str> = ovp_model::content::built_in_languages().collect();
    listed.sort_unstable();
    built_in.sort_unstable();
    assert_eq!(
        listed, built_in,
        "a built-in language without its words here goes unchecked"
    );
    for (lang, json, open_weight, api) in PACKS {
        let content = Content::from_json(json).unwrap();
        assert_eq!(content.lang, lang);
        for question in &content.questions {
            let hint = question.hint.as_deref().unwrap_or("");
            assert!(
                !hint.trim().is_empty(),
                "{lang}: {} has no hint",
                question.id
            );
        }
        assert!(
            content.intro.contains(open_weight),
            "{lang}: the intro does not say what an open-weight model is: {}",
            content.intro
        );
        let vendor = content
            .approaches
            .iter()
            .find(|a| a.id == "proprietary")
            .unwrap();
        assert!(
            vendor.summary.contains(api),
            "{lang}: the vendor's summary does not say what an API is: {}",
            vendor.summary
        );
    }
}
