-- 0010: an audit log no one can rewrite unseen (issue 11).  Every entry
-- carries the OS account the program ran as, and a hash (BLAKE2b-256, hex)
-- of the previous entry's hash and its own fields, so an edited, inserted
-- or deleted entry breaks the chain (`cusdesk check` names the first).
-- The entries made before this version are chained when it is applied.
ALTER TABLE audit_log ADD COLUMN os_account TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT;
