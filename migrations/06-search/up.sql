-- Full-text search over agenda items (title, background, proposal, decision)
-- and grant applications (organisation, project, description, reasons,
-- report). `search_doc` maps each searchable record to an explicit integer
-- id (which VACUUM keeps), and `search_fts` indexes its words without
-- storing the text again (contentless, with deletes). The tokenizer folds
-- case for every letter (Bøkeskogen = bøkeskogen) and keeps æ, ø and å
-- apart from a, o and e. The council and the year are indexed as tags
-- (`c<council id hex>`, `y2026`), so a filter narrows the search inside the
-- index itself. Only which column holds a word is kept, not where in it
-- (`detail = column`: no phrase search is offered), which keeps the index
-- small and an AND of common words quick. Triggers keep it in step.

CREATE TABLE search_doc (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('item', 'application')),
    ref_id     TEXT NOT NULL UNIQUE,
    council_id TEXT NOT NULL,
    year       INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, tags,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Items ---------------------------------------------------------------------

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_doc (kind, ref_id, council_id, year)
    VALUES ('item', NEW.id, NEW.council_id,
            coalesce(NEW.case_year, (SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM meeting WHERE id = NEW.meeting_id)));
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, NEW.title, NEW.background || ' ' || NEW.proposal || ' ' || NEW.decision,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d WHERE d.ref_id = NEW.id;
END;

CREATE TRIGGER search_item_update AFTER UPDATE OF title, background, proposal, decision, case_year, council_id
ON agenda_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_doc WHERE ref_id = OLD.id);
    UPDATE search_doc SET council_id = NEW.council_id,
        year = coalesce(NEW.case_year, (SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM meeting WHERE id = NEW.meeting_id))
    WHERE ref_id = NEW.id;
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, NEW.title, NEW.background || ' ' || NEW.proposal || ' ' || NEW.decision,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d WHERE d.ref_id = NEW.id;
END;

CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_doc WHERE ref_id = OLD.id);
    DELETE FROM search_doc WHERE ref_id = OLD.id;
END;

-- Applications --------------------------------------------------------------

CREATE TRIGGER search_application_insert AFTER INSERT ON grant_application BEGIN
    INSERT INTO search_doc (kind, ref_id, council_id, year)
    SELECT 'application', NEW.id, s.council_id, s.year FROM grant_scheme s WHERE s.id = NEW.scheme_id;
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, NEW.organisation || ' ' || NEW.title,
           NEW.description || ' ' || NEW.reasons || ' ' || NEW.report_summary,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d WHERE d.ref_id = NEW.id;
END;

CREATE TRIGGER search_application_update
AFTER UPDATE OF organisation, title, description, reasons, report_summary, scheme_id ON grant_application BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_doc WHERE ref_id = OLD.id);
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, NEW.organisation || ' ' || NEW.title,
           NEW.description || ' ' || NEW.reasons || ' ' || NEW.report_summary,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d WHERE d.ref_id = NEW.id;
END;

CREATE TRIGGER search_application_delete AFTER DELETE ON grant_application BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_doc WHERE ref_id = OLD.id);
    DELETE FROM search_doc WHERE ref_id = OLD.id;
END;

-- What was there before this migration.

INSERT INTO search_doc (kind, ref_id, council_id, year)
SELECT 'item', i.id, i.council_id, coalesce(i.case_year, CAST(substr(m.date, 1, 4) AS INTEGER))
FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id;

INSERT INTO search_doc (kind, ref_id, council_id, year)
SELECT 'application', a.id, s.council_id, s.year FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id;

INSERT INTO search_fts (rowid, title, body, tags)
SELECT d.id, i.title, i.background || ' ' || i.proposal || ' ' || i.decision,
       'c' || replace(d.council_id, '-', '') || ' y' || d.year
FROM search_doc d JOIN agenda_item i ON i.id = d.ref_id;

INSERT INTO search_fts (rowid, title, body, tags)
SELECT d.id, a.organisation || ' ' || a.title, a.description || ' ' || a.reasons || ' ' || a.report_summary,
       'c' || replace(d.council_id, '-', '') || ' y' || d.year
FROM search_doc d JOIN grant_application a ON a.id = d.ref_id;
