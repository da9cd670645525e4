//! Tests of the PDF engine against what poppler-utils (`pdftotext`,
//! `pdffonts`, `pdfinfo`) read back from the bytes we produce.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Utc};

use super::*;

fn created() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-12T17:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub(super) fn meta() -> DocMeta {
    DocMeta {
        title: "Møteprotokoll – Bøler grendeutvalg".into(),
        author: "Åse Ødegård".into(),
        subject: "Møte 12.03.2026".into(),
        created: created(),
        lang: "nb-NO".into(),
    }
}

pub(super) fn footer() -> Footer<'static> {
    Footer::new("Bøler grendeutvalg · Protokollnr. 3f2a9c1b7d0e", |n, total| {
        format!("Side {n} av {total}")
    })
}

/// Runs a poppler tool on `pdf` (written to a temp file) and returns its stdout.
pub(super) fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&file);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{tool} failed: {stderr}");
    assert!(!stderr.contains("Error"), "{tool} complained: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The text of each page, as `pdftotext` extracts it.
fn pages_text(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn words(pdf: &[u8]) -> Vec<String> {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn long_paragraph(chars: usize) -> String {
    let mut text = String::new();
    let mut i = 1;
    while text.len() < chars {
        text.push_str(&format!("ord{i} "));
        i += 1;
    }
    text.trim_end().to_string()
}

/// The sample document: everything the engine does, in Norwegian.
pub(super) fn sample() -> Doc {
    let mut doc = Doc::new(meta());
    doc.heading(1, "Møteprotokoll for Bøler grendeutvalg");
    doc.label_value("Tid:", "Torsdag 12.03.2026 kl. 18:00–20:30");
    doc.label_value("Sted:", "Bøler samfunnshus, møterom «Åsen», Bølerskrenten 2, 0691 Oslo");
    doc.label_value(
        "Til stede:",
        "Åse Ødegård (leder), Ola Nordmann, Kari Nordmann, Per Ærlig, Sølvi Ødegård",
    );
    doc.label_value("Forfall:", "Bjørn Øvrebø");
    doc.label_value("Protokollfører:", "Kari Nordmann");
    doc.heading(2, "Saksliste");
    let mut rows = vec![
        vec![
            "1/26".into(),
            "Godkjenning av innkalling og saksliste".into(),
            "Vedtak".into(),
        ],
        vec![
            "2/26".into(),
            "Godkjenning av protokoll fra møtet 12.02.2026".into(),
            "Vedtak".into(),
        ],
        vec![
            "3/26".into(),
            "Søknad om midler til 17. mai-arrangement: budsjett 12 500 €".into(),
            "Vedtak".into(),
        ],
    ];
    for i in 4..=21 {
        rows.push(vec![
            format!("{i}/26"),
            format!("Orienteringssak nummer {i} om nærmiljøet"),
            "Orientering".into(),
        ]);
    }
    rows.push(vec![
        "22/26".into(),
        format!(
            "Høringsuttalelse om reguleringsplan for Bølerlia. {}",
            "Utvalget påpeker at trafikksikkerheten på skoleveien må ivaretas, at grøntarealene \
             langs bekken bevares, og at nærmiljøet involveres tidlig i prosessen. "
                .repeat(10)
        ),
        "Vedtak".into(),
    ]);
    doc.table(
        &[
            Column::new("Sak", 1.0),
            Column::new("Tittel", 6.0),
            Column::new("Type", 1.6),
        ],
        &rows,
    );
    doc.heading(2, "Vedtak");
    doc.heading(3, "Sak 1/26 Godkjenning av innkalling og saksliste");
    doc.paragraph("Innkalling og saksliste ble godkjent uten merknader.\nVedtaket var enstemmig.");
    doc.heading(3, "Sak 3/26 Søknad om midler til 17. mai-arrangement");
    doc.paragraph(
        "Grendeutvalget bevilger inntil 12 500 € til 17. mai-arrangementet på Bøler. Midlene dekker \
         leie av lydanlegg, premier til barneløpene og kaffe og kaker til «gammel og ung». Søkeren \
         leverer regnskap innen 1. september. Naïve café-gjester fra Zürich – og andre – er velkomne.",
    );
    doc.rule();
    doc.note("Protokollen er godkjent av møteleder og én valgt representant.");
    doc.keep_together(|d| {
        d.spacer(4.0);
        d.label_value("Sted og dato:", "Oslo, 12.03.2026");
        d.signature_lines(&["Åse Ødegård, leder".into(), "Per Ærlig, valgt til å signere".into()]);
    });
    doc
}

#[test]
fn is_a4_with_every_font_embedded_and_metadata_from_meta() {
    let pdf = sample().render(&footer());
    // pdfinfo prints dates in the local time zone unless asked for ISO dates in UTC.
    let info = {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("doc.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let out = Command::new("pdfinfo")
            .args(["-isodates"])
            .arg(&file)
            .env("TZ", "UTC")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|rest| rest.strip_prefix(':')))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo shows no {key}: {info}"))
    };
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert_eq!(field("Title"), "Møteprotokoll – Bøler grendeutvalg");
    assert_eq!(field("Author"), "Åse Ødegård");
    assert_eq!(field("Subject"), "Møte 12.03.2026");
    assert_eq!(field("Creator"), "Grendebok");
    assert!(field("CreationDate").starts_with("2026-03-12T17:30:00"), "{info}");
    assert!(field("ModDate").starts_with("2026-03-12T17:30:00"), "{info}");
    assert!(!info.contains("PDF/X"), "we claim no PDF/X conformance: {info}");
    assert!(
        pdf.len() < 100_000,
        "two pages with subset fonts stay small: {} bytes",
        pdf.len()
    );

    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "regular, bold and italic are used: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID
        let (emb, sub) = (cols[cols.len() - 5], cols[cols.len() - 4]);
        assert_eq!(emb, "yes", "every font is embedded: {fonts}");
        assert_eq!(sub, "yes", "every font is a subset: {fonts}");
        assert!(row.contains("LiberationSans") || row.contains("Liberation"), "{fonts}");
    }
}

#[test]
fn norwegian_and_latin_letters_extract_as_written() {
    let mut doc = Doc::new(meta());
    let text = "æøå ÆØÅ é ü ß «sitat» – 12 € Smørbrød på Ærøy";
    doc.heading(2, text);
    doc.paragraph(text);
    doc.label_value("Sted:", text);
    doc.table(&[Column::new("Øst", 1.0)], &[vec![text.into()]]);
    let pdf = doc.render(&footer());
    let extracted = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert_eq!(extracted.matches(text).count(), 4, "{extracted}");
    assert!(
        extracted.contains("Bøler grendeutvalg · Protokollnr. 3f2a9c1b7d0e"),
        "{extracted}"
    );
}

#[test]
fn a_long_paragraph_flows_over_pages_without_losing_a_word() {
    let text = long_paragraph(10_000);
    let count = text.split(' ').count();
    let mut doc = Doc::new(meta());
    doc.paragraph(&text);
    let pdf = doc.render(&footer());
    let pages = pages_text(&pdf);
    assert!(
        pages.len() >= 3,
        "10 000 characters take several pages, got {}",
        pages.len()
    );
    let body: Vec<String> = words(&pdf).into_iter().filter(|w| w.starts_with("ord")).collect();
    let expected: Vec<String> = (1..=count).map(|i| format!("ord{i}")).collect();
    assert_eq!(body, expected, "every word once, in order");
}

#[test]
fn every_page_has_the_footer_with_the_right_total() {
    let mut doc = Doc::new(meta());
    // Lines sized so the text takes exactly three pages.
    for i in 0..90 {
        doc.paragraph(&format!("Avsnitt {i}"));
    }
    let pdf = doc.render(&footer());
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 3);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Side {} av 3", i + 1)), "page {}: {page}", i + 1);
        assert!(
            page.contains("Bøler grendeutvalg · Protokollnr. 3f2a9c1b7d0e"),
            "page {}: {page}",
            i + 1
        );
    }
}

#[test]
fn the_page_label_is_the_callers() {
    let mut doc = Doc::new(meta());
    doc.paragraph("Kort.");
    let pdf = doc.render(&Footer::new("Council", |n, total| format!("Page {n} of {total}")));
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(text.contains("Page 1 of 1"), "{text}");
}

#[test]
fn missing_glyphs_show_a_replacement_and_accents_are_composed() {
    let mut doc = Doc::new(meta());
    doc.paragraph("Fest 🎉 i 漢字-byen, cafe\u{301} og Ma\u{30a}lselv");
    doc.table(&[Column::new("🎉", 1.0)], &[vec!["👍🏽 ok".into()]]);
    doc.signature_lines(&["李".into()]);
    let pdf = doc.render(&Footer::new("🎉", |n, t| format!("{n}/{t} ✓")));
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(text.contains("Fest □ i □□-byen, café og Målselv"), "{text}");
    assert!(!text.contains('🎉') && !text.contains('漢'), "{text}");
    assert!(!text.contains('\u{301}') && !text.contains('\u{30a}'), "{text}");
}

#[test]
fn tabs_and_control_characters_do_not_break_layout() {
    let mut doc = Doc::new(meta());
    doc.paragraph("en\tto\u{0}tre\u{7}\u{1b}[31mfire\r\nfem\u{200b}seks");
    doc.label_value("Tid:\t", "kl.\t18:00\u{8}");
    let pdf = doc.render(&footer());
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(text.contains("en totre[31mfire\nfemseks"), "{text}");
    assert!(text.contains("kl. 18:00"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n' && c != '\u{c}'),
        "{text:?}"
    );
}

#[test]
fn rendering_is_deterministic_and_carries_no_random_id() {
    let a = sample().render(&footer());
    let b = sample().render(&footer());
    assert!(a == b, "the same content renders to the same bytes");
    let mut other = sample();
    other.paragraph("Ett ord til.");
    let c = other.render(&footer());
    let trailer_id = |pdf: &[u8]| {
        let s = String::from_utf8_lossy(pdf);
        let at = s.rfind("/ID").expect("a trailer /ID");
        s[at..at + 80].to_string()
    };
    assert_ne!(trailer_id(&a), trailer_id(&c), "the id follows the content");
    let s = String::from_utf8_lossy(&a);
    assert!(!s.contains("D:1970"), "no epoch dates");
}

#[test]
fn tables_repeat_their_header_and_split_tall_rows_between_lines() {
    let columns = [Column::new("Nummer", 1.0).right(), Column::new("Tekst", 5.0)];
    let mut rows: Vec<Vec<String>> = (1..=60).map(|i| vec![i.to_string(), format!("rad{i}")]).collect();
    rows.push(vec!["61".into(), long_paragraph(4000)]);
    let mut doc = Doc::new(meta());
    doc.table(&columns, &rows);
    let pdf = doc.render(&footer());
    let pages = pages_text(&pdf);
    assert!(pages.len() >= 3, "{}", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            first.contains("Nummer") && first.contains("Tekst"),
            "header on page {}: {first}",
            i + 1
        );
    }
    let all = words(&pdf);
    let rads: Vec<String> = all.iter().filter(|w| w.starts_with("rad")).cloned().collect();
    assert_eq!(rads, (1..=60).map(|i| format!("rad{i}")).collect::<Vec<_>>());
    let ords: Vec<String> = all.iter().filter(|w| w.starts_with("ord")).cloned().collect();
    assert_eq!(
        ords.len(),
        long_paragraph(4000).split(' ').count(),
        "the tall row lost no word"
    );
}

#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    // Wherever the page break falls, a section heading and the item heading after it
    // stay together, and with the text under them.
    for n in 28..40 {
        let mut doc = Doc::new(meta());
        for i in 0..n {
            doc.paragraph(&format!("Avsnitt {i}"));
        }
        doc.heading(2, "Vedtak");
        doc.heading(3, "Sak 1/26");
        doc.paragraph("Første linje.\nAndre linje.");
        let pages = pages_text(&doc.render(&footer()));
        let page_of = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap();
        assert_eq!(page_of("Vedtak"), page_of("Sak 1/26"), "{n} paragraphs");
        assert_eq!(page_of("Sak 1/26"), page_of("Andre linje."), "{n} paragraphs");
    }
}

#[test]
fn keep_together_moves_a_block_that_would_be_split() {
    let mut doc = Doc::new(meta());
    for i in 0..46 {
        doc.paragraph(&format!("Avsnitt {i}"));
    }
    doc.keep_together(|d| {
        d.label_value("Sted og dato:", "Oslo, 12.03.2026");
        d.signature_lines(&["A".into(), "B".into(), "C".into(), "D".into()]);
    });
    let pages = pages_text(&doc.render(&footer()));
    assert_eq!(pages.len(), 2);
    assert!(
        pages[1].contains("Sted og dato:") && pages[1].contains('D'),
        "{}",
        pages[1]
    );
    assert!(!pages[0].contains("Sted og dato:"));
}

#[test]
fn renders_the_sample_and_measures() {
    let pdf = sample().render(&footer());
    std::fs::write("/tmp/pdf-sample.pdf", &pdf).unwrap();
    let pages = pages_text(&pdf).len();
    let whole = sample().render_with(&footer(), false);
    assert_eq!(pages_text(&whole).len(), pages);
    println!("sample with whole fonts embedded: {} bytes", whole.len());
    // Timing of a 20-page document (printed, not asserted).
    let mut doc = Doc::new(meta());
    doc.paragraph(&long_paragraph(86_000));
    let start = std::time::Instant::now();
    let big = doc.render(&footer());
    let elapsed = start.elapsed();
    println!(
        "sample: {} pages, {} bytes; long document: {} pages, {} bytes, rendered in {:?}",
        pages,
        pdf.len(),
        pages_text(&big).len(),
        big.len(),
        elapsed
    );
}

#[test]
fn sha256_hex_is_the_standard_digest() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn write_atomically_replaces_the_file_and_leaves_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protokoll.pdf");
    write_atomically(&path, b"first").unwrap();
    write_atomically(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("protokoll.pdf")]);
}

#[test]
fn write_atomically_leaves_the_target_untouched_on_error() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a non-empty folder: the rename fails after the temp file is written.
    let path = dir.path().join("target");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep"), b"old").unwrap();
    assert!(write_atomically(&path, b"new").is_err());
    assert_eq!(std::fs::read(path.join("keep")).unwrap(), b"old");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("target")],
        "no temp file left behind"
    );
    // A missing folder fails before anything is written.
    assert!(write_atomically(Path::new("/nonexistent-grendebok/x.pdf"), b"x").is_err());
}
