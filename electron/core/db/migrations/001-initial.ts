/** The first schema: schools, classes, people, channels, append-only consent records, media and import batches. */
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE schools (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE classes (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('pupil', 'staff')),
  school_id INTEGER REFERENCES schools(id),
  class_id INTEGER REFERENCES classes(id),
  date_of_birth TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_class ON people(class_id);
CREATE INDEX people_school ON people(school_id);

CREATE TABLE channels (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('internal', 'external', 'social')),
  builtin INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL
);

CREATE TABLE consent_records (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  channel_key TEXT NOT NULL REFERENCES channels(key),
  status TEXT NOT NULL CHECK (status IN ('granted', 'refused', 'withdrawn')),
  given_by TEXT NOT NULL CHECK (given_by IN ('guardian', 'pupil', 'self')),
  given_on TEXT NOT NULL,
  valid_until TEXT,
  evidence TEXT,
  note TEXT,
  source TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'demo')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX consent_person_channel ON consent_records(person_id, channel_key, given_on, id);

-- Consent history is evidence: a change or withdrawal appends a record, it never rewrites one.
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'interrupted')),
  roots TEXT NOT NULL,
  total INTEGER NOT NULL DEFAULT 0,
  default_creator TEXT,
  default_rights_holder TEXT,
  default_license TEXT,
  default_credit TEXT,
  school_id INTEGER REFERENCES schools(id)
);

CREATE TABLE media (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'video')),
  name TEXT NOT NULL,
  ext TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  width INTEGER,
  height INTEGER,
  orientation INTEGER,
  captured_at TEXT,
  imported_at TEXT NOT NULL,
  sort_at TEXT NOT NULL,
  camera_make TEXT,
  camera_model TEXT,
  has_gps INTEGER NOT NULL DEFAULT 0,
  duration_s REAL,
  has_audio INTEGER,
  rotation INTEGER,
  creator TEXT,
  rights_holder TEXT,
  license TEXT NOT NULL DEFAULT 'unknown',
  credit TEXT,
  event_name TEXT,
  school_id INTEGER REFERENCES schools(id),
  batch_id INTEGER REFERENCES import_batches(id),
  has_thumbnail INTEGER NOT NULL DEFAULT 0,
  warnings TEXT NOT NULL DEFAULT '[]',
  embedded_metadata TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX media_sort ON media(sort_at DESC, id DESC);
CREATE INDEX media_school_sort ON media(school_id, sort_at DESC, id DESC);
CREATE INDEX media_kind_sort ON media(kind, sort_at DESC, id DESC);
CREATE INDEX media_batch_sort ON media(batch_id, sort_at DESC, id DESC);
CREATE INDEX media_warnings ON media(sort_at DESC, id DESC) WHERE warnings <> '[]';

CREATE TABLE media_classes (
  media_id INTEGER NOT NULL REFERENCES media(id),
  class_id INTEGER NOT NULL REFERENCES classes(id),
  PRIMARY KEY (media_id, class_id)
) WITHOUT ROWID;
CREATE INDEX media_classes_class ON media_classes(class_id, media_id);

CREATE TABLE import_items (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  path TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'imported', 'duplicate', 'failed')),
  media_id INTEGER REFERENCES media(id),
  error TEXT,
  UNIQUE (batch_id, path)
);
CREATE INDEX import_items_batch_status ON import_items(batch_id, status);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
`;
