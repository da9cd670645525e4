//! Full-text search (FTS5, see migration 06) across agenda items and grant
//! applications. The words a person types become prefix terms that must all
//! match; a council or a year narrows the search inside the index through
//! its tags. Hits come newest-entered first, so a common word stops at the
//! limit instead of ranking every match.

use rusqlite::{params, Connection, OptionalExtension};

use std::sync::{LazyLock, Mutex};

use super::{codec, Store};
use crate::error::{CoreError, Result};
use crate::model::{CaseNumber, HitNumber, SearchHit, SearchKind, SearchQuery, SearchResults};

/// At most this many hits are returned.
pub const LIMIT: usize = 50;

/// A private in-memory table with the index's tokenizer (migration 06), so
/// the words of a search are split by SQLite itself. Its own connection: a
/// store opened read-only can still tokenize.
static TOKENIZER: LazyLock<Mutex<Option<Connection>>> = LazyLock::new(|| {
    let open = || -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE VIRTUAL TABLE words USING fts5(text, tokenize = 'unicode61 remove_diacritics 0');
             CREATE VIRTUAL TABLE word_list USING fts5vocab(words, 'instance');",
        )?;
        Ok(conn)
    };
    Mutex::new(open().ok())
});

/// The words of what a person typed, exactly as the index's tokenizer
/// splits and folds them: a vowel sign or a virama (हिन्दी), a combining
/// accent or a symbol ends a word wherever SQLite's Unicode tables say so.
/// Each quoted word is then exactly one token, never a phrase, which an index
/// with `detail = column` refuses ("phrase queries are not supported").
fn words(text: &str) -> Result<Vec<String>> {
    let mut guard = TOKENIZER.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let conn = guard
        .as_mut()
        .ok_or_else(|| CoreError::Db(rusqlite::Error::InvalidParameterName("search tokenizer".into())))?;
    let tx = conn.transaction()?;
    tx.execute("INSERT INTO words (rowid, text) VALUES (1, ?1)", [text])?;
    let words = {
        let mut stmt = tx.prepare_cached("SELECT term FROM word_list ORDER BY offset LIMIT 12")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    // Rolled back: the table stays empty.
    drop(tx);
    Ok(words)
}

/// The tag a council has in the index: its id without hyphens. An id with
/// anything but letters, digits and hyphens is no council's (ids are UUIDs):
/// `None`, and nothing is found, rather than text pasted into the query.
fn council_tag(council_id: &str) -> Option<String> {
    council_id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
        .then(|| format!("c{}", council_id.replace('-', "").to_ascii_lowercase()))
}

/// The FTS5 query for what a person typed: each word quoted (so no word is
/// read as an operator) and matched as a prefix, all of them required, plus
/// the council and year tags. `None` when there is no word to search for, or
/// the council or the year cannot be one.
pub(crate) fn fts_query(query: &SearchQuery) -> Result<Option<String>> {
    let words: Vec<String> = words(&query.text)?
        .into_iter()
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return Ok(None);
    }
    let mut terms = Vec::new();
    if let Some(council) = &query.council_id {
        let Some(tag) = council_tag(council) else {
            return Ok(None);
        };
        terms.push(format!("tags : \"{tag}\""));
    }
    if let Some(year) = query.year {
        // A year before year 0 is no record's; its minus sign would split the tag.
        if year < 0 {
            return Ok(None);
        }
        terms.push(format!("tags : \"y{year}\""));
    }
    terms.push(format!("{{title body}} : ({})", words.join(" AND ")));
    Ok(Some(terms.join(" AND ")))
}

fn excerpt(text: &str) -> String {
    let text = text.trim();
    let short: String = text.chars().take(160).collect();
    if short.len() < text.len() {
        format!("{} …", short.trim_end())
    } else {
        short
    }
}

fn item_hit(conn: &Connection, id: &str) -> Result<Option<SearchHit>> {
    // Up to fifty of these per search: the statement is prepared once.
    Ok(conn
        .prepare_cached(
            "SELECT i.meeting_id, i.council_id, c.name, m.date, i.case_year, i.case_number, i.title,
                    CASE WHEN i.decision <> '' THEN i.decision ELSE i.background END
             FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN council c ON c.id = i.council_id
             WHERE i.id = ?1",
        )?
        .query_row([id], |r| {
            let date = codec::parse_day(3, &r.get::<_, String>(3)?)?;
            let case = CaseNumber::of(r.get(4)?, r.get(5)?);
            Ok(SearchHit {
                kind: SearchKind::Item,
                id: id.to_owned(),
                parent_id: r.get(0)?,
                council_id: r.get(1)?,
                council_name: r.get(2)?,
                year: case.map(|c| c.year).unwrap_or_else(|| chrono::Datelike::year(&date)),
                date,
                label: String::new(),
                title: r.get(6)?,
                excerpt: excerpt(&r.get::<_, String>(7)?),
                number: case.map_or(HitNumber::Unnumbered, HitNumber::Case),
            })
        })
        .optional()?)
}

fn application_hit(conn: &Connection, id: &str) -> Result<Option<SearchHit>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.scheme_id, s.council_id, c.name, s.year, a.received, a.number, a.organisation, a.title,
                    a.description
             FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id JOIN council c ON c.id = s.council_id
             WHERE a.id = ?1",
        )?
        .query_row([id], |r| {
            let number: i32 = r.get(5)?;
            let organisation: String = r.get(6)?;
            let title: String = r.get(7)?;
            Ok(SearchHit {
                kind: SearchKind::Application,
                id: id.to_owned(),
                parent_id: r.get(0)?,
                council_id: r.get(1)?,
                council_name: r.get(2)?,
                year: r.get(3)?,
                date: codec::parse_day(4, &r.get::<_, String>(4)?)?,
                label: String::new(),
                title: format!("{organisation}: {title}"),
                excerpt: excerpt(&r.get::<_, String>(8)?),
                number: HitNumber::Application(number),
            })
        })
        .optional()?)
}

/// The hits of `query`, unlabelled (`crate::views` adds their labels).
pub fn search(conn: &Connection, query: &SearchQuery) -> Result<SearchResults> {
    let Some(fts) = fts_query(query)? else {
        return Ok(SearchResults {
            hits: Vec::new(),
            more: false,
        });
    };
    let found: Vec<(String, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT d.kind, d.ref_id FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
             WHERE search_fts MATCH ?1 ORDER BY search_fts.rowid DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, (LIMIT + 1) as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let more = found.len() > LIMIT;
    let mut hits = Vec::with_capacity(LIMIT);
    for (kind, id) in found.into_iter().take(LIMIT) {
        let hit = match kind.as_str() {
            "item" => item_hit(conn, &id)?,
            _ => application_hit(conn, &id)?,
        };
        hits.extend(hit);
    }
    Ok(SearchResults { hits, more })
}

impl Store {
    /// Searches agenda items, decisions and grant applications for every
    /// word of `query.text` (each may be the start of a word), unlabelled
    /// ([`Store::search`] labels the hits in a language).
    pub fn search_rows(&self, query: &SearchQuery) -> Result<SearchResults> {
        search(&self.conn, query)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::*;

    fn query(text: &str) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            council_id: None,
            year: None,
        }
    }

    fn titles(store: &Store, q: &SearchQuery) -> Vec<String> {
        store
            .search(q, Lang::Nb)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.title)
            .collect()
    }

    #[test]
    fn words_become_quoted_prefix_terms_and_operators_stay_words() {
        assert_eq!(fts_query(&query("  ")).unwrap(), None);
        assert_eq!(fts_query(&query("\"*:()\"")).unwrap(), None);
        assert_eq!(
            fts_query(&query("Bøkeskogen OR dugnad")).unwrap().unwrap(),
            "{title body} : (\"bøkeskogen\"* AND \"or\"* AND \"dugnad\"*)"
        );
        let narrowed = SearchQuery {
            council_id: Some("01A2-B3".into()),
            year: Some(2026),
            ..query("lys")
        };
        assert_eq!(
            fts_query(&narrowed).unwrap().unwrap(),
            "tags : \"c01a2b3\" AND tags : \"y2026\" AND {title body} : (\"lys\"*)"
        );
    }

    #[test]
    fn items_and_applications_are_found_by_any_case_and_follow_every_edit() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Kari", Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
        store.load_demo(&actor, actor.at.date_naive()).unwrap();
        let lyngvik = store.find_councils("lyngvik").unwrap().remove(0);

        // Demo items and applications are in the index from the start.
        assert!(titles(&store, &query("dugnad")).iter().any(|t| t == "Dugnad i parken"));
        let hits = store.search(&query("lysløype"), Lang::Nb).unwrap().hits;
        let application = hits.iter().find(|h| h.kind == SearchKind::Application).unwrap();
        assert_eq!(application.title, "Lyngvik IL: Ny lysløype rundt Lyngvikvannet");
        assert_eq!(application.label, "Søknad 1");

        let meeting = store
            .create_meeting(
                &actor,
                &MeetingInput::ordinary(lyngvik.id.clone(), actor.at.date_naive(), ""),
            )
            .unwrap();
        let item = store
            .add_item(
                &actor,
                &meeting.id,
                &AgendaItemInput {
                    kind: ItemKind::Vedtak,
                    title: "Sti gjennom Bøkeskogen".into(),
                    background: "Grunneieren er positiv.".into(),
                    proposal: String::new(),
                    access: Default::default(),
                    statement: None,
                },
            )
            .unwrap();
        for text in ["bøkeskogen", "BØKESKOGEN", "Bøke", "grunneieren sti"] {
            assert_eq!(titles(&store, &query(text)), vec!["Sti gjennom Bøkeskogen"], "{text}");
        }
        assert!(titles(&store, &query("bokeskogen")).is_empty(), "ø is not o");

        let hit = &store.search(&query("bøkeskogen"), Lang::Nb).unwrap().hits[0];
        assert_eq!(
            (hit.parent_id.as_str(), hit.kind),
            (meeting.id.as_str(), SearchKind::Item)
        );
        assert_eq!(hit.label, "Uten nummer");

        // Edits are followed: the old words are gone, the new ones found.
        store
            .update_item(
                &actor,
                &item,
                &AgendaItemInput {
                    kind: ItemKind::Vedtak,
                    title: "Sti langs Furulia".into(),
                    background: String::new(),
                    proposal: String::new(),
                    access: Default::default(),
                    statement: None,
                },
            )
            .unwrap();
        assert!(titles(&store, &query("bøkeskogen")).is_empty());
        assert_eq!(titles(&store, &query("furulia")), vec!["Sti langs Furulia"]);

        // Council and year narrow the search.
        let other = store.find_councils("midtbyen").unwrap().remove(0);
        let in_other = SearchQuery {
            council_id: Some(other.id.clone()),
            ..query("furulia")
        };
        assert!(titles(&store, &in_other).is_empty());
        let in_lyngvik = SearchQuery {
            council_id: Some(lyngvik.id.clone()),
            year: Some(2026),
            ..query("furulia")
        };
        assert_eq!(titles(&store, &in_lyngvik), vec!["Sti langs Furulia"]);
        let other_year = SearchQuery {
            year: Some(2025),
            ..in_lyngvik.clone()
        };
        assert!(titles(&store, &other_year).is_empty());

        // The meeting moved to January: its unnumbered item goes with it.
        let moved = MeetingInput {
            date: chrono::NaiveDate::from_ymd_opt(2027, 1, 14).unwrap(),
            ..meeting.input()
        };
        store.update_meeting(&actor, &meeting.id, &moved).unwrap();
        assert!(titles(&store, &in_lyngvik).is_empty(), "no longer in 2026");
        let next_year = SearchQuery {
            year: Some(2027),
            ..in_lyngvik
        };
        assert_eq!(titles(&store, &next_year), vec!["Sti langs Furulia"]);
        let hit = &store.search(&next_year, Lang::Nb).unwrap().hits[0];
        assert_eq!(hit.year, 2027);
    }

    #[test]
    fn a_common_word_stops_at_the_limit_and_says_there_is_more() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Kari", Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
        let spec = crate::store::ScaleSpec {
            councils: 2,
            years: 2,
            meetings_per_year: 12,
            items_per_meeting: 5,
            applications_per_year: 3,
        };
        store
            .generate(&actor, &spec, actor.at.date_naive(), &mut |_, _| {})
            .unwrap();
        let results = store.search(&query("utvalget"), Lang::Nb).unwrap();
        assert_eq!(results.hits.len(), LIMIT);
        assert!(results.more);
    }

    /// A store with the demo and one item whose title and background hold
    /// words of many scripts; returns it with the item's meeting's council.
    fn many_scripts() -> (Store, String) {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Kari", Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
        store.load_demo(&actor, actor.at.date_naive()).unwrap();
        let lyngvik = store.find_councils("lyngvik").unwrap().remove(0);
        let meeting = store
            .create_meeting(
                &actor,
                &MeetingInput::ordinary(lyngvik.id.clone(), actor.at.date_naive(), ""),
            )
            .unwrap();
        store
            .add_item(
                &actor,
                &meeting.id,
                &AgendaItemInput {
                    kind: ItemKind::Orientering,
                    title: "Velkommen: हिन्दी, العربية, 中文, ไทย, Ελληνικά, Sámegiella".into(),
                    background: "Kafé e\u{301} 🌲 Čáhppesjávri".into(),
                    proposal: String::new(),
                    access: Default::default(),
                    statement: None,
                },
            )
            .unwrap();
        (store, lyngvik.id)
    }

    #[test]
    fn words_of_any_script_are_searched_without_an_error() {
        let (store, _) = many_scripts();
        // "fts5: phrase queries are not supported" for each of these before:
        // a vowel sign or a combining accent split the word in the index only.
        for text in [
            "हिन्दी",
            "العربية",
            "中文",
            "ไทย",
            "Ελληνικά",
            "Sámegiella",
            "Čáhppesjávri",
            "हि",
        ] {
            let hits = store
                .search(&query(text), Lang::Nb)
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(hits.hits.len(), 1, "{text}");
            assert!(hits.hits[0].title.starts_with("Velkommen"), "{text}");
        }
        for text in [
            "e\u{301}",
            "🌲",
            "\u{301}",
            "·",
            "\"",
            "*",
            "\u{200d}",
            "NEAR(a b)",
            "-x",
            "^y",
        ] {
            assert!(store.search(&query(text), Lang::Nb).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn the_council_filter_is_never_read_as_part_of_the_query() {
        let (store, lyngvik) = many_scripts();
        for council in [
            "x\" OR tags : \"y2026",
            "\"",
            "x\" * \"",
            "c) OR (title : hindi",
            "",
            "Lyngvik nærmiljøutvalg",
        ] {
            let narrowed = SearchQuery {
                council_id: Some(council.into()),
                ..query("हिन्दी")
            };
            let results = store
                .search(&narrowed, Lang::Nb)
                .unwrap_or_else(|e| panic!("{council}: {e}"));
            assert!(results.hits.is_empty(), "{council}: no such council, nothing found");
        }
        let narrowed = SearchQuery {
            council_id: Some(lyngvik),
            ..query("हिन्दी")
        };
        assert_eq!(store.search(&narrowed, Lang::Nb).unwrap().hits.len(), 1);
    }

    thread_local! {
        /// One store for every case of the property test.
        static SCRIPTS: (Store, String) = many_scripts();
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_text_council_and_year_search_without_an_error(
            text in proptest::prelude::any::<String>(),
            council in proptest::option::of(proptest::prelude::any::<String>()),
            year in proptest::option::of(proptest::prelude::any::<i32>()),
        ) {
            let q = SearchQuery { text, council_id: council, year };
            let found = SCRIPTS.with(|(store, _)| store.search(&q, Lang::Nb).map(|_| ()));
            proptest::prop_assert!(found.is_ok(), "{q:?}: {found:?}");
        }
    }
}
