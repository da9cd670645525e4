//! Privacy rules: Grendebok never stores a Norwegian national identity number
//! (fødselsnummer or D-number). Free text that contains one is refused with a
//! message saying why, before anything is written.

use crate::error::FieldIssue;

const WEIGHTS_1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn control(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// Whether eleven digits carry the two mod-11 control digits of a national
/// identity number (fødselsnummer, D-number or H-number alike).
pub fn is_national_id(digits: &[u32; 11]) -> bool {
    let Some(k1) = control(&digits[..9], &WEIGHTS_1) else {
        return false;
    };
    let mut first_ten = [0; 10];
    first_ten[..9].copy_from_slice(&digits[..9]);
    first_ten[9] = k1;
    let Some(k2) = control(&first_ten, &WEIGHTS_2) else {
        return false;
    };
    digits[9] == k1 && digits[10] == k2
}

/// The characters people put between the groups of a number they type or
/// paste: a space, a no-break or thin space, a dot, a hyphen or a dash.
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '.' | '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}'
    )
}

/// Where the groups of a national identity number may be split, as digits
/// before each split: `01010100131`, `010101 00131` (`-`, `.` alike),
/// `010101 001 31`, `01 01 01 00131`, `01 01 01 001 31`. A bank account
/// number's `1234 56 78903` is not one of these.
const GROUPINGS: &[&[usize]] = &[&[], &[6], &[6, 9], &[2, 4, 6], &[2, 4, 6, 9]];

/// Whether `text` contains something that looks like a national identity
/// number: eleven digits in a row or in one of the common groupings
/// ([`GROUPINGS`]), the groups joined by one separator each (a space, a
/// no-break space, a dot or a hyphen: `010101-00131`), with valid control
/// digits. Eleven digits inside a longer run of digits (account numbers with
/// more digits, ids) are not taken for one.
pub fn contains_national_id(text: &str) -> bool {
    // Groups of ASCII digits; `joined` says one separator links a group to the next.
    struct Group {
        digits: Vec<u32>,
        joined: bool,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            current.push(c as u32 - '0' as u32);
            continue;
        }
        if !current.is_empty() {
            // One separator followed by a digit joins this group to the next.
            let joined = is_group_separator(c) && chars.peek().is_some_and(char::is_ascii_digit);
            groups.push(Group {
                digits: std::mem::take(&mut current),
                joined,
            });
        }
    }
    if !current.is_empty() {
        groups.push(Group {
            digits: current,
            joined: false,
        });
    }
    // Every chain of joined groups, from each group on, that adds up to eleven digits.
    (0..groups.len()).any(|start| {
        let mut digits: Vec<u32> = Vec::with_capacity(11);
        let mut splits: Vec<usize> = Vec::new();
        for (i, group) in groups[start..].iter().enumerate() {
            if i > 0 {
                splits.push(digits.len());
            }
            digits.extend(&group.digits);
            if digits.len() >= 11 || !group.joined {
                break;
            }
        }
        digits.len() == 11
            && GROUPINGS.contains(&splits.as_slice())
            && is_national_id(&digits.clone().try_into().expect("eleven digits"))
    })
}

/// A field issue if `text` contains a national identity number.
pub fn check_free_text(field: &str, text: &str) -> Option<FieldIssue> {
    contains_national_id(text).then(|| FieldIssue::new(field, "validation.national_id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Synthetic numbers with valid control digits (not real people).
    const VALID: &str = "01010100131";

    #[test]
    fn finds_a_national_id_in_a_row_or_split_six_and_five() {
        assert!(contains_national_id(VALID));
        assert!(contains_national_id(&format!("Fødselsnummer: {VALID}.")));
        assert!(contains_national_id("fnr 010101 00131, takk"));
        assert!(contains_national_id("010101.00131"));
        assert!(contains_national_id("010101-00131"), "a hyphen, as many write it");
        assert!(
            contains_national_id("010101\u{a0}00131"),
            "a no-break space, as word processors paste it"
        );
        assert!(contains_national_id("010101\u{202f}00131"));
        assert!(contains_national_id("fnr: 01 01 01 001 31"));
        assert!(contains_national_id("010101 001 31."));
        assert!(
            contains_national_id("Sak 5 010101 00131"),
            "a number before does not hide it"
        );
    }

    #[test]
    fn leaves_other_numbers_alone() {
        assert!(!contains_national_id("01010100132"), "wrong control digit");
        assert!(!contains_national_id("Ring 900 00 000 eller 33 12 34 56"));
        assert!(!contains_national_id("kr 15 000 til 3 benker"));
        assert!(!contains_national_id(&format!("9{VALID}")), "twelve digits are not one");
        assert!(!contains_national_id("010101  00131"), "two spaces do not join");
        assert!(!contains_national_id("Sak 03/26 ble vedtatt 12.03.2026"));
        assert!(!contains_national_id("0101.01.00131"), "a bank account's grouping");
        assert!(!contains_national_id("010101--00131"));
    }

    #[test]
    fn d_numbers_are_found_too() {
        // A D-number adds 4 to the first digit of the day.
        let mut digits = [4, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0];
        for k1 in 0..10 {
            for k2 in 0..10 {
                digits[9] = k1;
                digits[10] = k2;
                if is_national_id(&digits) {
                    let text: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
                    assert!(contains_national_id(&text));
                    return;
                }
            }
        }
        panic!("some control digits make a valid D-number");
    }
}
