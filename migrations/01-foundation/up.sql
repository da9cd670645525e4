-- Foundation: settings, councils with their seat plan, people, memberships,
-- and the audit log that records every change from day one.
-- Ids are UUID v7 text; dates are ISO 8601 text (YYYY-MM-DD); instants are
-- RFC 3339 UTC text.

-- Marks the file as Grendebok's ("GRBK"), so a foreign SQLite file is told apart.
PRAGMA application_id = 1196573259;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE council (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('naermiljoutvalg', 'grendeutvalg', 'byutvalg', 'omradeforum', 'kommunedelsutvalg')),
    area             TEXT NOT NULL DEFAULT '',
    mandate          TEXT NOT NULL DEFAULT '',
    malform          TEXT NOT NULL CHECK (malform IN ('bokmal', 'nynorsk')),
    legal_mode       TEXT NOT NULL CHECK (legal_mode IN ('formal', 'voluntary')),
    contact_name     TEXT NOT NULL DEFAULT '',
    contact_email    TEXT NOT NULL DEFAULT '',
    contact_phone    TEXT NOT NULL DEFAULT '',
    seats_senior     INTEGER NOT NULL CHECK (seats_senior >= 0),
    seats_school     INTEGER NOT NULL CHECK (seats_school >= 0),
    seats_sports     INTEGER NOT NULL CHECK (seats_sports >= 0),
    seats_business   INTEGER NOT NULL CHECK (seats_business >= 0),
    seats_volunteer  INTEGER NOT NULL CHECK (seats_volunteer >= 0),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX council_name_unique ON council (lower(name));

CREATE TABLE person (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    gender      TEXT CHECK (gender IN ('female', 'male', 'other')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE membership (
    id            TEXT PRIMARY KEY,
    council_id    TEXT NOT NULL REFERENCES council (id),
    person_id     TEXT NOT NULL REFERENCES person (id),
    category      TEXT NOT NULL CHECK (category IN ('senior', 'school', 'sports', 'business', 'volunteer')),
    role          TEXT NOT NULL CHECK (role IN ('leder', 'nestleder', 'sekretaer', 'medlem', 'varamedlem')),
    organisation  TEXT NOT NULL DEFAULT '',
    term_from     TEXT NOT NULL,
    term_to       TEXT CHECK (term_to IS NULL OR term_to >= term_from),
    ended_on      TEXT CHECK (ended_on IS NULL OR ended_on >= term_from),
    end_reason    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX membership_by_council ON membership (council_id, term_from);
CREATE INDEX membership_by_person ON membership (person_id, council_id);

-- One row per changed field. `old` is NULL for a new record.
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    who        TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT
) STRICT;

CREATE INDEX audit_by_entity ON audit (entity_id, seq);
