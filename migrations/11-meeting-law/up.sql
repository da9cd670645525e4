-- Placeholder. Migration 11 belongs to branch w18-law (issue 18), which
-- writes this same file; branch w17-public carries this empty stand-in only
-- so that migration 12 follows a consecutive number on its own. At the merge
-- take w18-law's file.
SELECT 1;
