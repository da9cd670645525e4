-- Indexes for a large kommune's file (200 councils, 20 years; see BENCHMARKS.md).

-- Who sits on a given day: only seats whose term has not run out are read,
-- not every seat of twenty years (queries write the same expression).
CREATE INDEX membership_current ON membership (coalesce(term_to, '9999-12-31'));

-- The year's meetings across the kommune (the overview, the calendar) are
-- read from the index alone, in date order; it takes over meeting_by_date.
CREATE INDEX meeting_brief ON meeting (date, starts_at, council_id, kind, status, place, id);
DROP INDEX meeting_by_date;
