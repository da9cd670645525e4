//! The one Norwegian order of names, for every list of people, councils and
//! organisations: case-blind, with æ, ø and å after z in that order (ä and ö
//! with æ and ø), as a Norwegian reader expects. The store's SQL uses it as
//! the collation `gb_norsk`; lists sorted in Rust use [`sort_key`].

use std::cmp::Ordering;

fn letters(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).map(|c| match c {
        'æ' | 'ä' => '\u{10FFFD}',
        'ø' | 'ö' => '\u{10FFFE}',
        'å' => '\u{10FFFF}',
        c => c,
    })
}

/// The order of two names.
pub fn compare(a: &str, b: &str) -> Ordering {
    letters(a).cmp(letters(b))
}

/// A name's sort key: two names' keys compare as [`compare`] does.
pub fn sort_key(text: &str) -> String {
    letters(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ae_oe_aa_come_after_z_in_that_order_whatever_the_case() {
        let mut names = vec!["Åse", "Ørjan", "zara", "Ærle", "aslak", "Øystein", "Anne"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["Anne", "aslak", "zara", "Ærle", "Ørjan", "Øystein", "Åse"]);
        assert_eq!(compare("åse", "Æ"), Ordering::Greater);
        assert_eq!(compare("Ola", "ola"), Ordering::Equal);
    }
}
