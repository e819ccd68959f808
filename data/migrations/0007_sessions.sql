-- 0007: who is logged in at a desk now (issue 10): a row a desk, written at
-- login, touched while the desk runs, removed at logout or when the desk
-- ends; rows of desks that died are cleaned when the list is read.
CREATE TABLE desk_session (
	id        INTEGER PRIMARY KEY,
	user_id   INTEGER NOT NULL REFERENCES app_user(id),
	since     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
	last_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
	terminal  TEXT NOT NULL DEFAULT '',
	host      TEXT NOT NULL DEFAULT '',
	pid       INTEGER NOT NULL DEFAULT 0
);
