-- A member proposed inhabil because they represent the applicant (found when
-- read, never stored) may be found not inhabil by the committee, with its
-- reason: a row of grant_inhabil with `overruled` = 1, whose `reason` says
-- why. Such a member scores and votes on the application; deleting the row
-- withdraws the overruling and the proposal stands again. A row with
-- `overruled` = 0 is a declared inhabilitet, as before.
ALTER TABLE grant_inhabil ADD COLUMN overruled INTEGER NOT NULL DEFAULT 0 CHECK (overruled IN (0, 1));
