//! Localisation (`l10n`), natively: the built-in tables, a pack's replacements for
//! them, plural forms, numbers, lists, dates and direction in each built-in language.

mod common;
use common::{built_in_json, problems};

use ovp_model::content::{default_content, Content};
use ovp_model::l10n::plural::{categories, category, Category};
use ovp_model::l10n::{
    blanks, counted, form_problem, may_omit_count, template_problem, ui_text, Message, Override,
    UiTextOverrides, AR, EN, ES, LANGUAGES, ZH,
};
use ovp_model::l10n::{direction, Direction};

/// The smallest valid pack: one question, in `lang`.
fn one_question_pack(lang: &str) -> String {
    let mut json = built_in_json().clone();
    json["lang"] = serde_json::json!(lang);
    let first = json["questions"][0].clone();
    json["questions"] = serde_json::json!([first]);
    // The cost model reads the volume question, which is gone.
    json.as_object_mut().unwrap().remove("costs");
    json.to_string()
}

#[test]
fn ui_text_is_chosen_by_language() {
    // A region falls back to its language; any other language to English.
    for (lang, table) in [
        ("en-GB", &EN),
        ("zh-CN", &ZH),
        ("es-MX", &ES),
        ("ar-EG", &AR),
        ("fr", &EN),
        ("", &EN),
    ] {
        assert_eq!(ui_text(lang), table, "{lang:?}");
    }
}

#[test]
fn each_language_writes_its_own_numbers_and_counted_strings() {
    // Arabic: a number written with digits takes the singular after it, decimals too.
    for (got, expected) in [
        (EN.step_of("3", "10"), "Step 3 of 10"),
        (ZH.step_of("3", "10"), "第 3 步，共 10 步"),
        (ES.number("8.3"), "8,3"),
        (ES.points(&ES.number("1")), "1 punto"),
        (AR.number("−1.5"), "−١٫٥"),
        (AR.points(&AR.number("2")), "٢ نقطة"),
        (AR.points(&AR.number("3")), "٣ نقاط"),
        (AR.points(&AR.number("8.3")), "٨٫٣ نقطة"),
    ] {
        assert_eq!(got, expected);
    }
}

#[test]
fn every_built_in_table_keeps_the_blanks_the_widget_fills() {
    for (lang, table) in LANGUAGES {
        for (field, message) in table.fields() {
            match message {
                Message::Text(text) => {
                    assert_eq!(counted(field), None, "{lang}: {field} has a count");
                    assert_eq!(
                        template_problem(field, text),
                        None,
                        "{lang}: {field}: {text}"
                    );
                }
                // A counted string has exactly the forms its language's numbers take.
                Message::Forms(forms) => {
                    assert!(counted(field).is_some(), "{lang}: {field} has no count");
                    let given: Vec<Category> = forms.iter().map(|(c, _)| *c).collect();
                    assert_eq!(given, categories(lang), "{lang}: {field}");
                    for (c, text) in forms.iter() {
                        assert_eq!(
                            form_problem(field, lang, *c, text),
                            None,
                            "{lang}: {field}.{c:?}: {text}"
                        );
                    }
                }
            }
        }
    }
    // The check itself: a lost blank, a misspelt one, one a plain string does not take.
    assert_eq!(
        template_problem("step_of", "Step {step}"),
        Some("lacks {total}, which the widget fills in".to_owned())
    );
    assert_eq!(
        template_problem("step_of", "Step {stpe} of {total}"),
        Some("{stpe} is not a blank of this string; it takes {step}, {total}".to_owned())
    );
    assert_eq!(
        template_problem("next", "Next {step}"),
        Some("{step} is not a blank of this string; it takes none".to_owned())
    );
    assert_eq!(
        blanks("why_counterfactual"),
        Some(&["answer", "question", "approach"][..])
    );
    assert_eq!(blanks("no_such_string"), None);
}

#[test]
fn a_pack_whose_ui_string_loses_or_misspells_a_blank_is_refused_with_its_path() {
    let mut json = built_in_json().clone();
    json["ui"] = serde_json::json!({
        "stepOf": "Schritt {step}",
        "whyItem": "{antwort} ({question})",
        "next": "Weiter"
    });
    assert_eq!(
        problems(&json.to_string()),
        [
            "ui.stepOf: lacks {total}, which the widget fills in",
            "ui.whyItem: {antwort} is not a blank of this string; it takes {answer}, {question}",
        ]
    );
}

#[test]
fn content_can_override_any_ui_string() {
    let overrides: UiTextOverrides =
        serde_json::from_str(r#"{"next": "Weiter", "stepOf": "Schritt {step} von {total}"}"#)
            .unwrap();
    let table = EN.with_overrides(&overrides);
    assert_eq!(table.next(), "Weiter");
    assert_eq!(table.step_of("3", "10"), "Schritt 3 von 10");
    assert_eq!(table.back(), EN.back());
    assert_eq!(
        overrides.given().collect::<Vec<_>>(),
        vec![
            ("next", &Override::Text("Weiter".to_owned())),
            (
                "stepOf",
                &Override::Text("Schritt {step} von {total}".to_owned())
            )
        ]
    );
}

#[test]
fn dates_follow_the_language() {
    use ovp_model::l10n::format_date;
    for (date, table, expected) in [
        ("2025-01-20", &EN, "20 January 2025"),
        ("2024-03", &EN, "March 2024"),
        ("2025", &EN, "2025"),
        ("2025-01-20", &ZH, "2025 年 1 月 20 日"),
        ("2024-03", &ZH, "2024 年 3 月"),
        ("2025", &ZH, "2025 年"),
        ("2025-01-20", &AR, "٢٠ يناير ٢٠٢٥"),
        // Anything else is shown as the author wrote it.
        ("Spring 2025", &EN, "Spring 2025"),
        ("2025-13-01", &EN, "2025-13-01"),
        ("2025-02-32", &EN, "2025-02-32"),
        ("25-01-20", &EN, "25-01-20"),
        ("2025-1-2", &EN, "2025-1-2"),
        ("", &EN, ""),
    ] {
        assert_eq!(format_date(date, table), expected, "{date:?}");
    }
}

#[test]
fn plural_categories_are_cldr_s_for_each_built_in_language() {
    use Category::*;
    for (lang, expected) in [
        ("en", &[One, Other][..]),
        ("es", &[One, Many, Other]),
        ("ar", &[Zero, One, Two, Few, Many, Other]),
        ("zh-CN", &[Other]),
    ] {
        assert_eq!(categories(lang), expected, "{lang}");
    }
    for (lang, number, expected) in [
        // English: "1 question", but "1.0 points" and "0 questions".
        ("en", "1", One),
        ("en", "0", Other),
        ("en", "2", Other),
        ("en", "1.0", Other),
        ("en", "−1.5", Other),
        ("es", "1", One),
        ("es", "2", Other),
        ("es", "0", Other),
        ("es", "1000000", Many),
        // Arabic: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other, 103 few.
        ("ar", "0", Zero),
        ("ar", "1", One),
        ("ar", "2", Two),
        ("ar", "3", Few),
        ("ar", "10", Few),
        ("ar", "11", Many),
        ("ar", "99", Many),
        ("ar", "100", Other),
        ("ar", "103", Few),
        ("zh", "1", Other),
        ("zh", "2", Other),
        // Not a number, or a malformed tag: the plain form, never a panic.
        ("en", "many", Other),
        ("not a tag!", "1", One),
    ] {
        assert_eq!(category(lang, number), expected, "{lang}: {number}");
    }
}

#[test]
fn counted_strings_take_their_number_s_form_and_the_reader_s_digits() {
    let one = Content::from_json(&one_question_pack("en")).unwrap();
    let ui = one.ui_text();
    assert_eq!(
        ui.intro_meta("1"),
        "1 question · nothing leaves your browser"
    );
    assert_eq!(ui.points("1.0"), "1.0 points");
    assert_eq!(ui.points("1"), "1 point");
    assert_eq!(
        ZH.intro_meta("1"),
        "1 个问题 · 所有内容都只留在你的浏览器里"
    );
    // A pack in a language without a built-in table keeps its own plural rules: a form
    // the English table lacks falls back to `other`.
    let mut json: serde_json::Value = serde_json::from_str(&one_question_pack("cy")).unwrap();
    json["ui"] = serde_json::json!({ "introMeta": {
        "zero": "{count} cwestiwn", "one": "{count} cwestiwn", "two": "{count} gwestiwn",
        "few": "{count} chwestiwn", "many": "{count} chwestiwn", "other": "{count} cwestiwn"
    }});
    let welsh = Content::from_json(&json.to_string()).unwrap().ui_text();
    assert_eq!(welsh.intro_meta("2"), "2 gwestiwn");
    assert_eq!(welsh.intro_meta("3"), "3 chwestiwn");
    assert_eq!(welsh.points("3"), "3 points");
}

#[test]
fn digits_and_decimal_separator_follow_the_language() {
    let mut json = built_in_json().clone();
    json["ui"] = serde_json::json!({ "digits": "٠١٢٣٤٥٦٧٨٩", "decimalSeparator": "٫" });
    let ui = Content::from_json(&json.to_string()).unwrap().ui_text();
    assert_eq!(ui.number("−12.5"), "−١٢٫٥");
    assert_eq!(EN.number("12.5"), "12.5");
    // The form is chosen from the number as shown: ١ is one.
    assert_eq!(ui.points(&ui.number("1")), "١ point");
    assert_eq!(
        ovp_model::l10n::format_date("2025-01-20", &ui),
        "٢٠ January ٢٠٢٥"
    );
}

#[test]
fn a_pack_s_plural_forms_are_checked_against_its_language_with_their_paths() {
    let mut json: serde_json::Value = serde_json::from_str(&one_question_pack("ar")).unwrap();
    json["ui"] = serde_json::json!({
        "introMeta": { "one": "سؤال واحد {count}", "other": "{count} سؤال", "several": "{count}" },
        "errorIntro": "{count} مشكلات",
        "next": { "one": "التالي", "other": "التالي" },
        "pointsTypo": "x",
        "digits": "0123"
    });
    assert_eq!(
        problems(&json.to_string()),
        [
            "ui.digits: must be the ten digits of the language, zero first, such as 0123456789",
            "ui.introMeta.several: is not a plural category; they are zero, one, two, few, many and other",
            "ui.introMeta.zero: is missing: numbers in the pack's language (ar) take the forms zero, one, two, few, many, other",
            "ui.introMeta.two: is missing: numbers in the pack's language (ar) take the forms zero, one, two, few, many, other",
            "ui.introMeta.few: is missing: numbers in the pack's language (ar) take the forms zero, one, two, few, many, other",
            "ui.introMeta.many: is missing: numbers in the pack's language (ar) take the forms zero, one, two, few, many, other",
            "ui.next: has no count, so it takes one string, not plural forms",
            "ui.pointsTypo: is not one of the widget's strings; content.schema.json lists them under ui",
        ]
    );
    // A form that loses its blank is named by its category ("one" may say "One
    // question" in words; "other" stands for many numbers).
    json["ui"] =
        serde_json::json!({ "introMeta": { "one": "One question", "other": "questions" } });
    json["lang"] = serde_json::json!("en");
    assert_eq!(
        problems(&json.to_string()),
        ["ui.introMeta.other: lacks {count}, which the widget fills in"]
    );
}

#[test]
fn direction_comes_from_the_language_or_its_script() {
    for rtl in [
        "ar", "ar-EG", "he", "fa-IR", "ur", "ps", "yi", "uz-Arab", "ckb",
    ] {
        assert_eq!(direction(rtl), Direction::Rtl, "{rtl}");
    }
    for ltr in ["en", "es", "zh-Hans", "", "ku-Latn", "az", "arn", "tr"] {
        assert_eq!(direction(ltr), Direction::Ltr, "{ltr}");
    }
    assert_eq!(Direction::from_attribute(" RTL "), Some(Direction::Rtl));
    assert_eq!(Direction::from_attribute("auto"), None);
    let ar = Content::from_json(&one_question_pack("ar"))
        .unwrap()
        .ui_text();
    assert_eq!(ar.direction(), Direction::Rtl);
    assert_eq!(
        ar.with_direction(Some(Direction::Ltr)).direction(),
        Direction::Ltr
    );
}

#[test]
fn the_intro_promises_the_time_a_reader_takes() {
    use ovp_model::time_to_take::minutes_to_take;
    let packs = [
        default_content().unwrap(),
        Content::from_json(include_str!("../../../content/es.json")).unwrap(),
        Content::from_json(include_str!("../../../content/ar.json")).unwrap(),
        Content::from_json(include_str!("../../../content/zh.json")).unwrap(),
    ];
    // Every question's words to read and its answer to choose: five to seven minutes in
    // every language, not the two the intro once promised.
    for content in &packs {
        let minutes = minutes_to_take(content);
        println!("{}: {minutes} minutes", content.lang);
        assert!(
            (5..=7).contains(&minutes),
            "{}: {minutes} minutes",
            content.lang
        );
    }
    // A two-question pack takes a minute.
    let tiny = Content::from_json(&serde_json::to_string(&serde_json::json!({
        "id": "t", "lang": "en", "title": "Tea or coffee?", "intro": "Two questions.",
        "approaches": [{ "id": "a", "name": "A", "summary": "s" }, { "id": "b", "name": "B", "summary": "s" }],
        "dimensions": [{ "id": "d", "name": "D", "ratings": { "a": { "score": 4, "reason": "r" }, "b": { "score": 2, "reason": "r" } } }],
        "questions": [
            { "id": "q1", "prompt": "Hurry?", "options": [{ "id": "y", "label": "Yes", "weights": { "a": 1 } }, { "id": "n", "label": "No" }] },
            { "id": "q2", "prompt": "Bitter?", "options": [{ "id": "y", "label": "Yes" }, { "id": "n", "label": "No" }] }
        ]
    })).unwrap()).unwrap();
    assert_eq!(minutes_to_take(&tiny), 1);
    assert_eq!(
        EN.time_to_take(&EN.number("6")),
        "About 6 minutes to answer"
    );
    assert_eq!(EN.time_to_take(&EN.number("1")), "About 1 minute to answer");
}

#[test]
fn a_list_joins_its_last_item_by_the_language_s_rule() {
    assert_eq!(EN.list(&["A", "B", "C"]), "A, B and C");
    // Spanish writes "e" for "y" before the sound of "i", but not before a diphthong.
    let es = ui_text("es");
    assert_eq!(es.list(&["Abierto", "Híbrido"]), "Abierto e Híbrido");
    assert_eq!(
        es.list(&["Agua", "Barato", "inspección"]),
        "Agua, Barato e inspección"
    );
    assert_eq!(es.list(&["Agua", "hielo"]), "Agua y hielo");
    assert_eq!(
        es.list(&["Abierto", "Propietario"]),
        "Abierto y Propietario"
    );
}

#[test]
fn a_url_in_right_to_left_text_keeps_its_own_order() {
    use ovp_model::load::LoadFailure;
    let failure = LoadFailure::Status {
        url: "https://example.com/quiz.json".to_owned(),
        status: 500,
    };
    let arabic = &failure.problems(ui_text("ar"))[0].message;
    assert!(
        arabic.contains("\u{2068}https://example.com/quiz.json\u{2069}"),
        "{arabic}"
    );
    // Left to right nothing is added.
    assert_eq!(
        failure.problems(&EN)[0].message,
        "the server answered HTTP 500 for the content file https://example.com/quiz.json."
    );
}

#[test]
fn a_form_leaves_its_number_out_only_where_it_stands_for_one_whole_number() {
    // Arabic says "two questions" with the dual alone.
    assert!(may_omit_count("intro_meta", "ar", Category::Two));
    assert!(may_omit_count("intro_meta", "ar", Category::One));
    assert_eq!(
        form_problem("intro_meta", "ar", Category::Two, "سؤالان"),
        None
    );
    assert!(form_problem("intro_meta", "ar", Category::Few, "أسئلة").is_some());
    // Russian "one" also holds 21, 31…; a score is not a count of whole things.
    assert!(!may_omit_count("intro_meta", "ru", Category::One));
    assert!(!may_omit_count("points", "ar", Category::One));
    assert_eq!(
        form_problem("points", "ar", Category::One, "نقطة").as_deref(),
        Some("lacks {score}, which the widget fills in")
    );
    // In a pack, with its path.
    let mut json: serde_json::Value = serde_json::from_str(&one_question_pack("ar")).unwrap();
    json["ui"] = serde_json::json!({ "introMeta": {
        "zero": "لا أسئلة", "one": "سؤال واحد", "two": "سؤالان", "few": "{count} أسئلة",
        "many": "{count} سؤالًا", "other": "{count} سؤال"
    }});
    assert!(
        problems(&json.to_string()).is_empty(),
        "{:?}",
        problems(&json.to_string())
    );
    json["ui"]["introMeta"]["few"] = serde_json::json!("أسئلة");
    assert_eq!(
        problems(&json.to_string()),
        ["ui.introMeta.few: lacks {count}, which the widget fills in"]
    );
}

#[test]
fn icu4x_agrees_with_the_plural_cases_the_browser_is_checked_against() {
    // tests/plural-cases.json: one set of expectations for both engines (the browser's
    // Intl.PluralRules is checked against it in tests/browser/plural.test.mjs).
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/plural-cases.json")).unwrap();
    let languages = cases["languages"].as_object().unwrap();
    let mut listed: Vec<&str> = languages.keys().map(String::as_str).collect();
    listed.sort();
    let mut built_in: Vec<&str> = ovp_model::content::built_in_languages().collect();
    built_in.sort();
    assert_eq!(
        listed, built_in,
        "every built-in language has its plural cases"
    );
    for (lang, case) in languages {
        let names: Vec<&str> = categories(lang).iter().map(|c| c.name()).collect();
        let expected: Vec<&str> = case["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(names, expected, "{lang}");
        for (number, name) in case["numbers"].as_object().unwrap() {
            assert_eq!(category(lang, number).name(), name, "{lang}: {number}");
        }
    }
}

#[test]
fn plural_categories_come_from_the_rules_the_embedding_gives() {
    use ovp_model::l10n::plural::{use_rules, PluralRules};
    /// Rules that put every number in `few`, as no language does.
    struct AllFew;
    impl PluralRules for AllFew {
        fn select(&self, _lang: &str, _digits: &str) -> Category {
            Category::Few
        }
        fn categories(&self, _lang: &str) -> Vec<Category> {
            vec![Category::Few, Category::Other]
        }
    }
    // On this test's thread only (the rules are the thread's, as the Wasm's instance's).
    std::thread::spawn(|| {
        use_rules(std::rc::Rc::new(AllFew));
        assert_eq!(category("en", "1"), Category::Few);
        assert_eq!(categories("en"), [Category::Few, Category::Other]);
    })
    .join()
    .unwrap();
    assert_eq!(
        category("en", "1"),
        Category::One,
        "other threads keep ICU4X's"
    );
}

#[test]
fn each_built_in_language_has_its_pack_in_content_named_by_it_and_no_other_pack_is_named_so() {
    // The build lists the languages from the folder (scripts/finish-dist.mjs: a pack named
    // by its own `lang`); the widget from `l10n::LANGUAGES`. They must be the same.
    let folder = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content")).unwrap();
    let mut named_by_lang: Vec<String> = folder
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter_map(|path| {
            let stem = path.file_stem()?.to_str()?.to_owned();
            let pack: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
            (pack["lang"] == stem.as_str()).then_some(stem)
        })
        .collect();
    named_by_lang.sort();
    let mut built_in: Vec<&str> = ovp_model::content::built_in_languages().collect();
    built_in.sort();
    assert_eq!(named_by_lang, built_in);
}

/// Spanish joins a count that ends in a noun to its unit with "de"; other counts, and
/// other languages, with a space alone.
#[test]
fn a_count_is_joined_to_its_unit_as_the_language_joins_them() {
    let es = ui_text("es-MX");
    for (count, joined) in [
        ("510 millones", "510 millones de tokens al mes"),
        ("1 millón", "1 millón de tokens al mes"),
        ("1 mil millones", "1 mil millones de tokens al mes"),
        ("2 billones", "2 billones de tokens al mes"),
        ("200 mil", "200 mil tokens al mes"),
        ("500", "500 tokens al mes"),
    ] {
        assert_eq!(es.count_with_unit(count, "tokens al mes"), joined);
    }
    assert_eq!(
        ui_text("en").count_with_unit("510 million", "tokens a month"),
        "510 million tokens a month"
    );
}
