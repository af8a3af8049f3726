-- Answers Kabar showed, the votes members gave them and why.
-- Member ids are never stored: votes carry a keyed hash (HMAC-SHA256).
CREATE TABLE answers (
	id         INTEGER PRIMARY KEY,
	key        TEXT    NOT NULL UNIQUE, -- the answer's key: interaction id, or message id in threads
	source     TEXT    NOT NULL DEFAULT '', -- ask, summary, mention, thread
	question   TEXT    NOT NULL DEFAULT '',
	lang       TEXT    NOT NULL DEFAULT '',
	answer     TEXT    NOT NULL DEFAULT '',
	citations  TEXT    NOT NULL DEFAULT '[]', -- JSON array of answer.Citation
	mode       TEXT    NOT NULL DEFAULT '',
	answered   INTEGER NOT NULL DEFAULT 0,
	guild_id   TEXT    NOT NULL DEFAULT '',
	channel_id TEXT    NOT NULL DEFAULT '',
	shown_at   INTEGER NOT NULL -- unix milliseconds
);
CREATE INDEX answers_shown_at ON answers (shown_at);
CREATE INDEX answers_declined ON answers (answered, shown_at);

CREATE TABLE answer_messages (
	message_id TEXT    PRIMARY KEY,
	answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE
);
CREATE INDEX answer_messages_answer ON answer_messages (answer_id);

CREATE TABLE votes (
	answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
	member    TEXT    NOT NULL, -- hex HMAC-SHA256 of the member id under the store's key
	vote      INTEGER NOT NULL CHECK (vote IN (-1, 1)),
	reason    TEXT    NOT NULL DEFAULT '',
	voted_at  INTEGER NOT NULL, -- unix milliseconds
	PRIMARY KEY (answer_id, member)
);
CREATE INDEX votes_voted_at ON votes (voted_at);
