-- Decisions inside an agenda item. An item (sak) keeps its own record — its
-- decision, votes and the members who left for the whole item (`recusal`);
-- for an item that decides one thing, that record is its one decision, as
-- every item written before this migration is. An item may also hold
-- further decisions, each with its own proposal, votes and recusals: a
-- grant round is one item with one decision per application. A member who
-- left for the item is out of all its decisions; a member in
-- `decision_recusal` left for that decision only.

CREATE TABLE item_decision (
    id             TEXT PRIMARY KEY,
    item_id        TEXT NOT NULL REFERENCES agenda_item (id),
    position       INTEGER NOT NULL,
    -- The grant application this decision is about, for a grant round.
    application_id TEXT REFERENCES grant_application (id),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    proposal       TEXT NOT NULL DEFAULT '',
    decision       TEXT NOT NULL DEFAULT '',
    votes_for      INTEGER CHECK (votes_for >= 0),
    votes_against  INTEGER CHECK (votes_against >= 0),
    votes_blank    INTEGER CHECK (votes_blank >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (item_id, position),
    CHECK ((votes_for IS NULL) = (votes_against IS NULL) AND (votes_for IS NULL) = (votes_blank IS NULL))
) STRICT;

CREATE UNIQUE INDEX item_decision_by_application ON item_decision (item_id, application_id)
    WHERE application_id IS NOT NULL;

CREATE TABLE decision_recusal (
    decision_id    TEXT NOT NULL REFERENCES item_decision (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (decision_id, membership_id)
) STRICT;

-- A council kept elsewhere (migration 10) is written only by its packages.

CREATE TRIGGER home_item_decision_insert BEFORE INSERT ON item_decision
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = NEW.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER home_item_decision_update BEFORE UPDATE ON item_decision
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_item_decision_delete BEFORE DELETE ON item_decision
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_decision_recusal_insert BEFORE INSERT ON decision_recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT i.council_id FROM item_decision d
     JOIN agenda_item i ON i.id = d.item_id WHERE d.id = NEW.decision_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT i.council_id FROM item_decision d
        JOIN agenda_item i ON i.id = d.item_id WHERE d.id = NEW.decision_id));
END;

CREATE TRIGGER home_decision_recusal_update BEFORE UPDATE ON decision_recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT i.council_id FROM item_decision d
     JOIN agenda_item i ON i.id = d.item_id WHERE d.id = OLD.decision_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT i.council_id FROM item_decision d
        JOIN agenda_item i ON i.id = d.item_id WHERE d.id = OLD.decision_id));
END;

CREATE TRIGGER home_decision_recusal_delete BEFORE DELETE ON decision_recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT i.council_id FROM item_decision d
     JOIN agenda_item i ON i.id = d.item_id WHERE d.id = OLD.decision_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT i.council_id FROM item_decision d
        JOIN agenda_item i ON i.id = d.item_id WHERE d.id = OLD.decision_id));
END;

-- A new kind of item, 'valg' (elections and appointments): the one kind where
-- a blank vote may be cast, and where a tie is not settled by the chair.
-- Adding a value to a CHECK changes nothing stored, so the table's schema is
-- widened in place, as SQLite documents for such changes, and reloaded.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (kind IN (''orientering'', ''drofting'', ''vedtak''))',
                       'CHECK (kind IN (''orientering'', ''drofting'', ''vedtak'', ''valg''))')
WHERE type = 'table' AND name = 'agenda_item';
PRAGMA writable_schema = RESET;

-- Arrivals and departures during the meeting: a member present may have met
-- from an item ("møtte fra sak 05/26") and left after another. Quorum per
-- item counts only who was there for it. NULL: from the start, to the end.
ALTER TABLE attendance ADD COLUMN from_item TEXT REFERENCES agenda_item (id);
ALTER TABLE attendance ADD COLUMN until_item TEXT REFERENCES agenda_item (id);
