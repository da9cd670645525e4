-- One home per council. A council is written in one file, its home (the
-- secretary's). A council read in from a package made elsewhere is kept
-- there: this file only reads it. `council_home` names those councils, with
-- the installation that keeps each ('' when it was read in before homes were
-- recorded); a council with no row here is kept in this file.
--
-- Triggers refuse every insert, update and delete of such a council's rows
-- (its members, meetings, items, attendance, grants, duties), naming the
-- council in the error ('kept_elsewhere:<id>'), which the store turns into a
-- plain message. Reading in a newer package is the one way such rows
-- change: the import puts a row in `package_import` for the length of its
-- transaction, and deletes it before the commit. The archive of what this
-- file printed (documents, letters, annual reports) is this file's own.
--
-- `snapshot_fingerprint` holds, per council, a short hash of every row as of
-- the last package written or read here, so a later import can say which
-- changes made here since then it would replace.

CREATE TABLE council_home (
    council_id  TEXT PRIMARY KEY REFERENCES council (id),
    home_id     TEXT NOT NULL
) STRICT;

CREATE TABLE package_import (
    active INTEGER NOT NULL
) STRICT;

CREATE TABLE snapshot_fingerprint (
    council_id   TEXT PRIMARY KEY REFERENCES council (id),
    sha256       TEXT NOT NULL,
    fingerprint  TEXT NOT NULL
) STRICT;

-- Councils read in before this migration, and never created here, are kept
-- in the file their last package came from.
INSERT INTO council_home (council_id, home_id)
SELECT DISTINCT s.council_id, ''
FROM package_snapshot s
WHERE s.direction = 'import'
  AND NOT EXISTS (
      SELECT 1 FROM audit a
      WHERE a.entity = 'council' AND a.entity_id = s.council_id AND a.field = 'name' AND a.old IS NULL);

CREATE TRIGGER home_council_insert BEFORE INSERT ON council
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.id);
END;

CREATE TRIGGER home_council_update BEFORE UPDATE ON council
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.id);
END;

CREATE TRIGGER home_council_update_new BEFORE UPDATE ON council
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.id);
END;

CREATE TRIGGER home_council_delete BEFORE DELETE ON council
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.id);
END;

CREATE TRIGGER home_membership_insert BEFORE INSERT ON membership
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_membership_update BEFORE UPDATE ON membership
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_membership_update_new BEFORE UPDATE ON membership
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_membership_delete BEFORE DELETE ON membership
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_meeting_insert BEFORE INSERT ON meeting
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_meeting_update BEFORE UPDATE ON meeting
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_meeting_update_new BEFORE UPDATE ON meeting
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_meeting_delete BEFORE DELETE ON meeting
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_agenda_item_insert BEFORE INSERT ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_agenda_item_update BEFORE UPDATE ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_agenda_item_update_new BEFORE UPDATE ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_agenda_item_delete BEFORE DELETE ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_grant_scheme_insert BEFORE INSERT ON grant_scheme
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_grant_scheme_update BEFORE UPDATE ON grant_scheme
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_grant_scheme_update_new BEFORE UPDATE ON grant_scheme
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_grant_scheme_delete BEFORE DELETE ON grant_scheme
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_duty_insert BEFORE INSERT ON duty
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_duty_update BEFORE UPDATE ON duty
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_duty_update_new BEFORE UPDATE ON duty
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_duty_delete BEFORE DELETE ON duty
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_attendance_insert BEFORE INSERT ON attendance
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = NEW.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = NEW.meeting_id));
END;

CREATE TRIGGER home_attendance_update BEFORE UPDATE ON attendance
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_attendance_delete BEFORE DELETE ON attendance
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_meeting_signatory_insert BEFORE INSERT ON meeting_signatory
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = NEW.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = NEW.meeting_id));
END;

CREATE TRIGGER home_meeting_signatory_update BEFORE UPDATE ON meeting_signatory
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_meeting_signatory_delete BEFORE DELETE ON meeting_signatory
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_amendment_insert BEFORE INSERT ON amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = NEW.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = NEW.meeting_id));
END;

CREATE TRIGGER home_amendment_update BEFORE UPDATE ON amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_amendment_delete BEFORE DELETE ON amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM meeting WHERE id = OLD.meeting_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM meeting WHERE id = OLD.meeting_id));
END;

CREATE TRIGGER home_recusal_insert BEFORE INSERT ON recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = NEW.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER home_recusal_update BEFORE UPDATE ON recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_recusal_delete BEFORE DELETE ON recusal
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_follow_up_insert BEFORE INSERT ON follow_up
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = NEW.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER home_follow_up_update BEFORE UPDATE ON follow_up
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_follow_up_delete BEFORE DELETE ON follow_up
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM agenda_item WHERE id = OLD.item_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER home_grant_criterion_insert BEFORE INSERT ON grant_criterion
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = NEW.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = NEW.scheme_id));
END;

CREATE TRIGGER home_grant_criterion_update BEFORE UPDATE ON grant_criterion
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id));
END;

CREATE TRIGGER home_grant_criterion_delete BEFORE DELETE ON grant_criterion
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id));
END;

CREATE TRIGGER home_grant_application_insert BEFORE INSERT ON grant_application
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = NEW.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = NEW.scheme_id));
END;

CREATE TRIGGER home_grant_application_update BEFORE UPDATE ON grant_application
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id));
END;

CREATE TRIGGER home_grant_application_delete BEFORE DELETE ON grant_application
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT council_id FROM grant_scheme WHERE id = OLD.scheme_id));
END;

CREATE TRIGGER home_grant_inhabil_insert BEFORE INSERT ON grant_inhabil
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id));
END;

CREATE TRIGGER home_grant_inhabil_update BEFORE UPDATE ON grant_inhabil
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_inhabil_delete BEFORE DELETE ON grant_inhabil
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_score_insert BEFORE INSERT ON grant_score
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id));
END;

CREATE TRIGGER home_grant_score_update BEFORE UPDATE ON grant_score
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_score_delete BEFORE DELETE ON grant_score
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_amendment_insert BEFORE INSERT ON grant_amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id));
END;

CREATE TRIGGER home_grant_amendment_update BEFORE UPDATE ON grant_amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_amendment_delete BEFORE DELETE ON grant_amendment
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_payout_insert BEFORE INSERT ON grant_payout
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = NEW.application_id));
END;

CREATE TRIGGER home_grant_payout_update BEFORE UPDATE ON grant_payout
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;

CREATE TRIGGER home_grant_payout_delete BEFORE DELETE ON grant_payout
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id)) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || (SELECT s.council_id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id WHERE a.id = OLD.application_id));
END;
