-- Placeholder holding number 19 for task C (issue 21, duty profile keys) so that
-- migration 20 (statements) loads on this branch: migration ids must be
-- consecutive. The integrator replaces this folder with task C's migration
-- 19 and drops its line from core/src/store/landed_migrations.txt.
SELECT 1;
