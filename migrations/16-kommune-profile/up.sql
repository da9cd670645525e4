-- The kommune profile (kommunens oppsett): the seat categories, yearly duties
-- and meeting kinds the kommune sets, as the JSON `rules::profile` checks.
-- At most one row, the file's current profile; no row is the built-in
-- default (today's categories, duties and kinds), so a file that never sets
-- one behaves as before. `issued_at` (RFC 3339 UTC) orders profiles: a file
-- takes only a newer one.
CREATE TABLE kommune_profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    kommune    TEXT NOT NULL CHECK (kommune <> ''),
    issued_at  TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    saved_at   TEXT NOT NULL
) STRICT;
