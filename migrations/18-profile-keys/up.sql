-- Seat categories and meeting kinds follow the kommune profile (migration 16)
-- instead of a fixed list. Rows keep the keys they hold ('senior', 'joint', …):
-- no stored value changes.
--
-- 1. The council's seat plan moves from five fixed columns to a row per
--    category with seats (a category with none has no row, as the store
--    writes plans), so the plan reads exactly as before; the old columns are
--    then dropped, so no code can read or write a plan in two places.
CREATE TABLE council_seat (
    council_id  TEXT NOT NULL REFERENCES council (id),
    category    TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
    seats       INTEGER NOT NULL CHECK (seats >= 0),
    PRIMARY KEY (council_id, category)
) STRICT;

INSERT INTO council_seat (council_id, category, seats)
SELECT id, 'senior', seats_senior FROM council WHERE seats_senior > 0
UNION ALL SELECT id, 'school', seats_school FROM council WHERE seats_school > 0
UNION ALL SELECT id, 'sports', seats_sports FROM council WHERE seats_sports > 0
UNION ALL SELECT id, 'business', seats_business FROM council WHERE seats_business > 0
UNION ALL SELECT id, 'volunteer', seats_volunteer FROM council WHERE seats_volunteer > 0;

ALTER TABLE council DROP COLUMN seats_senior;
ALTER TABLE council DROP COLUMN seats_school;
ALTER TABLE council DROP COLUMN seats_sports;
ALTER TABLE council DROP COLUMN seats_business;
ALTER TABLE council DROP COLUMN seats_volunteer;

-- A council kept elsewhere (migration 10) is written only by its packages.
CREATE TRIGGER home_council_seat_insert BEFORE INSERT ON council_seat
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_council_seat_update BEFORE UPDATE ON council_seat
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

CREATE TRIGGER home_council_seat_update_new BEFORE UPDATE ON council_seat
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = NEW.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || NEW.council_id);
END;

CREATE TRIGGER home_council_seat_delete BEFORE DELETE ON council_seat
WHEN NOT EXISTS (SELECT 1 FROM package_import)
 AND EXISTS (SELECT 1 FROM council_home WHERE council_id = OLD.council_id) BEGIN
    SELECT RAISE(ABORT, 'kept_elsewhere:' || OLD.council_id);
END;

-- 2. The fixed lists of membership.category and meeting.kind go: a key is
--    checked against the file's profile when it is written (rules::validate).
--    Loosening a CHECK invalidates no stored row, so the tables' schema is
--    changed in place, as SQLite documents for such changes and as migration
--    13 did; every index, trigger and foreign key stays as it is.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (category IN (''senior'', ''school'', ''sports'', ''business'', ''volunteer''))',
                       'CHECK (length(category) BETWEEN 1 AND 40)')
WHERE type = 'table' AND name = 'membership';
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (kind IN (''ordinary'', ''extraordinary'', ''joint'', ''open''))',
                       'CHECK (length(kind) BETWEEN 1 AND 40)')
WHERE type = 'table' AND name = 'meeting';
PRAGMA writable_schema = RESET;

-- Every kind a meeting holds is named on screens and documents, a removed one
-- too: found by this index without reading every meeting.
CREATE INDEX meeting_by_kind ON meeting (kind);

-- 3. Every profile entry's names as last saved, by part of the profile
--    ('seatCategories', 'duties', 'meetingKinds') and key, so a key the
--    profile no longer has is still shown by its name, marked as removed.
--    Filled when a profile is saved or taken; here from the file's profile.
CREATE TABLE profile_name (
    section   TEXT NOT NULL CHECK (section IN ('seatCategories', 'duties', 'meetingKinds')),
    key       TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
    names     TEXT NOT NULL CHECK (json_valid(names)),
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (section, key)
) STRICT;

INSERT INTO profile_name (section, key, names, saved_at)
SELECT s.section, json_extract(e.value, '$.key'), json(json_extract(e.value, '$.names')), p.saved_at
FROM kommune_profile p
JOIN (SELECT 'seatCategories' AS section UNION ALL SELECT 'duties' UNION ALL SELECT 'meetingKinds') s
JOIN json_each(p.body, '$.' || s.section) e;
