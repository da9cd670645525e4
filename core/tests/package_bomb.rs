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

#[path = "support/zip_bomb.rs"]
mod zip_bomb;
use zip_bomb::{one_entry_zip, zeros_deflated};

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
