-- Placeholder holding number 18 for task B (issue 21, seat profile keys) so that
-- migration 20 (statements) loads on this branch: migration ids must be
-- consecutive. The integrator replaces this folder with task B's migration
-- 18 and drops its line from core/src/store/landed_migrations.txt.
SELECT 1;
