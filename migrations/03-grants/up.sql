-- Grants: schemes with weighted criteria, applications, the committee's
-- scores and declared inhabilitet, decisions tied to a vedtak item, amendments
-- after the letter, payouts, final reports, and the archive of letters.
--
-- Money is integer øre. The triggers at the end hold the two money promises
-- even against a bug in the code above them: a scheme never grants more than
-- its budget, an application is never paid more than it was granted.

CREATE TABLE grant_scheme (
    id                      TEXT PRIMARY KEY,
    council_id              TEXT NOT NULL REFERENCES council (id),
    year                    INTEGER NOT NULL,
    name                    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    budget_ore              INTEGER NOT NULL CHECK (budget_ore > 0 AND budget_ore <= 10000000000),
    deadline                TEXT NOT NULL,
    report_deadline         TEXT NOT NULL,
    max_per_application_ore INTEGER CHECK (max_per_application_ore > 0),
    enkeltvedtak            INTEGER NOT NULL CHECK (enkeltvedtak IN (0, 1)),
    appeal_body             TEXT NOT NULL DEFAULT '',
    conditions              TEXT NOT NULL DEFAULT '',
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;

CREATE INDEX grant_scheme_by_council ON grant_scheme (council_id, year);

CREATE TABLE grant_criterion (
    id         TEXT PRIMARY KEY,
    scheme_id  TEXT NOT NULL REFERENCES grant_scheme (id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10)
) STRICT;

CREATE INDEX grant_criterion_by_scheme ON grant_criterion (scheme_id, position);

CREATE TABLE grant_application (
    id                 TEXT PRIMARY KEY,
    scheme_id          TEXT NOT NULL REFERENCES grant_scheme (id),
    number             INTEGER NOT NULL,
    organisation       TEXT NOT NULL CHECK (length(trim(organisation)) > 0),
    org_number         TEXT CHECK (org_number IS NULL OR (length(org_number) = 9 AND org_number NOT GLOB '*[^0-9]*')),
    contact_name       TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description        TEXT NOT NULL DEFAULT '',
    amount_asked_ore   INTEGER NOT NULL CHECK (amount_asked_ore > 0 AND amount_asked_ore <= 10000000000),
    project_budget_ore INTEGER NOT NULL CHECK (project_budget_ore >= amount_asked_ore AND project_budget_ore <= 10000000000),
    received           TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'granted', 'partly_granted', 'refused',
                                                       'paid', 'reported', 'withdrawn')),
    reviewing          INTEGER NOT NULL DEFAULT 0 CHECK (reviewing IN (0, 1)),
    proposed_ore       INTEGER CHECK (proposed_ore >= 0),
    granted_ore        INTEGER CHECK (granted_ore >= 0 AND granted_ore <= amount_asked_ore),
    reasons            TEXT NOT NULL DEFAULT '',
    decision_item_id   TEXT REFERENCES agenda_item (id),
    decided_at         TEXT,
    decided_by         TEXT,
    letter_sent_at     TEXT,
    letter_sent_by     TEXT,
    report_received    TEXT,
    report_summary     TEXT NOT NULL DEFAULT '',
    report_accepted    INTEGER CHECK (report_accepted IN (0, 1)),
    report_recorded_at TEXT,
    report_recorded_by TEXT,
    withdrawn_at       TEXT,
    withdrawn_by       TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (scheme_id, number),
    CHECK ((granted_ore IS NULL) = (decision_item_id IS NULL)),
    CHECK (letter_sent_at IS NULL OR granted_ore IS NOT NULL),
    CHECK (withdrawn_at IS NULL OR granted_ore IS NULL)
) STRICT;

CREATE INDEX grant_application_by_item ON grant_application (decision_item_id) WHERE decision_item_id IS NOT NULL;

-- A member's declared inhabilitet; a match by organisation is found when read.
CREATE TABLE grant_inhabil (
    application_id TEXT NOT NULL REFERENCES grant_application (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, membership_id)
) STRICT;

CREATE TABLE grant_score (
    application_id TEXT NOT NULL REFERENCES grant_application (id),
    membership_id  TEXT NOT NULL REFERENCES membership (id),
    criterion_id   TEXT NOT NULL REFERENCES grant_criterion (id),
    score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, membership_id, criterion_id)
) STRICT;

CREATE TABLE grant_amendment (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES grant_application (id),
    old_ore        INTEGER NOT NULL,
    new_ore        INTEGER NOT NULL,
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
) STRICT;

CREATE INDEX grant_amendment_by_application ON grant_amendment (application_id, recorded_at);

CREATE TABLE grant_payout (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES grant_application (id),
    date           TEXT NOT NULL,
    amount_ore     INTEGER NOT NULL CHECK (amount_ore > 0),
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
) STRICT;

CREATE INDEX grant_payout_by_application ON grant_payout (application_id, date);

-- Every exported decision letter, with its bytes and checksums.
CREATE TABLE grant_letter (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES grant_application (id),
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    bytes          BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL
) STRICT;

CREATE INDEX grant_letter_by_application ON grant_letter (application_id, created_at);
CREATE INDEX grant_letter_by_content ON grant_letter (content_sha256);

CREATE TRIGGER grant_within_budget AFTER UPDATE OF granted_ore ON grant_application
WHEN NEW.granted_ore IS NOT NULL
 AND (SELECT sum(granted_ore) FROM grant_application WHERE scheme_id = NEW.scheme_id)
   > (SELECT budget_ore FROM grant_scheme WHERE id = NEW.scheme_id)
BEGIN
    SELECT RAISE(ABORT, 'grant_budget_exceeded');
END;

CREATE TRIGGER grant_budget_covers_grants AFTER UPDATE OF budget_ore ON grant_scheme
WHEN (SELECT coalesce(sum(granted_ore), 0) FROM grant_application WHERE scheme_id = NEW.id) > NEW.budget_ore
BEGIN
    SELECT RAISE(ABORT, 'grant_budget_exceeded');
END;

CREATE TRIGGER grant_paid_within_grant AFTER INSERT ON grant_payout
WHEN (SELECT sum(amount_ore) FROM grant_payout WHERE application_id = NEW.application_id)
   > (SELECT coalesce(granted_ore, 0) FROM grant_application WHERE id = NEW.application_id)
BEGIN
    SELECT RAISE(ABORT, 'grant_paid_exceeds_grant');
END;

CREATE TRIGGER grant_covers_payouts AFTER UPDATE OF granted_ore ON grant_application
WHEN (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout WHERE application_id = NEW.id)
   > coalesce(NEW.granted_ore, 0)
BEGIN
    SELECT RAISE(ABORT, 'grant_paid_exceeds_grant');
END;
