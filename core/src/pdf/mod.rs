//! PDF documents: a small, deterministic layout engine over printpdf, and the
//! helpers to store what it makes.
//!
//! A [`Doc`] is a flow of blocks (headings, paragraphs, label/value lines,
//! tables, rules, signature lines) laid out top to bottom on A4 pages with
//! 22 mm side margins, and rendered with a footer on every page:
//!
//! ```
//! use grendebok_core::pdf::{Column, Doc, DocMeta, Footer};
//! let created = chrono::DateTime::from_timestamp(1_773_338_400, 0).unwrap();
//! let mut doc = Doc::new(DocMeta {
//!     title: "Innkalling til møte".into(),
//!     author: "Grendeutvalget".into(),
//!     subject: "Møte 12.03.2026".into(),
//!     created,
//!     lang: "nb-NO".into(),
//! });
//! doc.heading(1, "Innkalling til møte i Bøler grendeutvalg");
//! doc.label_value("Tid:", "12.03.2026 kl. 18:00");
//! doc.label_value("Sted:", "Bøler samfunnshus");
//! doc.heading(2, "Saksliste");
//! doc.table(
//!     &[Column::new("Sak", 1.0), Column::new("Tittel", 6.0)],
//!     &[vec!["1/26".into(), "Godkjenning av innkalling".into()]],
//! );
//! doc.keep_together(|d| d.signature_lines(&["Kari Nordmann".into(), "Ola Nordmann".into()]));
//! let pdf = doc.render(&Footer::new("Bøler grendeutvalg", |n, total| format!("Side {n} av {total}")));
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```
//!
//! Text: Liberation Sans Regular, Bold and Italic (SIL OFL 1.1, `core/fonts/`)
//! are compiled in and embedded in every PDF; the system's fonts are never
//! read. User text is NFC-normalised ("e\u{301}" prints as "é"), tabs become
//! spaces, other control and invisible format characters are dropped, and a
//! character the font cannot draw (emoji, CJK) shows as "□". Lines are wrapped
//! greedily by the fonts' real advance widths; a word longer than a line is
//! broken between characters; a non-breaking space keeps "kl.\u{a0}18:00" together.
//!
//! Deterministic: the same blocks, footer and [`DocMeta::created`] give the
//! same bytes. Font names are fixed (printpdf's `FontId::new()` is random), the
//! info dictionary's dates come from `created`, and the trailer `/ID` is a
//! SHA-256 of the laid-out content (printpdf would write a process-counter
//! "random" id there). The info dictionary claims no PDF/X conformance.
//!
//! Fonts are subset: printpdf 0.12 subsets only with its `text_layout`
//! feature, so we cut each face down ourselves with `allsorts` (which printpdf
//! depends on anyway) to the glyphs the document uses, named `XXXXXX+Liberation…`
//! with a tag derived from the glyph set. Measured on 2 CPUs:
//!
//! | 2-page sample minutes (3 faces)            | PDF size  |
//! |--------------------------------------------|-----------|
//! | whole TTFs embedded                        | 654 852 B |
//! | subset by us (`default-features = false`)  |  39 314 B |
//!
//! | cold debug build of printpdf 0.12 alone         | time  |
//! |-------------------------------------------------|-------|
//! | `default-features = false` (what we use)        |  66 s |
//! | `features = ["text_layout"]` (printpdf subsets) | 170 s |
//!
//! So we get subset-sized PDFs at the cost of the smaller build. A 20-page
//! document renders in about 40 ms in a release build, about 0.3 s in a debug
//! build (most of it deflate, which is slow unoptimised).
//!
//! Archival and accessible: every document is PDF/A-2b with XMP metadata,
//! an sRGB output intent and `/Lang`, and tagged — a structure tree of
//! headings, paragraphs and tables in reading order, page furniture marked
//! as artifacts (see `archival.rs` and ARCHITECTURE.md). Saved with object
//! streams, which keep the tree's many small dictionaries compact.

mod archival;
mod layout;
mod text;

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod archival_tests;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};

use layout::{Block, Elem, Item, Layouter, BODY_SIZE, CONTENT_W, INK, MARGIN_BOTTOM, MARGIN_X, MM, MUTED};
use text::{clean, text_width, Face};

/// The PDF's info dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Written as both the creation and the modification date. Pass the
    /// instant of the event (e.g. when the minutes were signed), not the
    /// clock, if the bytes must be reproducible.
    pub created: DateTime<Utc>,
    /// The document's language as a BCP 47 tag (`nb-NO`, `nn-NO`): the
    /// catalogue's `/Lang`, so a screen reader speaks it right.
    pub lang: String,
}

/// How a table column's text lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

/// A table column: its header and its share of the text width.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Relative width: the columns share the text width in proportion to it.
    pub width: f32,
    pub align: Align,
}

impl Column {
    /// A left-aligned column.
    pub fn new(header: impl Into<String>, width: f32) -> Self {
        Column {
            header: header.into(),
            width,
            align: Align::Left,
        }
    }

    /// The same column, right-aligned (for numbers).
    pub fn right(mut self) -> Self {
        self.align = Align::Right;
        self
    }
}

/// The footer on every page: `left` at the left (e.g. the council's name and
/// the protocol number) and `page_label(n, total)` at the right.
pub struct Footer<'a> {
    pub left: String,
    pub page_label: Box<dyn Fn(usize, usize) -> String + 'a>,
}

impl<'a> Footer<'a> {
    /// `page_label` gets the page number (from 1) and the number of pages,
    /// e.g. `|n, total| format!("Side {n} av {total}")`.
    pub fn new(left: impl Into<String>, page_label: impl Fn(usize, usize) -> String + 'a) -> Self {
        Footer {
            left: left.into(),
            page_label: Box::new(page_label),
        }
    }
}

/// A document being written: a flow of blocks laid out on A4 pages when it
/// is rendered.
#[derive(Debug, Clone)]
pub struct Doc {
    meta: DocMeta,
    blocks: Vec<Block>,
    /// Printed on every page when set: "UTKAST" on minutes not yet approved.
    stamp: Option<String>,
}

impl Doc {
    pub fn new(meta: DocMeta) -> Doc {
        Doc {
            meta,
            blocks: Vec::new(),
            stamp: None,
        }
    }

    /// Marks every page with `word` (e.g. "UTKAST"): in bold at the top right
    /// and large and light across the page, so no page of a draft can pass
    /// for final on its own.
    pub fn stamp_every_page(&mut self, word: &str) {
        self.stamp = Some(word.to_string());
    }

    /// A heading: 1 is the document title (with a thin rule under it), 2 a
    /// section, 3 an item. A heading is never the last thing on a page.
    pub fn heading(&mut self, level: u8, text: &str) {
        self.blocks.push(Block::Heading {
            level,
            text: text.to_string(),
        });
    }

    /// Body text, wrapped; `"\n"` starts a new line, `"\n\n"` leaves an empty one.
    pub fn paragraph(&mut self, text: &str) {
        self.blocks.push(Block::Paragraph {
            text: text.to_string(),
            face: Face::Regular,
            size: BODY_SIZE,
            grey: INK,
        });
    }

    /// Smaller, italic, muted text, for remarks such as "Protokollen er godkjent elektronisk".
    pub fn note(&mut self, text: &str) {
        self.blocks.push(Block::Paragraph {
            text: text.to_string(),
            face: Face::Italic,
            size: 9.5,
            grey: MUTED,
        });
    }

    /// A bold label in a 32 mm column and its value wrapped in the rest:
    /// `Tid:     12.03.2026 kl. 18:00`.
    pub fn label_value(&mut self, label: &str, value: &str) {
        self.blocks.push(Block::LabelValue {
            label: label.to_string(),
            value: value.to_string(),
        });
    }

    /// A table with a bold header row on a grey band, repeated at the top of
    /// each page the table continues on. Cells wrap in their column; a short
    /// row moves to the next page whole, a tall one breaks between lines.
    /// Missing cells are empty; extra cells are ignored.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        self.blocks.push(Block::Table {
            columns: columns.to_vec(),
            rows: rows.to_vec(),
        });
    }

    /// Empty vertical space (dropped at the top of a page).
    pub fn spacer(&mut self, mm: f32) {
        self.blocks.push(Block::Spacer {
            height: mm.max(0.0) * MM,
        });
    }

    /// A thin horizontal line across the text width.
    pub fn rule(&mut self) {
        self.blocks.push(Block::Rule);
    }

    /// A line to sign on above each name, two per row.
    pub fn signature_lines(&mut self, names: &[String]) {
        self.blocks.push(Block::Signatures { names: names.to_vec() });
    }

    /// Blocks added by `build` start on a new page if they would otherwise be
    /// split and fit on one page (e.g. "Sted og dato" with the signatures).
    pub fn keep_together(&mut self, build: impl FnOnce(&mut Doc)) {
        let outer = std::mem::take(&mut self.blocks);
        build(self);
        let inner = std::mem::replace(&mut self.blocks, outer);
        self.blocks.push(Block::KeepTogether { blocks: inner });
    }

    /// Lays the document out and returns the PDF's bytes.
    pub fn render(self, footer: &Footer) -> Vec<u8> {
        self.render_with(footer, true)
    }

    /// [`Doc::render`], with the option to embed whole fonts (to measure what subsetting saves).
    fn render_with(self, footer: &Footer, subset_fonts: bool) -> Vec<u8> {
        let mut layouter = Layouter::new();
        layouter.blocks(&self.blocks);
        let elems = layouter.elems;
        let mut pages = layouter.pages;
        while pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
            pages.pop();
        }
        let total = pages.len();
        for (i, page) in pages.iter_mut().enumerate() {
            footer_items(page, &footer.left, &(footer.page_label)(i + 1, total));
            if let Some(word) = &self.stamp {
                stamp_items(page, word);
            }
        }

        let mut pdf = PdfDocument::new(&self.meta.title);
        let info = &mut pdf.metadata.info;
        info.author = self.meta.author.clone();
        info.subject = self.meta.subject.clone();
        info.creator = "Grendebok".to_string();
        info.producer = "Grendebok (printpdf 0.12)".to_string();
        let created = OffsetDateTime::from_unix_timestamp(self.meta.created.timestamp())
            .unwrap_or_else(|_| OffsetDateTime::from_unix_timestamp(0).expect("the epoch is a date"));
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
        // Embed each face that is used, cut down to the characters used.
        let mut names = BTreeMap::new();
        for face in Face::ALL {
            let chars: BTreeSet<char> = pages
                .iter()
                .flatten()
                .filter_map(|item| match item {
                    Item::Text { face: f, text, .. } if *f == face => Some(text.chars()),
                    Item::Watermark { text, .. } if face == Face::Bold => Some(text.chars()),
                    _ => None,
                })
                .flatten()
                .collect();
            if chars.is_empty() {
                continue;
            }
            let (name, font) = subset_fonts
                .then(|| text::subset(face, &chars))
                .flatten()
                .unwrap_or_else(|| (face.id().to_string(), face.font().clone()));
            pdf.resources.fonts.map.insert(FontId(name.clone()), PdfFont::new(font));
            names.insert(face, name);
        }
        let id = content_id(&self.meta, &pages);
        let mut marks = Vec::new();
        let pages: Vec<PdfPage> = pages
            .iter()
            .map(|items| {
                let (ops, page_marks) = page_ops(items, &names, &elems);
                marks.push(page_marks);
                PdfPage::new(Mm(210.0), Mm(297.0), ops)
            })
            .collect();
        pdf.pages = pages;

        let mut warnings = Vec::new();
        let mut lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
        lo.version = "1.7".to_string();
        let id = lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal);
        lo.trailer.set("ID", lopdf::Object::Array(vec![id.clone(), id]));
        tidy_info(&mut lo, &self.meta);
        archival::make_pdfa(&mut lo, &self.meta);
        archival::add_structure(&mut lo, &elems, &marks, &self.meta.lang);
        lo.compress();
        let mut out = Vec::new();
        // Object streams: the structure tree is many small dictionaries, compressed together.
        lo.save_modern(&mut out).expect("writing to memory does not fail");
        out
    }
}

/// Drops what printpdf writes into the info dictionary that is not true or
/// not set (a PDF/X version we do not conform to, empty keywords and
/// identifier, the trapping flag) and writes the dates in the one form the
/// XMP metadata repeats, as PDF/A wants the two to agree.
fn tidy_info(lo: &mut lopdf::Document, meta: &DocMeta) {
    let Ok(info_ref) = lo.trailer.get(b"Info").and_then(lopdf::Object::as_reference) else {
        return;
    };
    if let Ok(info) = lo.get_object_mut(info_ref).and_then(lopdf::Object::as_dict_mut) {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Identifier");
        info.remove(b"Keywords");
        info.remove(b"Trapped");
        let date = meta.created.format("D:%Y%m%d%H%M%S+00'00'").to_string();
        for key in ["CreationDate", "ModDate"] {
            info.set(key, lopdf::Object::string_literal(date.clone()));
        }
    }
}

/// A stable document id: the first 16 bytes of a SHA-256 of what is drawn.
fn content_id(meta: &DocMeta, pages: &[Vec<Item>]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(format!("{meta:?}").as_bytes());
    for page in pages {
        hasher.update(format!("{page:?}").as_bytes());
    }
    hasher.finalize()[..16].to_vec()
}

/// Adds the footer: a hairline, `left` at the left, `label` at the right.
fn footer_items(page: &mut Vec<Item>, left: &str, label: &str) {
    let size = 8.0;
    let rule_y = MARGIN_BOTTOM - 8.0 * MM;
    let y = rule_y - 4.0 * MM;
    page.push(Item::Line {
        x1: MARGIN_X,
        y1: rule_y,
        x2: MARGIN_X + CONTENT_W,
        y2: rule_y,
        width: 0.4,
        grey: 0.72,
    });
    let label = clean(Face::Regular, label).replace('\n', " ");
    let label_w = text_width(Face::Regular, &label, size);
    let mut left = clean(Face::Regular, left).replace('\n', " ");
    let room = CONTENT_W - label_w - 8.0 * MM;
    if text_width(Face::Regular, &left, size) > room {
        while !left.is_empty() && text_width(Face::Regular, &left, size) + text_width(Face::Regular, "…", size) > room
        {
            left.pop();
        }
        left.push('…');
    }
    let push = |page: &mut Vec<Item>, x: f32, text: String| {
        if !text.is_empty() {
            page.push(Item::Text {
                x,
                y,
                face: Face::Regular,
                size,
                grey: MUTED,
                text,
                tag: None,
            });
        }
    };
    push(page, MARGIN_X, left);
    push(page, MARGIN_X + CONTENT_W - label_w, label);
}

/// Adds the draft stamp: `word` in bold at the top right of the page, above
/// the body, and once more large, light and slanted across the page.
fn stamp_items(page: &mut Vec<Item>, word: &str) {
    let word = clean(Face::Bold, word).replace('\n', " ");
    let size = 11.0;
    let w = text_width(Face::Bold, &word, size);
    page.push(Item::Text {
        x: MARGIN_X + CONTENT_W - w,
        y: layout::PAGE_H - layout::MARGIN_TOP + 6.0 * MM,
        face: Face::Bold,
        size,
        grey: 0.0,
        text: word.clone(),
        tag: None,
    });
    let big = 96.0;
    let angle: f32 = 40.0;
    let w = text_width(Face::Bold, &word, big);
    let (sin, cos) = angle.to_radians().sin_cos();
    // Centred on the page: start half the word's length back along the slant.
    let (cx, cy) = (layout::PAGE_W / 2.0, layout::PAGE_H / 2.0);
    let (dx, dy) = (w / 2.0 * cos - big * 0.35 * sin, w / 2.0 * sin + big * 0.35 * cos);
    page.push(Item::Watermark {
        x: cx - dx,
        y: cy - dy,
        angle,
        size: big,
        grey: 0.88,
        text: word,
    });
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

fn name(n: &str) -> printpdf::DictItem {
    printpdf::DictItem::Name(n.as_bytes().to_vec())
}

fn dict(entries: Vec<(&str, printpdf::DictItem)>) -> printpdf::DictItem {
    printpdf::DictItem::Dict {
        map: entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    }
}

/// An artifact's marked-content properties: `<< /Type /Pagination >>` and so on.
fn artifact(kind: &str, subtype: Option<&str>) -> Op {
    let mut entries = vec![("Type", name(kind))];
    if let Some(subtype) = subtype {
        entries.push(("Subtype", name(subtype)));
    }
    Op::BeginMarkedContentWithProperties {
        tag: "Artifact".into(),
        properties: dict(entries),
    }
}

/// The PDF operations for one page: the draft stamp, fills, strokes, then
/// one text section. Text that belongs to a structure element is marked
/// content with an MCID (`/P << /MCID 3 >> BDC … EMC`); everything else —
/// rules, fills, the footer, a repeated table header, the stamp — is marked
/// as an artifact, so a screen reader skips it. Returns the structure
/// element of each MCID, in MCID order.
fn page_ops(items: &[Item], names: &BTreeMap<Face, String>, elems: &[Elem]) -> (Vec<Op>, Vec<usize>) {
    let mut ops = Vec::new();
    let mut marks = Vec::new();
    for item in items {
        if let Item::Watermark {
            x,
            y,
            angle,
            size,
            grey: g,
            text,
        } = item
        {
            let (sin, cos) = angle.to_radians().sin_cos();
            ops.push(artifact("Pagination", Some("Watermark")));
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(names[&Face::Bold].clone())),
                size: Pt(*size),
            });
            ops.push(Op::SetFillColor { col: grey(*g) });
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Raw([cos, sin, -sin, cos, *x, *y]),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
            ops.push(Op::EndTextSection);
            ops.push(Op::EndMarkedContent);
        }
    }
    let drawn = items.iter().any(|i| matches!(i, Item::Fill { .. } | Item::Line { .. }));
    if drawn {
        ops.push(artifact("Layout", None));
    }
    for item in items {
        if let Item::Fill { x, y, w, h, grey: g } = item {
            ops.push(Op::SetFillColor { col: grey(*g) });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(*y),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
    }
    for item in items {
        if let Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            grey: g,
        } = item
        {
            ops.push(Op::SetOutlineColor { col: grey(*g) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            let point = |x: f32, y: f32| LinePoint {
                p: Point { x: Pt(x), y: Pt(y) },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(*x1, *y1), point(*x2, *y2)],
                    is_closed: false,
                },
            });
        }
    }
    if drawn {
        ops.push(Op::EndMarkedContent);
    }
    ops.push(Op::StartTextSection);
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<f32> = None;
    // The marked-content sequence open now: `Some(tag)` (tag `None` is an artifact).
    let mut open: Option<Option<usize>> = None;
    for item in items {
        if let Item::Text {
            x,
            y,
            face,
            size,
            grey: g,
            text,
            tag,
        } = item
        {
            if open != Some(*tag) {
                if open.is_some() {
                    ops.push(Op::EndMarkedContent);
                }
                ops.push(match tag {
                    Some(elem) => {
                        marks.push(*elem);
                        Op::BeginMarkedContentWithProperties {
                            tag: elems[*elem].role.name().into(),
                            properties: dict(vec![("MCID", printpdf::DictItem::Int(marks.len() as i64 - 1))]),
                        }
                    }
                    None => artifact("Pagination", None),
                });
                open = Some(*tag);
            }
            if font != Some((*face, *size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(FontId(names[face].clone())),
                    size: Pt(*size),
                });
                font = Some((*face, *size));
            }
            if fill != Some(*g) {
                ops.push(Op::SetFillColor { col: grey(*g) });
                fill = Some(*g);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
        }
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    ops.push(Op::EndTextSection);
    (ops, marks)
}

/// The number of pages of a PDF, read back with lopdf (`None` if it cannot be read).
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    lopdf::Document::load_mem(pdf).ok().map(|doc| doc.get_pages().len())
}

/// Lower-case hex SHA-256 of `bytes`, e.g. to record a stored PDF's checksum.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` so that `path` holds either its old content or
/// all of `bytes`, never a part: the bytes go to a new temporary file in the
/// same folder, which is flushed to disk and then renamed over `path`. On an
/// error the temporary file is removed and `path` is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.put_in_place()
}

/// Bytes written and flushed to a temporary file beside `path`, not yet in
/// its place: [`Staged::put_in_place`] renames them over `path`; dropped
/// without that, the temporary file is removed and `path` is untouched. An
/// export archived in the database is put in place only once the archive
/// has committed, so a failed archive leaves the previous file as it was.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    placed: bool,
}

/// Writes `bytes` to a new temporary file beside `path` and flushes it to disk.
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    stage_unnamed(path, bytes).map_err(|e| crate::error::at_path(path, e))
}

fn stage_unnamed(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);

    let dir = folder(path);
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file"))?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{}.{}-{n}.tmp", name.to_string_lossy(), std::process::id()));
    let staged = Staged {
        tmp,
        path: path.to_owned(),
        placed: false,
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staged.tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(staged)
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

impl Staged {
    /// Renames the bytes over the target in one step and makes that durable.
    pub fn put_in_place(mut self) -> std::io::Result<()> {
        let path = self.path.clone();
        std::fs::rename(&self.tmp, &self.path).map_err(|e| crate::error::at_path(&path, e))?;
        self.placed = true;
        // Make the rename itself durable.
        #[cfg(unix)]
        std::fs::File::open(folder(&self.path))
            .and_then(|f| f.sync_all())
            .map_err(|e| crate::error::at_path(&path, e))?;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
