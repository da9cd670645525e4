//! Public access (offentlighet): which agenda items the public version of
//! the notice and the minutes withholds, and on what basis.
//!
//! An item is exempt when the secretary marks it so with a basis — picked
//! from [`BASES`] or written by hand — or when it was handled in a closed
//! session (then its recorded basis for closing stands, until a more exact
//! one is marked). An exempt item keeps its case number in the public
//! version and shows "Unntatt offentlighet" with the basis; its title only
//! where the title does not itself reveal the matter; never its text, votes,
//! inhabilitet, grants or follow-ups.
//!
//! The wording of the bases was checked against the law texts:
//! offentleglova § 13 first ledd (information under a statutory duty of
//! confidentiality is exempt from public access) and forvaltningsloven § 13
//! first ledd nr. 1 (someone's personal matters) and nr. 2 (technical devices
//! and procedures, operating or business matters of competitive importance).
//! A voluntary council, to which offentleglova does not apply, withholds by
//! its own statutes.

use super::validate::clean_text;
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::{AgendaItem, ExemptionBasis, ItemAccess, Lang, LegalMode};

/// The catalogue keys of the bases the item form offers, in order: under
/// `access.basis.<key>` for the text and `access.hint.<key>` for what it covers.
pub const BASES: [&str; 3] = ["personal", "business", "statutes"];

/// The bases offered to a council: the text in its documents' language and
/// a hint in the user's. A formal body is offered the law's grounds first;
/// a voluntary council its statutes first.
pub fn bases(mode: LegalMode, doc_lang: Lang, user_lang: Lang) -> Vec<ExemptionBasis> {
    let mut keys: Vec<&str> = BASES.to_vec();
    if mode == LegalMode::Voluntary {
        keys.rotate_right(1);
    }
    keys.into_iter()
        .map(|key| ExemptionBasis {
            key: key.to_owned(),
            text: t(doc_lang, &format!("access.basis.{key}"), &[]),
            hint: t(user_lang, &format!("access.hint.{key}"), &[]),
        })
        .collect()
}

/// Every broken rule of an item's access marking, and the clean marking: an
/// exempt item needs a basis; an item that is not exempt keeps neither a
/// basis nor a withheld title.
pub fn issues(input: &ItemAccess) -> (ItemAccess, Vec<FieldIssue>) {
    let clean = if input.exempt {
        ItemAccess {
            exempt: true,
            basis: clean_text(&input.basis),
            title_withheld: input.title_withheld,
        }
    } else {
        ItemAccess::default()
    };
    let mut found = Vec::new();
    if clean.exempt && clean.basis.is_empty() {
        found.push(FieldIssue::new("exemptBasis", "validation.exempt_basis_missing"));
    }
    found.extend(super::validate::text_issues("exemptBasis", &clean.basis));
    (clean, found)
}

/// [`issues`] as a result.
pub fn access(input: &ItemAccess) -> Result<ItemAccess> {
    let (clean, found) = issues(input);
    if found.is_empty() {
        Ok(clean)
    } else {
        Err(CoreError::Invalid(found))
    }
}

/// Why and how the public version withholds an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    pub basis: String,
    pub title_withheld: bool,
}

/// Whether the public version withholds `item`: marked exempt, or handled in
/// a closed session (exempt by default, with its basis for closing until a
/// basis is marked).
pub fn exemption(item: &AgendaItem) -> Option<Exemption> {
    if item.access.exempt {
        Some(Exemption {
            basis: item.access.basis.clone(),
            title_withheld: item.access.title_withheld,
        })
    } else if item.closed {
        Some(Exemption {
            basis: item.closed_basis.clone(),
            title_withheld: false,
        })
    } else {
        None
    }
}

/// The item as its public version shows it: an exempt item keeps its id,
/// position, case number and kind, and its title unless withheld; its texts,
/// votes, inhabilitet, grants and follow-ups are gone. Others are unchanged.
pub fn public_item(item: &AgendaItem, lang: Lang) -> AgendaItem {
    let Some(exemption) = exemption(item) else {
        return item.clone();
    };
    AgendaItem {
        title: if exemption.title_withheld {
            t(lang, "pdf.title_withheld", &[])
        } else {
            item.title.clone()
        },
        background: String::new(),
        proposal: String::new(),
        decision: String::new(),
        votes: None,
        closed: item.closed,
        closed_basis: String::new(),
        access: ItemAccess {
            exempt: true,
            basis: exemption.basis,
            title_withheld: exemption.title_withheld,
        },
        inhabil_members: Vec::new(),
        follow_ups: Vec::new(),
        grants: Vec::new(),
        // The kommune's case number and deadline are not withheld: they are the kommune's own.
        statement: item.statement.clone(),
        decisions: Vec::new(),
        alternatives: Vec::new(),
        adopted: None,
        outcome: None,
        chair_vote: None,
        chair_id: None,
        chair_name: None,
        closed_ground: None,
        ..item.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AlternativeProposal, CaseNumber, InhabilAbout, InhabilMember, ItemKind, Quorum, Votes};

    fn item() -> AgendaItem {
        AgendaItem {
            id: "i".into(),
            meeting_id: "m".into(),
            position: 1,
            case_number: Some(CaseNumber { year: 2026, number: 3 }),
            case_label: Some("Sak 03/26".into()),
            kind: ItemKind::Vedtak,
            title: "Søknad om fritak fra vervet".into(),
            background: "Kari Nordmann søker fritak av helsegrunner.".into(),
            proposal: "Fritak innvilges.".into(),
            decision: "Fritak innvilget.".into(),
            votes: Some(Votes {
                in_favour: 5,
                against: 0,
                blank: 0,
            }),
            outcome: None,
            decisions: Vec::new(),
            alternatives: vec![AlternativeProposal {
                id: "a".into(),
                position: 1,
                proposed_by: "Ola Nordmann".into(),
                text: "Fritak avslås.".into(),
                votes: None,
                chair_vote: None,
                outcome: None,
            }],
            adopted: None,
            chair_vote: None,
            chair_id: Some("y".into()),
            chair_name: Some("Per Hansen".into()),
            closed: false,
            closed_basis: String::new(),
            closed_ground: None,
            access: ItemAccess::default(),
            withdrawn: false,
            inhabil_members: vec![InhabilMember {
                membership_id: "x".into(),
                person_name: "Ola Nordmann".into(),
                reason: "Ektefelle".into(),
                about: InhabilAbout::Own,
            }],
            follow_ups: Vec::new(),
            quorum: Quorum {
                seats: 7,
                present: 6,
                inhabil: 1,
                voting: 5,
                required: 4,
                quorate: true,
            },
            grants: Vec::new(),
            statement: None,
        }
    }

    #[test]
    fn marking_exempt_without_a_basis_is_refused_in_every_language() {
        let err = access(&ItemAccess {
            exempt: true,
            basis: "  ".into(),
            title_withheld: true,
        })
        .unwrap_err();
        assert_eq!(err.code(), "invalid");
        let CoreError::Invalid(found) = &err else {
            unreachable!()
        };
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "exemptBasis");
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let text = found[0].message(lang);
            assert!(!text.is_empty() && !text.contains("validation."), "{lang:?}: {text}");
        }
        assert!(found[0].message(Lang::Nb).contains("hjemmel"));
        assert!(found[0].message(Lang::Nn).contains("heimel"));
        assert!(found[0].message(Lang::En).contains("basis"));
    }

    #[test]
    fn a_public_item_keeps_no_basis_and_a_basis_is_trimmed() {
        let open = access(&ItemAccess {
            exempt: false,
            basis: "Offentleglova § 13".into(),
            title_withheld: true,
        })
        .unwrap();
        assert_eq!(open, ItemAccess::default());
        let exempt = access(&ItemAccess {
            exempt: true,
            basis: "  Vedtektene § 4 ".into(),
            title_withheld: false,
        })
        .unwrap();
        assert_eq!(exempt.basis, "Vedtektene § 4");
    }

    #[test]
    fn a_closed_item_is_exempt_by_default_and_a_marked_basis_wins() {
        let mut closed = item();
        closed.closed = true;
        closed.closed_basis = "Kommuneloven § 11-5 andre ledd bokstav a".into();
        let found = exemption(&closed).unwrap();
        assert_eq!(found.basis, "Kommuneloven § 11-5 andre ledd bokstav a");
        assert!(!found.title_withheld);
        closed.access = ItemAccess {
            exempt: true,
            basis: "Offentleglova § 13".into(),
            title_withheld: true,
        };
        assert_eq!(exemption(&closed).unwrap().basis, "Offentleglova § 13");
        assert_eq!(exemption(&item()), None);
    }

    #[test]
    fn the_public_item_withholds_text_votes_and_names_and_keeps_the_case_number() {
        let mut exempt = item();
        exempt.access = ItemAccess {
            exempt: true,
            basis: "Offentleglova § 13".into(),
            title_withheld: true,
        };
        let public = public_item(&exempt, Lang::Nb);
        assert_eq!(public.case_number, exempt.case_number);
        assert_eq!(public.kind, ItemKind::Vedtak);
        assert!(!public.title.contains("fritak"));
        assert_eq!((public.background.as_str(), public.proposal.as_str()), ("", ""));
        assert_eq!(public.decision, "");
        assert_eq!(public.votes, None);
        assert!(public.inhabil_members.is_empty());
        // Nor who put forward an alternative, or who chaired while the chair was inhabil.
        assert!(public.alternatives.is_empty());
        assert_eq!((public.chair_id, public.chair_name), (None, None));
        assert_eq!(public.access.basis, "Offentleglova § 13");
        exempt.access.title_withheld = false;
        assert_eq!(public_item(&exempt, Lang::Nb).title, exempt.title);
        assert_eq!(public_item(&item(), Lang::Nb), item());
    }

    #[test]
    fn a_voluntary_council_is_offered_its_statutes_first() {
        let formal = bases(LegalMode::Formal, Lang::Nn, Lang::En);
        assert_eq!(formal[0].key, "personal");
        assert!(formal[0].text.contains("forvaltningslova"), "{}", formal[0].text);
        let voluntary = bases(LegalMode::Voluntary, Lang::Nb, Lang::Nb);
        assert_eq!(voluntary[0].key, "statutes");
        assert_eq!(voluntary.len(), BASES.len());
    }
}
