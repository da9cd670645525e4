-- Statements to the kommune (uttalelser, høringssvar): an agenda item of kind
-- `uttalelse` is adopted by vote like a vedtak, and carries the kommune's
-- case number, the deadline for the statement and, optionally, to whom in
-- the kommune it goes. The adopted statement is exported as a letter whose
-- bytes and checksums are archived like the grant letters.

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (kind IN (''orientering'', ''drofting'', ''vedtak'', ''valg''))',
                       'CHECK (kind IN (''orientering'', ''drofting'', ''vedtak'', ''valg'', ''uttalelse''))')
WHERE type = 'table' AND name = 'agenda_item';
PRAGMA writable_schema = RESET;

CREATE TABLE agenda_statement (
    item_id     TEXT PRIMARY KEY REFERENCES agenda_item (id),
    -- The kommune's case number (saksnummer), e.g. `24/01234`: free text, never empty.
    case_ref    TEXT NOT NULL CHECK (length(trim(case_ref)) > 0),
    deadline    TEXT NOT NULL,
    -- The kommune's unit or case officer; empty: the kommune.
    recipient   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX agenda_statement_by_deadline ON agenda_statement (deadline);

-- Every exported statement letter, with its bytes and checksums.
CREATE TABLE statement_letter (
    id             TEXT PRIMARY KEY,
    item_id        TEXT NOT NULL REFERENCES agenda_item (id),
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    bytes          BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL
) STRICT;

CREATE INDEX statement_letter_by_item ON statement_letter (item_id, created_at);

-- A council kept elsewhere (migration 10) is written only by its packages.

CREATE TRIGGER home_agenda_statement_insert BEFORE INSERT ON agenda_statement
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = NEW.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER home_agenda_statement_update BEFORE UPDATE ON agenda_statement
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_agenda_statement_delete BEFORE DELETE ON agenda_statement
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;
