-- 0011: failed logins counted per account (issue 11): after
-- login_max_failures in a row the account is locked for
-- login_lock_minutes, at the login and at the screen unlock alike; the
-- administrator can unlock it.  Times are UTC, like the audit log's.
ALTER TABLE app_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until TEXT;
