-- The year a search is narrowed by follows the records it comes from: an
-- item without a case number belongs to its meeting's year, so moving the
-- meeting to another year moves the item; an application belongs to its
-- scheme's year, so a scheme moved to another year moves its applications.
-- (Numbered items keep the year of their case number.) Each rewrites the
-- search entries it changes, as migration 06's triggers do.

CREATE TRIGGER search_meeting_year AFTER UPDATE OF date ON meeting
WHEN substr(OLD.date, 1, 4) <> substr(NEW.date, 1, 4) BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT d.id FROM search_doc d JOIN agenda_item i ON i.id = d.ref_id
        WHERE i.meeting_id = NEW.id AND i.case_year IS NULL);
    UPDATE search_doc SET year = CAST(substr(NEW.date, 1, 4) AS INTEGER)
    WHERE ref_id IN (SELECT id FROM agenda_item WHERE meeting_id = NEW.id AND case_year IS NULL);
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, i.title, i.background || ' ' || i.proposal || ' ' || i.decision,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d JOIN agenda_item i ON i.id = d.ref_id
    WHERE i.meeting_id = NEW.id AND i.case_year IS NULL;
END;

CREATE TRIGGER search_scheme_year AFTER UPDATE OF year ON grant_scheme
WHEN OLD.year <> NEW.year BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT d.id FROM search_doc d JOIN grant_application a ON a.id = d.ref_id
        WHERE a.scheme_id = NEW.id);
    UPDATE search_doc SET year = NEW.year
    WHERE ref_id IN (SELECT id FROM grant_application WHERE scheme_id = NEW.id);
    INSERT INTO search_fts (rowid, title, body, tags)
    SELECT d.id, a.organisation || ' ' || a.title,
           a.description || ' ' || a.reasons || ' ' || a.report_summary,
           'c' || replace(d.council_id, '-', '') || ' y' || d.year
    FROM search_doc d JOIN grant_application a ON a.id = d.ref_id
    WHERE a.scheme_id = NEW.id;
END;
