/**
 * Publishing as the protocol says: the official channels (accounts) of each publishing identity (rule 13),
 * posts prepared by staff and released by management or board (rule 2), and "in doubt? ask" questions
 * (rules 7, 8, 10). An identity is `foundation` or a school key, as in the export register.
 */
export const sql = `
CREATE TABLE official_channels (
  id INTEGER PRIMARY KEY,
  identity_key TEXT NOT NULL,
  channel_key TEXT NOT NULL REFERENCES channels(key),
  account TEXT NOT NULL,
  url TEXT,
  photo_max_edge INTEGER,
  jpeg_quality INTEGER,
  video_max_edge INTEGER,
  video_max_kbps INTEGER,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  UNIQUE (identity_key, channel_key)
);

CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  identity_key TEXT NOT NULL,
  channel_key TEXT NOT NULL REFERENCES channels(key),
  caption TEXT,
  planned_on TEXT,
  third_party_content INTEGER NOT NULL DEFAULT 0 CHECK (third_party_content IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'released', 'rejected')),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  decided_at TEXT,
  decided_by TEXT,
  reject_reason TEXT,
  publication_id INTEGER REFERENCES publications(id)
);
CREATE INDEX posts_status ON posts(status, id);

CREATE TABLE post_media (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  position INTEGER NOT NULL,
  media_id INTEGER NOT NULL REFERENCES media(id),
  PRIMARY KEY (post_id, media_id)
) WITHOUT ROWID;
CREATE INDEX post_media_media ON post_media(media_id);

CREATE TABLE doubts (
  id INTEGER PRIMARY KEY,
  post_id INTEGER REFERENCES posts(id),
  media_id INTEGER REFERENCES media(id),
  -- Whose management answers: the school of the media or post, or the foundation's board.
  identity_key TEXT NOT NULL,
  question TEXT NOT NULL,
  asked_by TEXT NOT NULL,
  asked_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'approved', 'rejected')),
  answer TEXT,
  reason TEXT,
  answered_by TEXT,
  answered_at TEXT,
  CHECK ((post_id IS NULL) <> (media_id IS NULL))
);
CREATE INDEX doubts_open ON doubts(status, identity_key);
CREATE INDEX doubts_media ON doubts(media_id) WHERE media_id IS NOT NULL;
CREATE INDEX doubts_post ON doubts(post_id) WHERE post_id IS NOT NULL;
`;
