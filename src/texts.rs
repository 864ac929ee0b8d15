//! The prompts catalogue: every sentence the bot sends lives in
//! `prompts/<lang>/*.ftl` (Fluent). Code names a key and its arguments.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::lang::Lang;

/// The Fluent files of each language, embedded at build time. Every language
/// has the same files with the same keys (a test checks it).
macro_rules! catalogue_files {
    ($($file:literal),+ $(,)?) => {
        /// `(language, file name, source)` of every prompts file.
        pub const FILES: &[(Lang, &str, &str)] = &[
            $(
                (Lang::ZhHant, $file, include_str!(concat!("../prompts/zh-Hant/", $file))),
                (Lang::ZhHans, $file, include_str!(concat!("../prompts/zh-Hans/", $file))),
                (Lang::En, $file, include_str!(concat!("../prompts/en/", $file))),
            )+
        ];
    };
}

catalogue_files!(
    "booking.ftl",
    "bot.ftl",
    "callback.ftl",
    "campaign.ftl",
    "dates.ftl",
    "desk.ftl",
    "digest.ftl",
    "intake.ftl",
    "judge.ftl",
    "report.ftl",
    "work.ftl"
);

/// The loaded catalogue: one Fluent bundle per language.
pub struct Texts {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

static TEXTS: OnceLock<Texts> = OnceLock::new();

/// The catalogue, loaded by [`check`] at start-up (or here, on first use
/// where nothing checked it, as in tests).
fn texts() -> &'static Texts {
    TEXTS.get_or_init(|| Texts::load(FILES).unwrap_or_else(|error| panic!("{error}")))
}

impl Texts {
    fn load(files: &[(Lang, &str, &str)]) -> Result<Self, String> {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let id = lang.tag().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Telegram shows Unicode isolation marks as stray characters.
            bundle.set_use_isolating(false);
            for (file_lang, name, source) in files {
                if *file_lang != lang {
                    continue;
                }
                let resource =
                    FluentResource::try_new((*source).to_owned()).map_err(|(_, errors)| {
                        format!(
                            "prompts/{}/{name} has syntax errors: {errors:?}",
                            lang.tag()
                        )
                    })?;
                if let Err(errors) = bundle.add_resource(resource) {
                    return Err(format!(
                        "prompts/{}/{name} repeats keys: {errors:?}",
                        lang.tag()
                    ));
                }
            }
            bundles.insert(lang, bundle);
        }
        Ok(Self { bundles })
    }
}

/// Loads the prompts catalogue now, so that a file that does not parse stops
/// start-up with a message naming it (instead of the first reply panicking).
pub fn check() -> Result<(), String> {
    if TEXTS.get().is_none() {
        // Kept for use: loaded once, now rather than at the first reply.
        let _ = TEXTS.set(Texts::load(FILES)?);
    }
    Ok(())
}

/// Arguments of a message: `(name, value)` pairs.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

/// Renders a message without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    t_args(lang, key, &[])
}

/// Renders a message with its arguments. A missing key is logged and rendered
/// as the key itself, so a resident never gets nothing.
pub fn t_args(lang: Lang, key: &str, args: &Args<'_>) -> String {
    let Some(bundle) = texts().bundles.get(&lang) else {
        return key.to_owned();
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::error!(key, lang = lang.tag(), "prompt key missing");
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::error!(
            key,
            lang = lang.tag(),
            ?errors,
            "prompt could not be rendered fully"
        );
    }
    text.into_owned()
}

/// Whether the catalogue has a key (in the given language).
pub fn has(lang: Lang, key: &str) -> bool {
    texts()
        .bundles
        .get(&lang)
        .is_some_and(|b| b.has_message(key))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    #[test]
    fn the_embedded_prompts_pass_the_start_up_check() {
        assert_eq!(super::check(), Ok(()));
    }

    #[test]
    fn a_prompts_file_that_does_not_parse_fails_the_check_naming_it() {
        let broken: &[(Lang, &str, &str)] = &[(Lang::En, "bot.ftl", "hello = { $name\n")];
        let error = super::Texts::load(broken).err().expect("a syntax error");
        assert!(
            error.starts_with("prompts/en/bot.ftl has syntax errors"),
            "{error}"
        );
        let twice: &[(Lang, &str, &str)] = &[(Lang::En, "bot.ftl", "a = 1\na = 2\n")];
        let error = super::Texts::load(twice).err().expect("a repeated key");
        assert!(
            error.starts_with("prompts/en/bot.ftl repeats keys"),
            "{error}"
        );
    }

    /// Key → the names of the variables it uses, for one language.
    fn keys_and_placeholders(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (file_lang, _, source) in FILES {
            if *file_lang != lang {
                continue;
            }
            let resource = fluent_syntax::parser::parse(*source).expect("valid Fluent");
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        collect_vars(pattern, &mut vars);
                    }
                    out.insert(message.id.name.to_owned(), vars);
                }
            }
        }
        out
    }

    fn collect_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                collect_expr_vars(expression, vars);
            }
        }
    }

    fn collect_expr_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                collect_inline_vars(selector, vars);
                for variant in variants {
                    collect_vars(&variant.value, vars);
                }
            }
            ast::Expression::Inline(inline) => collect_inline_vars(inline, vars),
        }
    }

    fn collect_inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => collect_expr_vars(expression, vars),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for arg in &arguments.positional {
                    collect_inline_vars(arg, vars);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let reference = keys_and_placeholders(Lang::En);
        assert!(!reference.is_empty());
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let other = keys_and_placeholders(lang);
            let missing: Vec<_> = reference
                .keys()
                .filter(|k| !other.contains_key(*k))
                .collect();
            let extra: Vec<_> = other
                .keys()
                .filter(|k| !reference.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{lang}: missing keys {missing:?}");
            assert!(extra.is_empty(), "{lang}: keys not in en {extra:?}");
            for (key, vars) in &reference {
                assert_eq!(
                    &other[key], vars,
                    "{lang}: placeholders of `{key}` differ from en"
                );
            }
        }
    }

    /// The words of a pattern, without its placeables (which come from
    /// configuration or the code), select variants included.
    fn collect_words(pattern: &ast::Pattern<&str>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    for variant in variants {
                        out.push(' ');
                        collect_words(&variant.value, out);
                        out.push(' ');
                    }
                }
                ast::PatternElement::Placeable { .. } => out.push(' '),
            }
        }
    }

    /// The phone numbers written into a text: anything led by `+`, a group
    /// of six digits or more (spaces and dashes between them), or a run of
    /// three to five digits (an emergency or hotline code: 999, 119, 1823)
    /// that is not a flat or ticket number of an example (`3-1502`,
    /// `5栋802`, `Flat 1502`, `R-0012`).
    fn phone_numbers(text: &str) -> Vec<String> {
        static GROUP: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(r"\+?\d+(?:[ \-]\d+)*").expect("valid"));
        let mut found = Vec::new();
        for m in GROUP.find_iter(text) {
            let group = m.as_str();
            let digits = group.chars().filter(char::is_ascii_digit).count();
            let before = text[..m.start()].trim_end_matches(' ');
            let after = &text[m.end()..];
            let unit_example = ["座", "栋", "棟", "幢", "flat", "Flat", "-", "/log"]
                .iter()
                .any(|w| before.ends_with(w))
                || ["室", "樓", "楼"].iter().any(|w| after.starts_with(w));
            let runs: Vec<&str> = group.split([' ', '-']).collect();
            let code = runs.iter().enumerate().any(|(i, run)| {
                let n = run.trim_start_matches('+').len();
                // Inside a group, a run after a dash is a flat: 3-1502.
                let in_unit = i > 0 && group.contains('-');
                (3..=5).contains(&n) && !in_unit && !(i == 0 && unit_example)
            });
            if group.starts_with('+') || digits >= 6 || code {
                found.push(group.to_owned());
            }
        }
        found
    }

    #[test]
    fn the_phone_number_lint_tells_numbers_from_flat_examples() {
        for text in [
            "call 999 from outside",
            "拨打 119。",
            "致電 1823 查詢",
            "Phone +852 2123 4567",
            "電話 2123 4567",
            "call 2123-4567",
        ] {
            assert!(!phone_numbers(text).is_empty(), "{text}");
        }
        for text in [
            "for example “Block 3 Flat 1502”",
            "例如「5栋802」",
            "「3座1502室」或「B座12樓A室」",
            "/log 3-1502 text",
            "/reassign R-0012",
            "09:00–18:00, 25 March",
        ] {
            assert_eq!(phone_numbers(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn no_prompt_carries_a_phone_number() {
        // Office phones, hours and the emergency numbers come from the
        // configuration (`office.*`, `emergency.*`) as placeholders.
        let mut offenders = Vec::new();
        for (lang, file, source) in FILES {
            let resource = fluent_syntax::parser::parse(*source).expect("valid Fluent");
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut words = String::new();
                    if let Some(pattern) = &message.value {
                        collect_words(pattern, &mut words);
                    }
                    for number in phone_numbers(&words) {
                        offenders.push(format!("{lang}/{file} {}: {number}", message.id.name));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "prompts holding a phone number: {offenders:#?}"
        );
    }

    #[test]
    fn every_file_parses_and_renders() {
        for lang in Lang::ALL {
            assert!(has(lang, "error-generic"));
            assert!(!t(lang, "error-generic").is_empty());
        }
    }

    #[test]
    fn a_missing_key_renders_as_the_key() {
        assert_eq!(t(Lang::En, "no-such-key"), "no-such-key");
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let text = t_args(Lang::En, "lang-set", &[("language", "English".into())]);
        assert!(text.contains("English"), "{text}");
        assert!(!text.contains('\u{2068}'));
    }
}
