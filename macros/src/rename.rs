//! `rename_all = "..."`: the case conventions PyO3 accepts, applied to Rust field and variant
//! names.

/// A recognised convention.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameRule {
    CamelCase,
    KebabCase,
    Lowercase,
    PascalCase,
    ScreamingKebabCase,
    ScreamingSnakeCase,
    SnakeCase,
    Uppercase,
}

/// The conventions by their spelling in the attribute.
pub const RULES: &[(&str, RenameRule)] = &[
    ("camelCase", RenameRule::CamelCase),
    ("kebab-case", RenameRule::KebabCase),
    ("lowercase", RenameRule::Lowercase),
    ("PascalCase", RenameRule::PascalCase),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebabCase),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnakeCase),
    ("snake_case", RenameRule::SnakeCase),
    ("UPPERCASE", RenameRule::Uppercase),
];

impl RenameRule {
    /// The rule called `name`.
    pub fn parse(name: &str) -> Option<RenameRule> {
        RULES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// `name` (a Rust identifier in snake_case or PascalCase) in this convention.
    pub fn apply(self, name: &str) -> String {
        let words = split_words(name);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let capitalized = || lower.iter().map(|w| capitalize(w)).collect::<Vec<_>>();
        match self {
            RenameRule::CamelCase => {
                let mut out = lower.first().cloned().unwrap_or_default();
                out.extend(capitalized().into_iter().skip(1));
                out
            }
            RenameRule::KebabCase => lower.join("-"),
            RenameRule::Lowercase => lower.concat(),
            RenameRule::PascalCase => capitalized().concat(),
            RenameRule::ScreamingKebabCase => lower.join("-").to_uppercase(),
            RenameRule::ScreamingSnakeCase => lower.join("_").to_uppercase(),
            RenameRule::SnakeCase => lower.join("_"),
            RenameRule::Uppercase => lower.concat().to_uppercase(),
        }
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The words of `snake_case` or `PascalCase`/`camelCase` names.
fn split_words(name: &str) -> Vec<String> {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut words = Vec::new();
    for part in name.split('_').filter(|p| !p.is_empty()) {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in part.chars() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.push(c);
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;

    #[test]
    fn conventions() {
        assert_eq!(CamelCase.apply("my_field_name"), "myFieldName");
        assert_eq!(PascalCase.apply("my_field"), "MyField");
        assert_eq!(SnakeCase.apply("MyVariant"), "my_variant");
        assert_eq!(KebabCase.apply("my_field"), "my-field");
        assert_eq!(ScreamingSnakeCase.apply("MyVariant"), "MY_VARIANT");
        assert_eq!(ScreamingKebabCase.apply("my_field"), "MY-FIELD");
        assert_eq!(Lowercase.apply("MyVariant"), "myvariant");
        assert_eq!(Uppercase.apply("my_field"), "MYFIELD");
    }
}
