-- Issue 18: the appeal of an enkeltvedtak.
-- Where an appeal is sent (forvaltningsloven § 32: to the body that decided,
-- here the council): the postal or e-mail address the letter names.
ALTER TABLE grant_scheme ADD COLUMN appeal_address TEXT NOT NULL DEFAULT '';
-- A sent enkeltvedtak changes only by a new decision in a meeting: the
-- vedtak item that made the amendment (NULL for schemes that are not
-- enkeltvedtak, and for amendments recorded before this version).
ALTER TABLE grant_amendment ADD COLUMN item_id TEXT REFERENCES agenda_item (id);
