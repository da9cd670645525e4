-- Public access (offentlighet): an agenda item can be exempt from public
-- access on a stated basis, and its title withheld where the title itself
-- reveals the matter. An item handled in a closed session is exempt whatever
-- these say (rules::access::exemption). Every archived notice or minutes is
-- either the full version (public = 0) or the public version (public = 1),
-- in which an exempt item shows only its case number and its basis.

ALTER TABLE agenda_item ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1));
ALTER TABLE agenda_item ADD COLUMN exempt_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN title_withheld INTEGER NOT NULL DEFAULT 0 CHECK (title_withheld IN (0, 1));

ALTER TABLE document ADD COLUMN public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1));
