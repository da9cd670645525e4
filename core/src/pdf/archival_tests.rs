//! Tests that read the PDFs back to check what PDF/A-2 and tagged PDF ask
//! of them. No validator (veraPDF) can be installed here, so these check the
//! requirements one by one; ARCHITECTURE.md lists which are covered.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::tests::{footer, meta, poppler, sample};
use super::*;

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("lopdf reads the PDF back")
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).expect("the reference resolves").1
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &str) -> &'a Dictionary {
    deref(doc, d.get(key.as_bytes()).unwrap_or_else(|_| panic!("/{key} is there")))
        .as_dict()
        .unwrap_or_else(|_| panic!("/{key} is a dictionary"))
}

fn name<'a>(d: &'a Dictionary, key: &str) -> &'a str {
    std::str::from_utf8(
        d.get(key.as_bytes())
            .and_then(Object::as_name)
            .unwrap_or_else(|_| panic!("/{key} is a name")),
    )
    .unwrap()
}

/// Asserts what PDF/A-2 asks of the file itself: header, identification in
/// XMP with the title, sRGB output intent, embedded fonts, the language, the
/// info dictionary agreeing with the XMP, an /ID, no encryption. Returns the title.
pub(crate) fn assert_pdfa(pdf: &[u8], lang: &str) -> String {
    assert!(pdf.starts_with(b"%PDF-1.7\n%"), "a PDF 1.7 header");
    assert!(
        pdf[10..14].iter().all(|b| *b > 127),
        "a binary comment after the header"
    );
    let doc = load(pdf);
    assert!(doc.trailer.get(b"Encrypt").is_err(), "not encrypted");
    assert!(
        matches!(doc.trailer.get(b"ID"), Ok(Object::Array(ids)) if ids.len() == 2),
        "a file identifier"
    );
    let catalog = doc.catalog().unwrap();

    // XMP: uncompressed, identifying PDF/A-2, with the title.
    let metadata = deref(&doc, catalog.get(b"Metadata").unwrap()).as_stream().unwrap();
    assert!(metadata.dict.get(b"Filter").is_err(), "the XMP is not compressed");
    assert_eq!(name(&metadata.dict, "Subtype"), "XML");
    let xmp = String::from_utf8(metadata.content.clone()).unwrap();
    let info = dict(&doc, &doc.trailer, "Info");
    let info_title = info.get(b"Title").and_then(Object::as_str).unwrap();
    let title = lopdf::decode_text_string(&Object::String(info_title.to_vec(), lopdf::StringFormat::Literal))
        .expect("the title is a text string");
    assert!(!title.is_empty());
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{xmp}");
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;");
    assert!(
        xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{escaped}</rdf:li>")),
        "the XMP carries the title {title:?}: {xmp}"
    );
    assert!(xmp.starts_with("<?xpacket begin=") && xmp.trim_end().ends_with("<?xpacket end=\"w\"?>"));

    // The info dictionary says what the XMP says, and nothing it does not.
    for key in ["Trapped", "GTS_PDFXVersion", "Keywords"] {
        assert!(info.get(key.as_bytes()).is_err(), "no /{key} in the info dictionary");
    }
    let created = std::str::from_utf8(info.get(b"CreationDate").unwrap().as_str().unwrap()).unwrap();
    let xmp_date = format!(
        "<xmp:CreateDate>{}-{}-{}T{}:{}:{}+00:00</xmp:CreateDate>",
        &created[2..6],
        &created[6..8],
        &created[8..10],
        &created[10..12],
        &created[12..14],
        &created[14..16]
    );
    assert!(xmp.contains(&xmp_date), "{created} agrees with {xmp}");

    // The output intent: sRGB, an ICC profile of three components.
    let intents = deref(&doc, catalog.get(b"OutputIntents").unwrap()).as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = deref(&doc, &intents[0]).as_dict().unwrap();
    assert_eq!(name(intent, "S"), "GTS_PDFA1");
    let profile = deref(&doc, intent.get(b"DestOutputProfile").unwrap())
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile
        .decompressed_content()
        .unwrap_or_else(|_| profile.content.clone());
    assert_eq!(&icc[36..40], b"acsp", "an ICC profile");
    assert_eq!(&icc[16..20], b"RGB ", "for RGB");

    // The language, and the viewer shows the title.
    let doc_lang = catalog.get(b"Lang").and_then(Object::as_str).unwrap();
    assert_eq!(std::str::from_utf8(doc_lang).unwrap(), lang);
    let prefs = dict(&doc, catalog, "ViewerPreferences");
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());

    // Every font is embedded (a TrueType font file in its descriptor).
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor") {
            assert!(d.get(b"FontFile2").is_ok(), "an embedded font: {d:?}");
            fonts += 1;
        }
        if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font") {
            let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap();
            assert!(
                subtype == b"Type0" || subtype == b"CIDFontType2",
                "no standard 14 font: {d:?}"
            );
        }
    }
    assert!(fonts > 0);
    title
}

/// Asserts the tags: marked, a structure tree under one /Document, every
/// piece of page content either tagged (an MCID the parent tree maps to its
/// element) or an artifact, and each table header cell scoped.
pub(crate) fn assert_tagged(pdf: &[u8]) {
    let doc = load(pdf);
    let catalog = doc.catalog().unwrap();
    assert!(dict(&doc, catalog, "MarkInfo")
        .get(b"Marked")
        .unwrap()
        .as_bool()
        .unwrap());
    let root = dict(&doc, catalog, "StructTreeRoot");
    assert_eq!(name(root, "Type"), "StructTreeRoot");
    let document = deref(&doc, root.get(b"K").unwrap()).as_dict().unwrap();
    assert_eq!(name(document, "S"), "Document");
    let parent_tree = dict(&doc, root, "ParentTree");
    let nums = deref(&doc, parent_tree.get(b"Nums").unwrap()).as_array().unwrap();

    for (index, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        assert_eq!(key, index as i64);
        let at = nums
            .chunks(2)
            .find(|pair| pair[0].as_i64().ok() == Some(key))
            .expect("the page is in the parent tree");
        let parents = deref(&doc, &at[1]).as_array().unwrap();
        let content = Content::decode(&doc.get_page_content(page_id)).unwrap();
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut mcids = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let tag = op.operands[0].as_name().unwrap();
                    let props = op.operands[1].as_dict().unwrap();
                    let mcid = props.get(b"MCID").ok().and_then(|m| m.as_i64().ok());
                    if tag == b"Artifact" {
                        assert!(mcid.is_none());
                    } else {
                        mcids.push(mcid.expect("tagged content has an MCID"));
                    }
                    stack.push(mcid);
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    stack.push(None);
                }
                "EMC" => {
                    stack.pop().expect("EMC closes a sequence");
                }
                "Tj" | "TJ" | "'" | "\"" | "f" | "F" | "f*" | "S" | "s" | "B" | "b" | "re" | "l" | "m" => {
                    assert!(
                        !stack.is_empty(),
                        "page {}: {} outside marked content",
                        index + 1,
                        op.operator
                    );
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "every sequence is closed");
        assert_eq!(
            mcids,
            (0..parents.len() as i64).collect::<Vec<_>>(),
            "page {}: MCIDs 0.. each with a parent",
            index + 1
        );
        for (mcid, parent) in parents.iter().enumerate() {
            let elem = deref(&doc, parent).as_dict().unwrap();
            assert_eq!(name(elem, "Type"), "StructElem");
            let kids = deref(&doc, elem.get(b"K").unwrap()).as_array().unwrap();
            let points_back = kids.iter().any(|k| {
                deref(&doc, k).as_dict().is_ok_and(|mcr| {
                    mcr.get(b"MCID").and_then(Object::as_i64).ok() == Some(mcid as i64)
                        && mcr.get(b"Pg").and_then(Object::as_reference).ok() == Some(page_id)
                })
            });
            assert!(points_back, "page {} MCID {mcid}: its element points back", index + 1);
        }
    }
    for object in doc.objects.values() {
        let Ok(elem) = object.as_dict() else { continue };
        if elem.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem") && name(elem, "S") == "TH" {
            let attributes = dict(&doc, elem, "A");
            assert_eq!(name(attributes, "O"), "Table");
            assert_eq!(name(attributes, "Scope"), "Column");
        }
    }
}

/// What poppler reads from the structure tree, indented as it nests.
pub(crate) fn structure_text(pdf: &[u8]) -> String {
    poppler("pdfinfo", &["-struct-text"], pdf)
}

#[test]
fn the_sample_is_pdfa_2_with_its_title_srgb_and_language() {
    let pdf = sample().render(&footer());
    assert_eq!(assert_pdfa(&pdf, "nb-NO"), meta().title);
}

#[test]
fn a_title_with_markup_characters_is_escaped_in_the_xmp() {
    let mut m = meta();
    m.title = "Sak <1> & «2» \"tre\"".into();
    let mut doc = Doc::new(m.clone());
    doc.paragraph("Tekst.");
    let pdf = doc.render(&footer());
    assert_eq!(assert_pdfa(&pdf, "nb-NO"), m.title);
}

#[test]
fn every_page_is_tagged_content_or_an_artifact() {
    let mut doc = sample();
    doc.stamp_every_page("UTKAST");
    let pdf = doc.render(&footer());
    assert_tagged(&pdf);
}

#[test]
fn the_structure_reads_in_order_with_table_headers_once_and_no_page_furniture() {
    let mut doc = sample();
    doc.stamp_every_page("UTKAST");
    let pdf = doc.render(&footer());
    let structure = structure_text(&pdf);
    let order = [
        "H1",
        "Møteprotokoll for Bøler grendeutvalg",
        "Tid:",
        "Sted:",
        "H2",
        "Saksliste",
        "Table",
        "TH",
        "\"Sak\"",
        "\"Tittel\"",
        "TD",
        "Godkjenning av innkalling og saksliste",
        "Orienteringssak nummer 21",
        "Høringsuttalelse om reguleringsplan",
        "\"Vedtak\"",
        "H3",
        "Sak 1/26 Godkjenning",
        "Sak 3/26 Søknad om midler",
        "Sted og dato:",
        "Åse Ødegård, leder",
        "Per Ærlig, valgt til å signere",
    ];
    let mut from = 0;
    for expected in order {
        let at = structure[from..]
            .find(expected)
            .unwrap_or_else(|| panic!("{expected:?} after position {from} in:\n{structure}"));
        from += at + expected.len();
    }
    // The table runs over a page and repeats its header there; it is read once.
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(
        text.matches("Tittel").count() >= 2,
        "the header is repeated on the page"
    );
    assert_eq!(structure.matches("\"Tittel\"").count(), 1, "{structure}");
    for furniture in ["Side 1 av", "Protokollnr.", "UTKAST"] {
        assert!(text.contains(furniture), "{furniture} is printed");
        assert!(
            !structure.contains(furniture),
            "{furniture} is an artifact:\n{structure}"
        );
    }
}
