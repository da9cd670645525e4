//! Fonts, text cleaning, measuring and greedy word wrap.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use printpdf::ParsedFont;
use unicode_normalization::UnicodeNormalization;

const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");
const ITALIC_TTF: &[u8] = include_bytes!("../../fonts/LiberationSans-Italic.ttf");

/// Shown in place of a character the font cannot draw (emoji, CJK, …).
/// U+25A1 WHITE SQUARE when the font has it, else `?`.
const REPLACEMENT: [char; 2] = ['\u{25A1}', '?'];

/// The three faces a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    pub(crate) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The font's resource and base font name in the PDF. Fixed, so the output is deterministic
    /// (printpdf's `FontId::new()` is random).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSans",
            Face::Bold => "LiberationSans-Bold",
            Face::Italic => "LiberationSans-Italic",
        }
    }

    pub(crate) fn ttf(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
            Face::Italic => ITALIC_TTF,
        }
    }

    /// The parsed font, parsed once per process.
    pub(crate) fn font(self) -> &'static ParsedFont {
        &loaded()[self as usize].font
    }
}

/// A parsed face and, for the characters below [`TABLE_END`], its advances
/// in em (`None`: no glyph), so measuring needs no map lookups.
struct Loaded {
    font: ParsedFont,
    advances: Vec<Option<f32>>,
}

/// Covers Latin, Greek, Cyrillic and general punctuation (– « » €).
const TABLE_END: u32 = 0x2200;

fn loaded() -> &'static [Loaded; 3] {
    static FONTS: OnceLock<[Loaded; 3]> = OnceLock::new();
    FONTS.get_or_init(|| {
        Face::ALL.map(|face| {
            let font =
                ParsedFont::from_bytes(face.ttf(), 0, &mut Vec::new()).expect("the bundled Liberation Sans parses");
            let advances = (0..TABLE_END).map(|cp| advance(&font, cp)).collect();
            Loaded { font, advances }
        })
    })
}

/// The advance of code point `cp` in em, `None` if the font has no glyph for it.
fn advance(font: &ParsedFont, cp: u32) -> Option<f32> {
    let gid = font.lookup_glyph_index(cp).filter(|&gid| gid != 0)?;
    Some(f32::from(font.get_glyph_width(gid).unwrap_or(0)) / f32::from(font.units_per_em))
}

fn advance_of(face: Face, c: char) -> Option<f32> {
    let loaded = &loaded()[face as usize];
    match loaded.advances.get(c as usize) {
        Some(a) => *a,
        None => advance(&loaded.font, c as u32),
    }
}

/// `face` cut down to the glyphs for `chars` (and `.notdef`), with its
/// PDF name: `XXXXXX+LiberationSans`, the tag derived from the glyph set so
/// the same text gives the same name. `None` if subsetting fails (the caller
/// embeds the whole font then).
///
/// printpdf subsets only with its `text_layout` feature, which doubles the
/// build; allsorts, which printpdf uses for that, is compiled anyway.
pub(crate) fn subset(face: Face, chars: &BTreeSet<char>) -> Option<(String, ParsedFont)> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    use sha2::{Digest, Sha256};

    let font = face.font();
    let used: BTreeSet<u16> = chars
        .iter()
        .filter_map(|&c| font.lookup_glyph_index(c as u32))
        .filter(|&gid| gid != 0)
        .collect();
    // .notdef first, as allsorts requires; the rest sorted and unique.
    let gids: Vec<u16> = std::iter::once(0).chain(used).collect();
    let data = ReadScope::new(face.ttf()).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())?;
    let digest = Sha256::digest(gids.iter().flat_map(|g| g.to_be_bytes()).collect::<Vec<u8>>());
    let tag: String = digest.iter().take(6).map(|b| char::from(b'A' + b % 26)).collect();
    Some((format!("{tag}+{}", face.id()), parsed))
}

/// Whether `face` has a glyph for `c`.
pub(crate) fn has_glyph(face: Face, c: char) -> bool {
    advance_of(face, c).is_some()
}

/// Advance width of one character at `size` points (0 for one the font lacks).
pub(crate) fn char_width(face: Face, c: char, size: f32) -> f32 {
    advance_of(face, c).unwrap_or(0.0) * size
}

/// Width of `text` at `size` points (no kerning: the PDF draws advances only).
pub(crate) fn text_width(face: Face, text: &str, size: f32) -> f32 {
    text.chars().map(|c| char_width(face, c, size)).sum()
}

/// Makes user text safe to lay out with `face`: NFC-normalised, `\r\n` and
/// `\r` become `\n`, tabs become a space, other control and format
/// characters (zero-width joiners, soft hyphens, variation selectors) are
/// dropped, and characters the font lacks become a visible replacement.
/// The result contains no control character except `\n`.
pub(crate) fn clean(face: Face, text: &str) -> String {
    let replacement = REPLACEMENT.into_iter().find(|&c| has_glyph(face, c)).unwrap_or('?');
    let normalized: String = text.replace("\r\n", "\n").nfc().collect();
    let mut out = String::with_capacity(normalized.len());
    for c in normalized.chars() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            // Format characters (Cf) and variation selectors: invisible, and the font lacks most.
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' => {}
            '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}' => {}
            ' ' | '\u{00A0}' => out.push(c),
            c if c.is_whitespace() => out.push(' '),
            c if has_glyph(face, c) => out.push(c),
            _ => out.push(replacement),
        }
    }
    out
}

/// Greedy word wrap of cleaned text into lines no wider than `width` points.
///
/// Explicit `\n` starts a new line (an empty line stays empty); runs of
/// spaces collapse to one; a word wider than the line is broken between
/// characters. A non-breaking space (U+00A0) keeps its neighbours together.
/// Always returns at least one line.
pub(crate) fn wrap(face: Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = char_width(face, ' ', size);
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in hard_line.split(' ').filter(|w| !w.is_empty()) {
            let word_width = text_width(face, word, size);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word longer than a line: break it between characters.
            for c in word.chars() {
                let w = char_width(face, c, size);
                if !line.is_empty() && line_width + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_keeps_every_word() {
        let text = (1..=200).map(|i| format!("ord{i}")).collect::<Vec<_>>().join(" ");
        let lines = wrap(Face::Regular, &text, 10.0, 150.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(text_width(Face::Regular, line, 10.0) <= 150.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrap_breaks_a_word_longer_than_the_line() {
        let word = "x".repeat(100);
        let lines = wrap(Face::Regular, &format!("a {word} b"), 10.0, 50.0);
        assert_eq!(lines[0], "a");
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), format!("a{word}b"));
        for line in &lines {
            assert!(text_width(Face::Regular, line, 10.0) <= 50.0);
        }
    }

    #[test]
    fn wrap_keeps_explicit_line_breaks() {
        assert_eq!(wrap(Face::Regular, "en\n\nto", 10.0, 500.0), vec!["en", "", "to"]);
    }

    #[test]
    fn measuring_uses_real_glyph_widths() {
        // Liberation Sans is metric-compatible with Arial: "i" is narrow, "W" wide.
        assert!(text_width(Face::Regular, "W", 10.0) > 3.0 * text_width(Face::Regular, "i", 10.0));
        assert!(text_width(Face::Bold, "Møte", 10.0) > text_width(Face::Regular, "Møte", 10.0));
    }

    #[test]
    fn a_subset_keeps_the_used_glyphs_and_their_widths() {
        let chars: BTreeSet<char> = "Møte på Ærøy €".chars().collect();
        let (name, sub) = subset(Face::Regular, &chars).expect("Liberation Sans subsets");
        assert!(
            name.ends_with("+LiberationSans") && name.len() == "ABCDEF+LiberationSans".len(),
            "{name}"
        );
        assert!(sub.original_bytes.len() < Face::Regular.ttf().len() / 10);
        for c in chars {
            let gid = sub
                .lookup_glyph_index(c as u32)
                .unwrap_or_else(|| panic!("{c} is in the subset"));
            let full = Face::Regular.font();
            let full_gid = full.lookup_glyph_index(c as u32).unwrap();
            assert_eq!(sub.get_glyph_width(gid), full.get_glyph_width(full_gid), "{c}");
        }
        assert_eq!(sub.lookup_glyph_index('x' as u32), None);
        let again = subset(Face::Regular, &"Møte på Ærøy €".chars().collect()).unwrap();
        assert_eq!(
            (name, sub.original_bytes),
            (again.0, again.1.original_bytes),
            "deterministic"
        );
    }

    #[test]
    fn clean_normalises_replaces_and_drops_controls() {
        assert_eq!(clean(Face::Regular, "e\u{301}"), "é");
        assert_eq!(clean(Face::Regular, "a\tb\u{7}c\r\nd"), "a bc\nd");
        let party = clean(Face::Regular, "fest 🎉 漢字");
        assert!(!party.contains('🎉') && !party.contains('漢'));
        assert_eq!(party.chars().count(), "fest ? ??".chars().count());
        assert_eq!(clean(Face::Bold, "æøå ÆØÅ é ü ß «» – €"), "æøå ÆØÅ é ü ß «» – €");
    }
}
