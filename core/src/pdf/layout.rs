//! Lays a flow of blocks out on A4 pages: positions in points, origin at the
//! bottom left of the page, as PDF wants them.

use super::text::{clean, text_width, wrap, Face};
use super::{Align, Column};

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;
pub(crate) const PAGE_W: f32 = 210.0 * MM;
pub(crate) const PAGE_H: f32 = 297.0 * MM;
pub(crate) const MARGIN_X: f32 = 22.0 * MM;
pub(crate) const MARGIN_TOP: f32 = 20.0 * MM;
/// The body ends here; the footer lives below it.
pub(crate) const MARGIN_BOTTOM: f32 = 24.0 * MM;
pub(crate) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
pub(crate) const CONTENT_H: f32 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;

/// Ink colours, as grey levels (0 = black).
pub(crate) const INK: f32 = 0.12;
pub(crate) const MUTED: f32 = 0.38;
pub(crate) const HAIRLINE: f32 = 0.72;
pub(crate) const HEADER_FILL: f32 = 0.93;

pub(crate) const BODY_SIZE: f32 = 10.5;
pub(crate) const BODY_LEADING: f32 = 14.5;
const TABLE_SIZE: f32 = 9.5;
const TABLE_LEADING: f32 = 12.5;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;
const LABEL_W: f32 = 32.0 * MM;
const SIGNATURE_GAP: f32 = 16.0 * MM;

/// The kind of a structure element: the standard structure types of PDF
/// (ISO 32000-1, 14.8.4) a screen reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Document,
    H1,
    H2,
    H3,
    P,
    Table,
    TR,
    TH,
    TD,
}

impl Role {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
        }
    }
}

/// One element of the document's structure tree; element 0 is the document.
/// Elements are made in reading order, so their index order is the order a
/// screen reader reads them in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Elem {
    pub(crate) role: Role,
    pub(crate) parent: usize,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// `text` (cleaned, one line) with its baseline starting at (`x`, `y`),
    /// part of structure element `tag`; `None` is page furniture (an artifact:
    /// the footer, a table header repeated on a later page).
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        grey: f32,
        text: String,
        tag: Option<usize>,
    },
    /// A straight stroke.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        grey: f32,
    },
    /// A filled rectangle; (`x`, `y`) is its lower left corner.
    Fill { x: f32, y: f32, w: f32, h: f32, grey: f32 },
    /// Bold text turned `angle` degrees counter-clockwise about its start, drawn
    /// under everything else (the draft stamp across a page).
    Watermark {
        x: f32,
        y: f32,
        angle: f32,
        size: f32,
        grey: f32,
        text: String,
    },
}

/// What the document is made of; laid out only when it is rendered.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        face: Face,
        size: f32,
        grey: f32,
    },
    LabelValue {
        label: String,
        value: String,
    },
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    Spacer {
        height: f32,
    },
    Rule,
    Signatures {
        names: Vec<String>,
    },
    KeepTogether {
        blocks: Vec<Block>,
    },
}

struct HeadingStyle {
    size: f32,
    leading: f32,
    /// Space above (dropped at the top of a page) and below.
    before: f32,
    after: f32,
}

fn heading_style(level: u8) -> HeadingStyle {
    let (size, before, after) = match level {
        0 | 1 => (18.0, 0.0, 14.0),
        2 => (13.0, 14.0, 4.0),
        _ => (11.0, 9.0, 2.0),
    };
    HeadingStyle {
        size,
        leading: size * 1.25,
        before,
        after,
    }
}

/// The height a heading takes, space above and below included.
fn heading_height(level: u8, text: &str) -> f32 {
    let style = heading_style(level);
    let lines = wrap(Face::Bold, &clean(Face::Bold, text), style.size, CONTENT_W).len();
    let rule = if level <= 1 { 5.0 } else { 0.0 };
    style.before + lines as f32 * style.leading + rule + style.after
}

/// Places blocks top to bottom, starting a new page when one is full, and
/// builds the structure tree of what it places.
pub(crate) struct Layouter {
    pub(crate) pages: Vec<Vec<Item>>,
    /// The structure tree: element 0 is the document.
    pub(crate) elems: Vec<Elem>,
    /// The structure element the text being placed belongs to (`None`: an artifact).
    leaf: Option<usize>,
    /// Distance from the top of the body area to the next free spot.
    y: f32,
    height: f32,
}

impl Layouter {
    pub(crate) fn new() -> Self {
        Self::with_height(CONTENT_H)
    }

    /// A layouter with an endless page, to measure blocks.
    fn with_height(height: f32) -> Self {
        Layouter {
            pages: vec![Vec::new()],
            elems: vec![Elem {
                role: Role::Document,
                parent: 0,
            }],
            leaf: None,
            y: 0.0,
            height,
        }
    }

    /// A new structure element under `parent`.
    fn open(&mut self, role: Role, parent: usize) -> usize {
        self.elems.push(Elem { role, parent });
        self.elems.len() - 1
    }

    /// Places what `place` draws as a new element of `role` under the document.
    fn tagged(&mut self, role: Role, place: impl FnOnce(&mut Self)) {
        let elem = self.open(role, 0);
        let outer = self.leaf.replace(elem);
        place(self);
        self.leaf = outer;
    }

    fn remaining(&self) -> f32 {
        self.height - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= 0.0
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = 0.0;
    }

    /// Starts a new page unless `h` points fit below the cursor (or the page is still empty).
    fn ensure(&mut self, h: f32) {
        if !self.at_top() && self.y + h > self.height + 0.01 {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page and at a page break.
    fn space(&mut self, h: f32) {
        if self.at_top() {
            return;
        }
        if self.y + h > self.height {
            self.new_page();
        } else {
            self.y += h;
        }
    }

    /// The PDF y coordinate `dy` below the cursor.
    fn page_y(&self, dy: f32) -> f32 {
        PAGE_H - MARGIN_TOP - self.y - dy
    }

    fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("there is always a page").push(item);
    }

    /// Baseline of a line of `size` point text centred in a `leading` tall line box.
    fn baseline(&self, size: f32, leading: f32) -> f32 {
        // Liberation Sans: ascender 0.905 em, descender 0.212 em.
        self.page_y(size * 0.905 + (leading - size * 1.117) / 2.0)
    }

    fn text(&mut self, x: f32, y: f32, face: Face, size: f32, grey: f32, text: &str) {
        if !text.is_empty() {
            self.push(Item::Text {
                x,
                y,
                face,
                size,
                grey,
                text: text.to_string(),
                tag: self.leaf,
            });
        }
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, grey: f32) {
        self.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            grey,
        });
    }

    /// Wrapped lines in one face, breaking pages between lines.
    fn lines(&mut self, x: f32, lines: &[String], face: Face, size: f32, leading: f32, grey: f32) {
        for line in lines {
            self.ensure(leading);
            let y = self.baseline(size, leading);
            self.text(x, y, face, size, grey, line);
            self.y += leading;
        }
    }

    /// Lays out `blocks` in order.
    pub(crate) fn blocks(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            if let Block::Heading { level, text } = block {
                // A heading stays with the headings right after it and two lines of text.
                let follow: f32 = blocks[i + 1..]
                    .iter()
                    .map_while(|b| match b {
                        Block::Heading { level, text } => Some(heading_height(*level, text)),
                        _ => None,
                    })
                    .sum();
                self.heading(*level, text, follow);
            } else {
                self.block(block);
            }
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, 0.0),
            Block::Paragraph { text, face, size, grey } => {
                let lines = wrap(*face, &clean(*face, text), *size, CONTENT_W);
                self.tagged(Role::P, |l| l.lines(MARGIN_X, &lines, *face, *size, size * 1.38, *grey));
                self.space(6.0);
            }
            Block::LabelValue { label, value } => self.tagged(Role::P, |l| l.label_value(label, value)),
            Block::Table { columns, rows } => self.table(columns, rows),
            Block::Spacer { height } => self.space(*height),
            Block::Rule => {
                self.space(4.0);
                self.ensure(1.0);
                let y = self.page_y(0.0);
                self.hline(MARGIN_X, MARGIN_X + CONTENT_W, y, 0.5, HAIRLINE);
                self.y += 1.0;
                self.space(8.0);
            }
            Block::Signatures { names } => self.signatures(names),
            Block::KeepTogether { blocks } => {
                let mut probe = Layouter::with_height(f32::INFINITY);
                probe.y = 1.0; // not at the top, so leading space counts as it would here
                probe.blocks(blocks);
                let needed = probe.y - 1.0;
                if needed <= self.height && needed > self.remaining() {
                    self.new_page();
                }
                self.blocks(blocks);
            }
        }
    }

    /// A heading, kept on one page with `follow` points of headings after it
    /// and two lines of text.
    fn heading(&mut self, level: u8, text: &str, follow: f32) {
        let HeadingStyle {
            size,
            leading,
            before,
            after,
        } = heading_style(level);
        let lines = wrap(Face::Bold, &clean(Face::Bold, text), size, CONTENT_W);
        self.space(before);
        self.ensure(leading * lines.len() as f32 + after + follow + 2.0 * BODY_LEADING);
        let role = match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        };
        self.tagged(role, |l| l.lines(MARGIN_X, &lines, Face::Bold, size, leading, 0.0));
        if level <= 1 {
            // The document title: a thin rule under it.
            self.y += 5.0;
            let y = self.page_y(0.0);
            self.hline(MARGIN_X, MARGIN_X + CONTENT_W, y, 0.6, MUTED);
            self.y += after;
        } else {
            self.y += after;
        }
    }

    fn label_value(&mut self, label: &str, value: &str) {
        let label_w = LABEL_W - 3.0 * MM;
        let labels = wrap(Face::Bold, &clean(Face::Bold, label), BODY_SIZE, label_w);
        let values = wrap(
            Face::Regular,
            &clean(Face::Regular, value),
            BODY_SIZE,
            CONTENT_W - LABEL_W,
        );
        // The label and the first line of the value stay together.
        self.ensure(BODY_LEADING * labels.len().min(values.len()) as f32);
        for i in 0..labels.len().max(values.len()) {
            self.ensure(BODY_LEADING);
            let y = self.baseline(BODY_SIZE, BODY_LEADING);
            if let Some(l) = labels.get(i) {
                self.text(MARGIN_X, y, Face::Bold, BODY_SIZE, INK, l);
            }
            if let Some(v) = values.get(i) {
                self.text(MARGIN_X + LABEL_W, y, Face::Regular, BODY_SIZE, INK, v);
            }
            self.y += BODY_LEADING;
        }
        self.space(2.0);
    }

    fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        if columns.is_empty() {
            return;
        }
        let total: f32 = columns.iter().map(|c| c.width.max(0.0)).sum();
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| {
                if total > 0.0 {
                    CONTENT_W * c.width.max(0.0) / total
                } else {
                    CONTENT_W / columns.len() as f32
                }
            })
            .collect();
        let wrap_cells = |face: Face, cells: &mut dyn Iterator<Item = &str>| -> Vec<Vec<String>> {
            widths
                .iter()
                .map(|w| {
                    let cell = cells.next().unwrap_or("");
                    wrap(
                        face,
                        &clean(face, cell),
                        TABLE_SIZE,
                        (w - 2.0 * CELL_PAD_X).max(TABLE_SIZE),
                    )
                })
                .collect()
        };
        let header = wrap_cells(Face::Bold, &mut columns.iter().map(|c| c.header.as_str()));
        let header_lines = header.iter().map(Vec::len).max().unwrap_or(1);
        let header_h = header_lines as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
        let rows: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|r| wrap_cells(Face::Regular, &mut r.iter().map(String::as_str)))
            .collect();

        let first_row_h = rows.first().map_or(0.0, |r| {
            r.iter().map(Vec::len).max().unwrap_or(1).min(3) as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y
        });
        self.space(2.0);
        self.ensure(header_h + first_row_h);
        let table = self.open(Role::Table, 0);
        let header_row = self.open(Role::TR, table);
        let header_tags: Vec<Option<usize>> = columns.iter().map(|_| Some(self.open(Role::TH, header_row))).collect();
        // The header repeated on a later page is page furniture: read once.
        let repeated: Vec<Option<usize>> = vec![None; columns.len()];
        self.table_row(
            columns,
            &widths,
            &header,
            &header_tags,
            0..header_lines,
            Face::Bold,
            true,
        );

        for row in &rows {
            let tr = self.open(Role::TR, table);
            let tags: Vec<Option<usize>> = columns.iter().map(|_| Some(self.open(Role::TD, tr))).collect();
            let n = row.iter().map(Vec::len).max().unwrap_or(1);
            let row_h = n as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
            let one_line = TABLE_LEADING + 2.0 * CELL_PAD_Y;
            // A short row that does not fit moves to the next page whole; a tall one is
            // split between lines so it does not leave half a page blank.
            if row_h > self.remaining() && (row_h <= self.height / 4.0 || self.remaining() < one_line + TABLE_LEADING) {
                self.new_page();
                self.table_row(columns, &widths, &header, &repeated, 0..header_lines, Face::Bold, true);
            }
            let mut from = 0;
            while from < n {
                let fit = ((self.remaining() - 2.0 * CELL_PAD_Y) / TABLE_LEADING).floor().max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    self.table_row(columns, &widths, &header, &repeated, 0..header_lines, Face::Bold, true);
                    continue;
                }
                let to = (from + fit).min(n);
                self.table_row(columns, &widths, row, &tags, from..to, Face::Regular, false);
                from = to;
            }
        }
        self.space(8.0);
    }

    /// Draws lines `range` of one table row (cells given as wrapped lines,
    /// each tagged as its structure element) at the cursor.
    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        cells: &[Vec<String>],
        tags: &[Option<usize>],
        range: std::ops::Range<usize>,
        face: Face,
        header: bool,
    ) {
        let h = range.len() as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
        if header {
            let y = self.page_y(h);
            self.push(Item::Fill {
                x: MARGIN_X,
                y,
                w: CONTENT_W,
                h,
                grey: HEADER_FILL,
            });
        }
        let mut x = MARGIN_X;
        let outer = self.leaf;
        for (((column, width), lines), tag) in columns.iter().zip(widths).zip(cells).zip(tags) {
            self.leaf = *tag;
            for (k, line) in lines.iter().enumerate().take(range.end).skip(range.start) {
                let dy = CELL_PAD_Y + (k - range.start) as f32 * TABLE_LEADING;
                let y = self.page_y(dy + TABLE_SIZE * 0.905 + (TABLE_LEADING - TABLE_SIZE * 1.117) / 2.0);
                let lx = match column.align {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + width - CELL_PAD_X - text_width(face, line, TABLE_SIZE),
                };
                self.text(lx, y, face, TABLE_SIZE, INK, line);
            }
            x += width;
        }
        self.leaf = outer;
        self.y += h;
        let y = self.page_y(0.0);
        let (width, grey) = if header { (0.8, MUTED) } else { (0.4, HAIRLINE) };
        self.hline(MARGIN_X, MARGIN_X + CONTENT_W, y, width, grey);
    }

    fn signatures(&mut self, names: &[String]) {
        let col_w = (CONTENT_W - SIGNATURE_GAP) / 2.0;
        let sign_space = 30.0;
        let name_size = 9.5;
        let name_leading = 12.5;
        for pair in names.chunks(2) {
            let wrapped: Vec<Vec<String>> = pair
                .iter()
                .map(|n| wrap(Face::Regular, &clean(Face::Regular, n), name_size, col_w))
                .collect();
            let name_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let row_h = sign_space + 3.0 + name_lines as f32 * name_leading;
            self.space(10.0);
            self.ensure(row_h);
            self.y += sign_space;
            let line_y = self.page_y(0.0);
            self.y += 3.0;
            for (i, lines) in wrapped.iter().enumerate() {
                let x = MARGIN_X + i as f32 * (col_w + SIGNATURE_GAP);
                self.hline(x, x + col_w, line_y, 0.6, 0.2);
                // A name is a paragraph; an empty line to sign on is only drawn.
                let outer = self.leaf;
                if lines.iter().any(|l| !l.is_empty()) {
                    self.leaf = Some(self.open(Role::P, 0));
                }
                for (k, line) in lines.iter().enumerate() {
                    let y = self.page_y(k as f32 * name_leading + name_size * 0.905);
                    self.text(x, y, Face::Regular, name_size, MUTED, line);
                }
                self.leaf = outer;
            }
            self.y += name_lines as f32 * name_leading;
        }
        self.space(6.0);
    }
}
