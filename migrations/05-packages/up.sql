-- Hand-over packages: every package of a council this file wrote or read in.
-- The newest `exported_at` of a council is the snapshot it holds; a package
-- no newer than that is refused, and one already here (the same SHA-256 of
-- its manifest) changes nothing.

CREATE TABLE package_snapshot (
    -- SHA-256 of the package's manifest, which lists every part's SHA-256.
    sha256       TEXT PRIMARY KEY,
    council_id   TEXT NOT NULL REFERENCES council (id),
    direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    exported_at  TEXT NOT NULL,
    exported_by  TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    -- When and by whom it was written (export) or read in (import) here.
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

CREATE INDEX package_snapshot_by_council ON package_snapshot (council_id, exported_at);
