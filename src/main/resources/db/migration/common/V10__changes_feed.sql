-- Runs unchanged on H2 and PostgreSQL.

-- An 'embedded' entry records that a resource's representation changed because something it shows changed (a
-- renamed category in its posts); the resource keeps its version.
ALTER TABLE change_log ALTER COLUMN version DROP NOT NULL;

-- Compaction drops removals older than the retention: a changes-feed cursor issued before the last compaction and
-- still below its horizon (the newest removal dropped) may have missed one, and is gone (410). A restored backup
-- replaces the log and starts a new epoch, which ends every cursor of the one before.
ALTER TABLE change_log_head ADD COLUMN horizon BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE change_log_head ADD COLUMN compactions BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE change_log_head ADD COLUMN epoch BIGINT DEFAULT 0 NOT NULL;

-- Content written before the change log existed has no entry, so a client syncing from the start would not see it:
-- one 'created' entry for each, oldest first, numbered after the log's head.
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'post', r.id, 'created', r.version, r.updated_at
FROM post r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'post' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'category', r.id, 'created', r.version, r.updated_at
FROM category r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'category' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'media', r.id, 'created', r.version, r.updated_at
FROM media r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'media' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'honorary-citizen', r.id, 'created', r.version, r.updated_at
FROM honorary_citizen r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'honorary-citizen' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'prize', r.id, 'created', r.version, r.updated_at
FROM prize r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'prize' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at)
SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY r.created_at, r.id), 'award', r.id, 'created', r.version, r.updated_at
FROM award r CROSS JOIN change_log_head h
WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.resource_type = 'award' AND l.resource_id = r.id);
UPDATE change_log_head SET last_seq = GREATEST(last_seq, (SELECT COALESCE(MAX(seq), 0) FROM change_log)) WHERE id = 1;

-- Compaction finds what is older than the retention.
CREATE INDEX ix_change_log_changed_at ON change_log (changed_at);
