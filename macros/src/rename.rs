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

    /// `name` (a Rust identifier, `r#` allowed) in this convention. `lowercase` and
    /// `UPPERCASE` change the case of every letter and nothing else (`first_field` becomes
    /// `FIRST_FIELD`); the other conventions split the name into words (see [`split_words`]) and
    /// join them anew, dropping the underscores.
    pub fn apply(self, name: &str) -> String {
        let name = name.strip_prefix("r#").unwrap_or(name);
        let words = split_words(name);
        let lower = || words.iter().map(|w| lowercase(w));
        let upper = || words.iter().map(|w| w.to_uppercase());
        match self {
            RenameRule::Lowercase => name.to_lowercase(),
            RenameRule::Uppercase => name.to_uppercase(),
            RenameRule::CamelCase => {
                let mut words = words.iter();
                let mut out = words.next().map(|w| lowercase(w)).unwrap_or_default();
                words.for_each(|w| out.push_str(&capitalize(w)));
                out
            }
            RenameRule::PascalCase => words.iter().map(|w| capitalize(w)).collect(),
            RenameRule::KebabCase => lower().collect::<Vec<_>>().join("-"),
            RenameRule::SnakeCase => lower().collect::<Vec<_>>().join("_"),
            RenameRule::ScreamingKebabCase => upper().collect::<Vec<_>>().join("-"),
            RenameRule::ScreamingSnakeCase => upper().collect::<Vec<_>>().join("_"),
        }
    }
}

/// The first letter in upper case, the rest in lower case.
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(lowercase(chars.as_str()).chars()).collect(),
        None => String::new(),
    }
}

/// A word (or the rest of one) in lower case, with heck's final sigma: a `Σ` that ends it
/// becomes `ς`, any other `σ`.
fn lowercase(word: &str) -> String {
    let mut out: String = word.chars().flat_map(char::to_lowercase).collect();
    if word.ends_with('Σ') {
        out.pop();
        out.push('ς');
    }
    out
}

/// Whether a letter is upper case (`Some(true)`), lower case (`Some(false)`), or neither.
fn case_of(c: char) -> Option<bool> {
    if c.is_uppercase() {
        Some(true)
    } else if c.is_lowercase() {
        Some(false)
    } else {
        None
    }
}

/// The words of a name, as the `heck` crate (which PyO3 uses) finds them: every run of
/// characters other than letters and digits separates words; inside a run, a word ends after a
/// lower-case letter (or a digit following one) that an upper-case letter follows (`myField`),
/// and an upper-case letter that a lower-case one follows starts a word when upper-case letters
/// precede it (`XMLParser` is `XML` + `Parser`). Digits take the case of the letters before
/// them in the word (`v2X` is `v2` + `X`, `V2X` is one word).
fn split_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for run in name.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
        let chars: Vec<(usize, char)> = run.char_indices().collect();
        let mut start = 0;
        // The case of the last cased letter of the current word, `None` before the first.
        let mut last_case = None;
        for pair in chars.windows(2) {
            let [(at, c), (next_at, next)] = [pair[0], pair[1]];
            let case = case_of(c).or(last_case);
            if case == Some(false) && next.is_uppercase() {
                words.push(&run[start..next_at]);
                start = next_at;
                last_case = None;
            } else if last_case == Some(true) && c.is_uppercase() && next.is_lowercase() {
                words.push(&run[start..at]);
                start = at;
                last_case = None;
            } else {
                last_case = case;
            }
        }
        words.push(&run[start..]);
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
        assert_eq!(Uppercase.apply("first_field"), "FIRST_FIELD");
        assert_eq!(Lowercase.apply("__Private_"), "__private_");
        assert_eq!(Uppercase.apply("r#type"), "TYPE");
    }

    /// Names whose words are split at acronyms, digits and repeated or trailing underscores, in
    /// every convention (the expected names are what PyO3 0.30 produces).
    #[test]
    fn word_boundaries() {
        let cases: &[(&str, [&str; 6])] = &[
            // camelCase, PascalCase, snake_case, kebab-case, SCREAMING_SNAKE, SCREAMING-KEBAB
            (
                "HTTPServer",
                [
                    "httpServer",
                    "HttpServer",
                    "http_server",
                    "http-server",
                    "HTTP_SERVER",
                    "HTTP-SERVER",
                ],
            ),
            (
                "myXMLParser",
                [
                    "myXmlParser",
                    "MyXmlParser",
                    "my_xml_parser",
                    "my-xml-parser",
                    "MY_XML_PARSER",
                    "MY-XML-PARSER",
                ],
            ),
            ("a_b_c", ["aBC", "ABC", "a_b_c", "a-b-c", "A_B_C", "A-B-C"]),
            ("__private", ["private", "Private", "private", "private", "PRIVATE", "PRIVATE"]),
            ("trailing_", ["trailing", "Trailing", "trailing", "trailing", "TRAILING", "TRAILING"]),
            ("ABC", ["abc", "Abc", "abc", "abc", "ABC", "ABC"]),
            ("aB1c", ["aB1c", "AB1c", "a_b1c", "a-b1c", "A_B1C", "A-B1C"]),
            ("a1B", ["a1B", "A1B", "a1_b", "a1-b", "A1_B", "A1-B"]),
            ("A1b", ["a1b", "A1b", "a1b", "a1b", "A1B", "A1B"]),
            (
                "field1_name",
                [
                    "field1Name",
                    "Field1Name",
                    "field1_name",
                    "field1-name",
                    "FIELD1_NAME",
                    "FIELD1-NAME",
                ],
            ),
            ("é_ü", ["éÜ", "ÉÜ", "é_ü", "é-ü", "É_Ü", "É-Ü"]),
            ("ΣΣa", ["ςΣa", "ΣΣa", "ς_σa", "ς-σa", "Σ_ΣA", "Σ-ΣA"]),
        ];
        let rules =
            [CamelCase, PascalCase, SnakeCase, KebabCase, ScreamingSnakeCase, ScreamingKebabCase];
        for (name, expected) in cases {
            for (rule, want) in rules.iter().zip(expected) {
                assert_eq!(rule.apply(name), *want, "{rule:?} of {name}");
            }
        }
    }
}
