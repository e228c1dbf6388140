-- Search matches word prefixes with a range (term >= 'ouig' AND term < 'ouih'). That range follows the byte order
-- of the folded ASCII words only under the "C" collation; a linguistic collation would sort differently and
-- miss matches, so the index column uses "C" on PostgreSQL (H2 compares strings by code point already).
ALTER TABLE post_term ALTER COLUMN term TYPE VARCHAR(40) COLLATE "C";
