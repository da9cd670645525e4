-- Yearly duties and the annual report. A duty of a council and year exists
-- for every year without a row here: a row holds only what was edited for
-- it (its due date, or a waiver with its reason). Its status is computed
-- from the record, never stored.

CREATE TABLE duty (
    id            TEXT PRIMARY KEY,
    council_id    TEXT NOT NULL REFERENCES council (id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    kind          TEXT NOT NULL CHECK (kind IN ('joint_meeting', 'open_meeting', 'annual_report', 'grant_report')),
    -- NULL: the built-in default due date.
    due_date      TEXT,
    waived_reason TEXT CHECK (waived_reason IS NULL OR length(trim(waived_reason)) > 0),
    waived_at     TEXT,
    waived_by     TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (council_id, year, kind),
    CHECK ((waived_reason IS NULL) = (waived_at IS NULL))
) STRICT;

-- Exported annual reports (årsmeldinger), archived like the minutes.
CREATE TABLE annual_report (
    id             TEXT PRIMARY KEY,
    council_id     TEXT NOT NULL REFERENCES council (id),
    year           INTEGER NOT NULL,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    bytes          BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL
) STRICT;

CREATE INDEX annual_report_by_council ON annual_report (council_id, year);
CREATE INDEX meeting_by_date ON meeting (date);
