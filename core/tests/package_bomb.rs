//! A zip bomb in a hand-over package: one part, vouched for by the manifest
//! as the few bytes it was, inflates to 400 MB. Reading the package must
//! refuse it having inflated little more than the manifest's size — measured
//! here by the bytes this test binary allocates (its own allocator counts
//! them), not by time. Before, every part was inflated whole first: 400 MB.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use grendebok_core::package::{self, Contents, Manifest, PackageFault};
use rusqlite::types::Value;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(now, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let now = if new_size > layout.size() {
            IN_USE.fetch_add(new_size - layout.size(), Ordering::SeqCst) + new_size - layout.size()
        } else {
            IN_USE.fetch_sub(layout.size() - new_size, Ordering::SeqCst) - (layout.size() - new_size)
        };
        PEAK.fetch_max(now, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A raw deflate stream (fixed Huffman codes) that inflates to `n` zero
/// bytes: one literal 0, then copies of 258 bytes at distance 1. About 13
/// bits per 258 bytes: 400 MB in 2.5 MB.
fn zeros_deflated(n: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        used: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.used;
            self.used += bits;
            while self.used >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.used -= 8;
            }
        }
        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(reversed, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        used: 0,
    };
    b.put(1, 1); // the final block
    b.put(1, 2); // fixed Huffman codes
    let literal_zero = |b: &mut Bits| b.code(0x30, 8);
    literal_zero(&mut b);
    let mut left = n - 1;
    while left >= 258 {
        b.code(0b1100_0101, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        literal_zero(&mut b);
    }
    b.code(0, 7); // end of block
    b.put(0, 7); // flush
    b.out
}

/// A zip of one deflated entry `name` whose data is `deflated`, inflating to `size` bytes.
fn one_entry_zip(name: &str, deflated: &[u8], size: u32) -> Vec<u8> {
    let mut zip = Vec::new();
    let header = |zip: &mut Vec<u8>, central: bool| {
        zip.extend_from_slice(if central { b"PK\x01\x02" } else { b"PK\x03\x04" });
        if central {
            zip.extend_from_slice(&20u16.to_le_bytes());
        }
        for field in [20u16, 0, 8, 0, 0x21] {
            zip.extend_from_slice(&field.to_le_bytes());
        }
        zip.extend_from_slice(&0u32.to_le_bytes()); // CRC-32: never reached
        zip.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        zip.extend_from_slice(&size.to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes());
        if central {
            zip.extend_from_slice(&[0; 10]); // comment, disk, attributes
            zip.extend_from_slice(&0u32.to_le_bytes()); // the local header's offset
        }
        zip.extend_from_slice(name.as_bytes());
    };
    header(&mut zip, false);
    zip.extend_from_slice(deflated);
    let central = zip.len();
    header(&mut zip, true);
    let central_size = zip.len() - central;
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&(central_size as u32).to_le_bytes());
    zip.extend_from_slice(&(central as u32).to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

#[test]
fn a_part_inflating_to_400_mb_is_refused_after_the_size_its_manifest_gives_it() {
    let row = vec![(
        "id".to_owned(),
        Value::Text("01900000-0000-7000-8000-000000000000".into()),
    )];
    let contents = Contents {
        tables: vec![("meeting".into(), vec![row])],
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
    let manifest = Manifest::new(1, "c", "Lyngvik", at, "Kari");
    let (_, sound) = package::build(manifest, contents).unwrap();

    // The same package, its meetings part swapped for the bomb.
    let bomb_part = one_entry_zip("tables/meeting.json", &zeros_deflated(400 << 20), 400 << 20);
    let mut bomb_source = zip::ZipArchive::new(Cursor::new(bomb_part)).unwrap();
    let mut source = zip::ZipArchive::new(Cursor::new(sound)).unwrap();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..source.len() {
        let entry = source.by_index_raw(i).unwrap();
        if entry.name().unwrap() == "tables/meeting.json" {
            drop(entry);
            writer.raw_copy_file(bomb_source.by_index_raw(0).unwrap()).unwrap();
        } else {
            writer.raw_copy_file(entry).unwrap();
        }
    }
    let bomb = writer.finish().unwrap().into_inner();
    assert!(bomb.len() < 4 << 20, "{} bytes", bomb.len());

    let before = IN_USE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let refused = package::read(&bomb, 1);
    let peak = PEAK.load(Ordering::SeqCst) - before;
    assert_eq!(
        refused.unwrap_err(),
        PackageFault::Altered("tables/meeting.json".into())
    );
    assert!(peak < 16 << 20, "reading the bomb took {} MB", peak >> 20);
}
