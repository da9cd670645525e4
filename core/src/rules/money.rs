//! Money as Norwegians write it, held as integer øre — never a float.
//!
//! [`parse`] takes what a person types in an amount field: `12500`,
//! `12 500`, `12 500,50`, `12 500,-`, `kr 12 500` — a space (or a no-break
//! space) between groups of three digits, a decimal comma with one or two
//! digits. Anything else (`12.500,5`, `12,505`, `1 2`, `abc`, a minus sign) is
//! refused, so a typing mistake is never taken for a different amount.
//! [`format`] writes an amount back the same way: `12 500,50`, or `12 500`
//! for whole kroner.

/// The largest amount Grendebok accepts anywhere: kr 100 000 000.
pub const MAX_ORE: i64 = 100_000_000 * 100;

/// Why a typed amount was refused; each maps to a message in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Not a number as Norwegians write one (wrong separators, letters).
    Malformed,
    Negative,
    TooLarge,
}

impl AmountError {
    pub fn key(self) -> &'static str {
        match self {
            AmountError::Empty => "validation.amount_empty",
            AmountError::Malformed => "validation.amount_malformed",
            AmountError::Negative => "validation.amount_negative",
            AmountError::TooLarge => "validation.amount_too_large",
        }
    }
}

/// Parses a typed amount in kroner into øre (see the module's comment).
pub fn parse(text: &str) -> Result<i64, AmountError> {
    let mut s = text.trim();
    if let Some(rest) = strip_prefix_ignore_case(s, "kr") {
        s = rest.trim_start_matches('.').trim_start();
    }
    if let Some(rest) = strip_suffix_ignore_case(s, "kr") {
        s = rest.trim_end();
    }
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    if s.starts_with('-') || s.starts_with('−') {
        return Err(AmountError::Negative);
    }
    let (whole, fraction) = match s.split_once(',') {
        Some((whole, "-")) => (whole, ""),
        Some((whole, fraction)) => {
            if fraction.is_empty() || fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountError::Malformed);
            }
            (whole, fraction)
        }
        None => (s, ""),
    };
    let groups: Vec<&str> = whole.split([' ', '\u{a0}', '\u{202f}']).collect();
    let well_grouped = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[0].len() <= if groups.len() > 1 { 3 } else { usize::MAX }
        && groups[1..].iter().all(|g| g.len() == 3);
    if !well_grouped {
        return Err(AmountError::Malformed);
    }
    let digits: String = groups.concat();
    // More digits than any allowed amount has: too large, without overflowing.
    if digits.trim_start_matches('0').len() > 12 {
        return Err(AmountError::TooLarge);
    }
    let kroner: i64 = digits.parse().map_err(|_| AmountError::Malformed)?;
    let ore: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| AmountError::Malformed)? * 10,
        _ => fraction.parse::<i64>().map_err(|_| AmountError::Malformed)?,
    };
    let total = kroner * 100 + ore;
    if total > MAX_ORE {
        return Err(AmountError::TooLarge);
    }
    Ok(total)
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}

/// `12 500,50`, and whole kroner with their øre too: `12 500,00`, as
/// Norwegian accounts write amounts. Groups are separated by a plain space,
/// so what is printed can be typed back in.
pub fn format(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let abs = ore.unsigned_abs();
    let kroner = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02}", abs % 100)
}

/// `kr 12 500,00` — as an amount is written in a letter or a message.
pub fn kr(ore: i64) -> String {
    format!("kr {}", format(ore))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_as_norwegians_write_them() {
        assert_eq!(parse("12 500,50"), Ok(1_250_050));
        assert_eq!(parse("12500"), Ok(1_250_000));
        assert_eq!(parse("12 500"), Ok(1_250_000));
        assert_eq!(parse("12\u{a0}500,5"), Ok(1_250_050));
        assert_eq!(parse("12 500,-"), Ok(1_250_000));
        assert_eq!(parse("kr 12 500"), Ok(1_250_000));
        assert_eq!(parse("Kr. 400"), Ok(40_000));
        assert_eq!(parse("750 kr"), Ok(75_000));
        assert_eq!(parse(" 0,05 "), Ok(5));
        assert_eq!(parse("100 000 000"), Ok(MAX_ORE));
    }

    #[test]
    fn anything_else_is_refused_rather_than_guessed() {
        for text in [
            "12.500,5", "12.500", "12,505", "1 2", "12  500", "12 5000", "abc", "12,", ",5", "1,2,3", "1e5",
        ] {
            assert_eq!(parse(text), Err(AmountError::Malformed), "{text}");
        }
        assert_eq!(parse(""), Err(AmountError::Empty));
        assert_eq!(parse("  kr "), Err(AmountError::Empty));
        assert_eq!(parse("-100"), Err(AmountError::Negative));
        assert_eq!(parse("100 000 000,01"), Err(AmountError::TooLarge));
        assert_eq!(parse("99999999999999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn formatting_groups_thousands_and_always_shows_the_ore() {
        assert_eq!(format(1_250_050), "12 500,50");
        assert_eq!(format(1_250_000), "12 500,00");
        assert_eq!(kr(1_250_000), "kr 12 500,00");
        assert_eq!(format(5), "0,05");
        assert_eq!(format(MAX_ORE), "100 000 000,00");
        assert_eq!(kr(40_000_000), "kr 400 000,00");
    }

    proptest! {
        #[test]
        fn every_amount_round_trips(ore in 0..=MAX_ORE) {
            prop_assert_eq!(parse(&format(ore)), Ok(ore));
            prop_assert_eq!(parse(&kr(ore)), Ok(ore));
        }

        #[test]
        fn no_text_makes_parse_panic_or_exceed_the_cap(text in "\\PC{0,40}") {
            if let Ok(ore) = parse(&text) {
                prop_assert!((0..=MAX_ORE).contains(&ore));
            }
        }
    }
}
