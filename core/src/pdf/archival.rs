//! What makes a PDF archival and accessible, added with lopdf to the document
//! printpdf serialised: PDF/A-2 identification in XMP metadata, an sRGB
//! output intent, the document language, and the structure tree (tagged PDF).
//!
//! printpdf 0.12 has a PDF/A setting, but what it writes does not identify
//! PDF/A: its XMP names PDF/X, carries a random instance id (so the same
//! record would no longer give the same bytes) and does not escape the
//! title; its output intent is a CMYK print profile under `/GTS_PDFX`. It
//! writes marked-content operators but no structure tree. So the page
//! content comes from printpdf and the rest is written here.
//!
//! The structure tree: one `/Document` element holding, in reading order,
//! `/H1`–`/H3`, `/P` and `/Table` (→ `/TR` → `/TH` with `/Scope /Column`,
//! `/TD`). Each leaf points at its marked-content sequences by page and MCID;
//! the parent tree maps them back. Everything not in the tree is an artifact.

use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::layout::{Elem, Role};
use super::DocMeta;

/// The sRGB IEC61966-2.1 profile (ICC v2, Debian's icc-profiles-free, zlib licence).
const SRGB_ICC: &[u8] = include_bytes!("../../icc/sRGB.icc");

/// The PDF/A part and conformance level the XMP claims: PDF/A-2b. The files
/// also carry what level A adds (tags, Unicode text, the language), but no
/// validator can be run here to back a claim of 2a; see ARCHITECTURE.md.
pub(crate) const PDFA_PART: &str = "2";
pub(crate) const PDFA_CONFORMANCE: &str = "B";

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: PDF/A identification, and the info dictionary's title,
/// author, subject, tools and dates repeated as PDF/A requires.
pub(crate) fn xmp(meta: &DocMeta) -> String {
    let date = meta.created.format("%Y-%m-%dT%H:%M:%S+00:00").to_string();
    let title = xml_escape(&meta.title);
    let author = xml_escape(&meta.author);
    let subject = xml_escape(&meta.subject);
    let lang = xml_escape(&meta.lang);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>Grendebok</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>Grendebok (printpdf 0.12)</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
    )
}

fn catalog_id(lo: &Document) -> Option<ObjectId> {
    lo.trailer.get(b"Root").and_then(Object::as_reference).ok()
}

/// XMP metadata (uncompressed, as PDF/A wants it readable), the sRGB output
/// intent, and the viewer shows the title rather than the file name.
pub(crate) fn make_pdfa(lo: &mut Document, meta: &DocMeta) {
    let Some(root) = catalog_id(lo) else {
        return;
    };
    let xmp = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(meta).into_bytes(),
    )
    .with_compression(false);
    let metadata = lo.add_object(xmp);
    let icc = lo.add_object(Stream::new(
        dictionary! { "N" => 3, "Alternate" => "DeviceRGB" },
        SRGB_ICC.to_vec(),
    ));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => icc,
    };
    if let Ok(catalog) = lo.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set("Metadata", metadata);
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
        catalog.set("ViewerPreferences", dictionary! { "DisplayDocTitle" => true });
    }
}

/// The structure tree from the layout's elements and each page's MCIDs
/// (`marks[page][mcid]` is the element the sequence belongs to), the
/// parent tree, `/MarkInfo`, `/Lang`, and `/StructParents` on each page.
pub(crate) fn add_structure(lo: &mut Document, elems: &[Elem], marks: &[Vec<usize>], lang: &str) {
    let Some(root) = catalog_id(lo) else {
        return;
    };
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let tree_root = lo.new_object_id();
    let ids: Vec<ObjectId> = elems.iter().map(|_| lo.new_object_id()).collect();
    let mut kids: Vec<Vec<Object>> = vec![Vec::new(); elems.len()];
    for (i, elem) in elems.iter().enumerate().skip(1) {
        kids[elem.parent].push(Object::Reference(ids[i]));
    }
    let mut nums = Vec::new();
    for (p, (page, page_marks)) in pages.iter().zip(marks).enumerate() {
        for (mcid, &elem) in page_marks.iter().enumerate() {
            kids[elem].push(Object::Dictionary(dictionary! {
                "Type" => "MCR",
                "Pg" => *page,
                "MCID" => mcid as i64,
            }));
        }
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(
            page_marks.iter().map(|&e| Object::Reference(ids[e])).collect(),
        ));
        if let Ok(page) = lo.get_object_mut(*page).and_then(Object::as_dict_mut) {
            page.set("StructParents", p as i64);
            page.set("Tabs", "S");
        }
    }
    for (i, (elem, kids)) in elems.iter().zip(kids).enumerate() {
        let parent = if i == 0 { tree_root } else { ids[elem.parent] };
        let mut dict = dictionary! {
            "Type" => "StructElem",
            "S" => elem.role.name(),
            "P" => parent,
            "K" => kids,
        };
        if elem.role == Role::TH {
            dict.set("A", dictionary! { "O" => "Table", "Scope" => "Column" });
        }
        lo.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let parent_tree = lo.add_object(dictionary! { "Nums" => nums });
    lo.objects.insert(
        tree_root,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[0],
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => pages.len() as i64,
        }),
    );
    if let Ok(catalog) = lo.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set("StructTreeRoot", tree_root);
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
        catalog.set("Lang", Object::String(lang.as_bytes().to_vec(), StringFormat::Literal));
    }
}
