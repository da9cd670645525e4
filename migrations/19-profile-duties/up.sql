-- The yearly duties follow the kommune profile (issue 21): a duty's `kind`
-- is a key of the profile's duties, no longer one of four. Dropping a value
-- list from a CHECK changes nothing stored, so the table's schema is widened
-- in place (as migration 13 did) and stays STRICT. A removed duty's rows are
-- kept for history.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (kind IN (''joint_meeting'', ''open_meeting'', ''annual_report'', ''grant_report''))',
                       'CHECK (length(kind) BETWEEN 1 AND 40)')
WHERE type = 'table' AND name = 'duty';
PRAGMA writable_schema = RESET;

-- A duty the profile says is confirmed by hand (evidence `manual`): the day
-- it was done and a note of what was done, both required. One per council,
-- year and duty; undoing it deletes the row (the audit log keeps both).
CREATE TABLE duty_confirmation (
    id            TEXT PRIMARY KEY,
    council_id    TEXT NOT NULL REFERENCES council (id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    duty_key      TEXT NOT NULL CHECK (length(duty_key) BETWEEN 1 AND 40),
    done_on       TEXT NOT NULL,
    note          TEXT NOT NULL CHECK (length(trim(note)) > 0),
    confirmed_at  TEXT NOT NULL,
    confirmed_by  TEXT NOT NULL,
    UNIQUE (council_id, year, duty_key)
) STRICT;

-- A council kept elsewhere (migration 10) is written only by its packages.

CREATE TRIGGER home_duty_confirmation_insert BEFORE INSERT ON duty_confirmation
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_duty_confirmation_update BEFORE UPDATE ON duty_confirmation
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_duty_confirmation_update_new BEFORE UPDATE ON duty_confirmation
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_duty_confirmation_delete BEFORE DELETE ON duty_confirmation
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;
