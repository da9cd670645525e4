-- Who chaired the meeting and who took the minutes. The chair is a member
-- present; the minute-taker a member present or a person named in
-- `minute_taker_name` (a secretary who does not sit on the council).
ALTER TABLE meeting ADD COLUMN chair_id TEXT REFERENCES membership (id);
ALTER TABLE meeting ADD COLUMN minute_taker_id TEXT REFERENCES membership (id);
ALTER TABLE meeting ADD COLUMN minute_taker_name TEXT NOT NULL DEFAULT '';

-- Who chaired an item, or a decision inside it, when the meeting's chair
-- left for it (inhabil). NULL: the meeting's chair.
ALTER TABLE agenda_item ADD COLUMN chair_id TEXT REFERENCES membership (id);
ALTER TABLE item_decision ADD COLUMN chair_id TEXT REFERENCES membership (id);

-- How the chair voted when the votes were tied: outside an election the
-- chair's vote decides (dobbeltstemme). NULL: no tie, or not recorded yet.
ALTER TABLE agenda_item ADD COLUMN chair_vote TEXT CHECK (chair_vote IN ('for', 'against'));
ALTER TABLE item_decision ADD COLUMN chair_vote TEXT CHECK (chair_vote IN ('for', 'against'));

-- On what ground an item was closed: 'must' and 'may' for a formal body
-- (kommuneloven § 11-5 second and third ledd), 'statutes' for a voluntary
-- council's own rules. NULL for an item not closed, and for one closed
-- before this migration (its written basis stands).
ALTER TABLE agenda_item ADD COLUMN closed_ground TEXT CHECK (closed_ground IN ('must', 'may', 'statutes'));

-- Alternative proposals to an item's proposal (forslag til vedtak), each
-- with its own votes. The item's own proposal and votes stay on the item.
CREATE TABLE alternative_proposal (
    id             TEXT PRIMARY KEY,
    item_id        TEXT NOT NULL REFERENCES agenda_item (id),
    position       INTEGER NOT NULL,
    proposed_by    TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    votes_for      INTEGER CHECK (votes_for >= 0),
    votes_against  INTEGER CHECK (votes_against >= 0),
    chair_vote     TEXT CHECK (chair_vote IN ('for', 'against')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (item_id, position),
    CHECK ((votes_for IS NULL) = (votes_against IS NULL))
) STRICT;

-- A council kept elsewhere (migration 10) is written only by its packages.

CREATE TRIGGER home_alternative_proposal_insert BEFORE INSERT ON alternative_proposal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = NEW.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER home_alternative_proposal_update BEFORE UPDATE ON alternative_proposal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_alternative_proposal_delete BEFORE DELETE ON alternative_proposal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;
