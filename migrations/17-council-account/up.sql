-- The council's own money: a simple account per council, read by year. Each
-- entry is the running grant from the kommune (driftstilskudd), other income
-- or an expense, with its day, a text and an amount in integer øre that is
-- always positive: the kind gives the sign. A year's opening balance is the
-- sum of every entry before it; a negative balance is a deficit, never refused.
CREATE TABLE account_entry (
    id          TEXT PRIMARY KEY,
    council_id  TEXT NOT NULL REFERENCES council (id),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('grant', 'income', 'expense')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    amount_ore  INTEGER NOT NULL CHECK (amount_ore > 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX account_entry_council_date ON account_entry (council_id, date);

-- A council kept elsewhere (migration 10) is written only by its packages.

CREATE TRIGGER home_account_entry_insert BEFORE INSERT ON account_entry
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_account_entry_update BEFORE UPDATE ON account_entry
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_account_entry_update_new BEFORE UPDATE ON account_entry
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_account_entry_delete BEFORE DELETE ON account_entry
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;
