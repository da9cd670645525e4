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

/// Whether `text` contains something that looks like a national identity
/// number: eleven digits in a row, or six and five digits with one space or
/// dot between them (`010190 12345`), with valid control digits. Longer runs
/// of digits (account numbers with more digits, ids) are not taken for one.
pub fn contains_national_id(text: &str) -> bool {
    // Runs of ASCII digits with the separator that follows each.
    let mut runs: Vec<(Vec<u32>, Option<char>)> = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    for c in text.chars() {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            current.push(d);
        } else {
            if !current.is_empty() {
                runs.push((std::mem::take(&mut current), Some(c)));
            } else if let Some(last) = runs.last_mut() {
                // Two separators in a row end any "six + five" pairing.
                last.1 = None;
            }
        }
    }
    if !current.is_empty() {
        runs.push((current, None));
    }
    let check = |digits: &[u32]| -> bool {
        let array: [u32; 11] = digits.try_into().expect("eleven digits");
        is_national_id(&array)
    };
    runs.iter().enumerate().any(|(i, (run, sep))| {
        if run.len() == 11 && check(run) {
            return true;
        }
        let joined = run.len() == 6
            && matches!(sep, Some(' ' | '.'))
            && runs.get(i + 1).is_some_and(|(next, _)| next.len() == 5);
        joined && check(&[run.as_slice(), runs[i + 1].0.as_slice()].concat())
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
    }

    #[test]
    fn leaves_other_numbers_alone() {
        assert!(!contains_national_id("01010100132"), "wrong control digit");
        assert!(!contains_national_id("Ring 900 00 000 eller 33 12 34 56"));
        assert!(!contains_national_id("kr 15 000 til 3 benker"));
        assert!(!contains_national_id(&format!("9{VALID}")), "twelve digits are not one");
        assert!(!contains_national_id("010101  00131"), "two spaces do not join");
        assert!(!contains_national_id("Sak 03/26 ble vedtatt 12.03.2026"));
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
