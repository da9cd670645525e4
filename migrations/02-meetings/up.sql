-- Meetings: the meeting with its lifecycle, the agenda items with their case
-- numbers, attendance, recusals (inhabilitet), follow-ups, amendments to
-- approved minutes, and the archive of exported PDFs.

CREATE TABLE meeting (
    id               TEXT PRIMARY KEY,
    council_id       TEXT NOT NULL REFERENCES council (id),
    kind             TEXT NOT NULL CHECK (kind IN ('ordinary', 'extraordinary', 'joint', 'open')),
    date             TEXT NOT NULL,
    starts_at        TEXT NOT NULL,
    ends_at          TEXT,
    place            TEXT NOT NULL DEFAULT '',
    guests           TEXT NOT NULL DEFAULT '',
    kommune_rep      TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('planned', 'notice_sent', 'held', 'approved')),
    notice_sent_at   TEXT,
    notice_sent_by   TEXT,
    held_at          TEXT,
    held_by          TEXT,
    approved_at      TEXT,
    approved_by      TEXT,
    -- How the minutes were approved: 'signatories' (meeting_signatory rows)
    -- or 'later_meeting' (approved_in_item).
    approval_mode    TEXT CHECK (approval_mode IN ('signatories', 'later_meeting')),
    approved_in_item TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX meeting_by_council ON meeting (council_id, date);

CREATE TABLE agenda_item (
    id            TEXT PRIMARY KEY,
    meeting_id    TEXT NOT NULL REFERENCES meeting (id),
    -- Denormalised from the meeting, so case numbers can be unique per council and year.
    council_id    TEXT NOT NULL REFERENCES council (id),
    position      INTEGER NOT NULL,
    case_year     INTEGER,
    case_number   INTEGER,
    kind          TEXT NOT NULL CHECK (kind IN ('orientering', 'drofting', 'vedtak')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    background    TEXT NOT NULL DEFAULT '',
    proposal      TEXT NOT NULL DEFAULT '',
    decision      TEXT NOT NULL DEFAULT '',
    votes_for     INTEGER CHECK (votes_for >= 0),
    votes_against INTEGER CHECK (votes_against >= 0),
    votes_blank   INTEGER CHECK (votes_blank >= 0),
    closed        INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    closed_basis  TEXT NOT NULL DEFAULT '',
    withdrawn     INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((case_year IS NULL) = (case_number IS NULL)),
    CHECK ((votes_for IS NULL) = (votes_against IS NULL) AND (votes_for IS NULL) = (votes_blank IS NULL))
) STRICT;

CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);
CREATE UNIQUE INDEX agenda_item_case_number ON agenda_item (council_id, case_year, case_number)
    WHERE case_number IS NOT NULL;

CREATE TABLE attendance (
    meeting_id     TEXT NOT NULL REFERENCES meeting (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    status         TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
    substitute_for TEXT REFERENCES membership (id),
    PRIMARY KEY (meeting_id, membership_id)
) STRICT;

CREATE TABLE recusal (
    item_id        TEXT NOT NULL REFERENCES agenda_item (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, membership_id)
) STRICT;

CREATE TABLE follow_up (
    id        TEXT PRIMARY KEY,
    item_id   TEXT NOT NULL REFERENCES agenda_item (id),
    what      TEXT NOT NULL CHECK (length(trim(what)) > 0),
    who       TEXT NOT NULL DEFAULT '',
    due       TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX follow_up_by_item ON follow_up (item_id, created_at);

CREATE TABLE meeting_signatory (
    meeting_id     TEXT NOT NULL REFERENCES meeting (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    position       INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, membership_id)
) STRICT;

CREATE TABLE amendment (
    id          TEXT PRIMARY KEY,
    meeting_id  TEXT NOT NULL REFERENCES meeting (id),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    -- The later meeting whose approved minutes report this correction.
    reported_in TEXT REFERENCES meeting (id)
) STRICT;

CREATE INDEX amendment_by_meeting ON amendment (meeting_id, recorded_at);

-- Every exported PDF, with its bytes and checksums.
CREATE TABLE document (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('notice', 'minutes')),
    meeting_id     TEXT NOT NULL REFERENCES meeting (id),
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    bytes          BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL
) STRICT;

CREATE INDEX document_by_meeting ON document (meeting_id, created_at);
CREATE INDEX document_by_content ON document (content_sha256);
