-- A large kommune's file (200 councils, 20 years; see BENCHMARKS.md): the
-- coordinator's overview reads each council's seats, meetings and money
-- from indexes alone, and a search looks its words up in the index's list
-- of words.

-- What has been paid out on an application, kept by the triggers below
-- (never written by code, never part of a hand-over package): the overview
-- sums a year's 5 000 applications without a payout lookup for each.
ALTER TABLE grant_application ADD COLUMN paid_ore INTEGER NOT NULL DEFAULT 0 CHECK (paid_ore >= 0);
UPDATE grant_application
   SET paid_ore = (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout WHERE application_id = grant_application.id);

CREATE TRIGGER grant_payout_paid_insert AFTER INSERT ON grant_payout BEGIN
    UPDATE grant_application
       SET paid_ore = (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout WHERE application_id = NEW.application_id)
     WHERE id = NEW.application_id;
END;

CREATE TRIGGER grant_payout_paid_delete AFTER DELETE ON grant_payout BEGIN
    UPDATE grant_application
       SET paid_ore = (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout WHERE application_id = OLD.application_id)
     WHERE id = OLD.application_id;
END;

CREATE TRIGGER grant_payout_paid_update AFTER UPDATE OF application_id, amount_ore ON grant_payout BEGIN
    UPDATE grant_application
       SET paid_ore = (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout WHERE application_id = grant_application.id)
     WHERE id IN (OLD.application_id, NEW.application_id);
END;

-- A scheme's money and whether it is accounted for, from the index alone.
CREATE INDEX grant_application_money
    ON grant_application (scheme_id, granted_ore, paid_ore, withdrawn_at, report_accepted, report_received);

-- The year's schemes of every council, from the index alone.
CREATE INDEX grant_scheme_by_year ON grant_scheme (year, council_id, id, name, budget_ore);

-- Who sits on a given day, counted by council and role without reading the
-- seats themselves; it takes over membership_current.
CREATE INDEX membership_sitting
    ON membership (coalesce(term_to, '9999-12-31'), term_from, ended_on, council_id, role);
DROP INDEX membership_current;

-- A council's meetings in date and time order with their status: its next
-- and last approved meeting without reading the meetings; it takes over
-- meeting_by_council.
CREATE INDEX meeting_by_council_day ON meeting (council_id, date, starts_at, status, id);
DROP INDEX meeting_by_council;

-- The search index again, now also by the first 2 to 6 letters of each
-- word: a typed word is matched as a prefix, and FTS5 walks a prefix of
-- those lengths lazily instead of reading every match of every word it
-- begins before the first hit (a search for "dugnad benker" in one council
-- and year: 17 ms before, 0.3 ms after). The index grows about 4×, to some
-- 180 MiB for 580 000 records. Its content is as in migration 06, whose
-- triggers write to it by name.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, tags,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5 6'
);

INSERT INTO search_fts (rowid, title, body, tags)
SELECT d.id, i.title, i.background || ' ' || i.proposal || ' ' || i.decision,
       'c' || replace(d.council_id, '-', '') || ' y' || d.year
FROM search_doc d JOIN agenda_item i ON i.id = d.ref_id;

INSERT INTO search_fts (rowid, title, body, tags)
SELECT d.id, a.organisation || ' ' || a.title, a.description || ' ' || a.reasons || ' ' || a.report_summary,
       'c' || replace(d.council_id, '-', '') || ' y' || d.year
FROM search_doc d JOIN grant_application a ON a.id = d.ref_id;

INSERT INTO search_fts (search_fts) VALUES ('optimize');

-- The query planner's figures for the tables whose indexes changed, so it
-- picks the new indexes in a file that already has figures for the old.
ANALYZE membership;
ANALYZE meeting;
ANALYZE grant_application;
ANALYZE grant_scheme;

