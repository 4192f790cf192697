/**
 * Compliant export: the marks the decision reads on a media item (confidential, "not for publication"
 * with its reason, whose sound a video has, a third party's permission), and the publication register
 * (protocol rule 9). Published files and the people in them are evidence: triggers refuse changing or
 * removing them. A publication row itself only gains its post URL and its takedown later.
 */
export const sql = `
CREATE TABLE media_marks (
  media_id INTEGER PRIMARY KEY REFERENCES media(id),
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  not_for_publication TEXT,
  audio_rights TEXT NOT NULL DEFAULT 'unknown' CHECK (audio_rights IN ('own', 'other', 'unknown')),
  permission_channels TEXT,
  permission_until TEXT,
  permission_evidence TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE publications (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('writing', 'done', 'failed')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  channel_key TEXT NOT NULL REFERENCES channels(key),
  identity_key TEXT NOT NULL,
  identity_name TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  policy TEXT NOT NULL,
  out_dir TEXT NOT NULL,
  post_url TEXT,
  takedown_done_at TEXT,
  takedown_done_by TEXT
);

CREATE TABLE publication_files (
  publication_id INTEGER NOT NULL REFERENCES publications(id),
  file_index INTEGER NOT NULL,
  media_id INTEGER NOT NULL REFERENCES media(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('publishable', 'redact')),
  removed_audio INTEGER NOT NULL DEFAULT 0,
  details TEXT NOT NULL,
  PRIMARY KEY (publication_id, file_index)
) WITHOUT ROWID;
CREATE INDEX publication_files_media ON publication_files(media_id);

CREATE TABLE publication_people (
  publication_id INTEGER NOT NULL REFERENCES publications(id),
  file_index INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  shown TEXT NOT NULL CHECK (shown IN ('visible', 'blurred')),
  consent_record_id INTEGER REFERENCES consent_records(id),
  reason TEXT,
  PRIMARY KEY (publication_id, file_index, person_id, shown)
) WITHOUT ROWID;
CREATE INDEX publication_people_person ON publication_people(person_id, publication_id);

CREATE TRIGGER publication_files_no_update BEFORE UPDATE ON publication_files
BEGIN
  SELECT RAISE(ABORT, 'published files are evidence: they cannot be changed');
END;
CREATE TRIGGER publication_files_no_delete BEFORE DELETE ON publication_files
BEGIN
  SELECT RAISE(ABORT, 'published files are evidence: they cannot be removed');
END;
CREATE TRIGGER publication_people_no_update BEFORE UPDATE ON publication_people
BEGIN
  SELECT RAISE(ABORT, 'the people in a publication are evidence: they cannot be changed');
END;
CREATE TRIGGER publication_people_no_delete BEFORE DELETE ON publication_people
BEGIN
  SELECT RAISE(ABORT, 'the people in a publication are evidence: they cannot be removed');
END;
CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
BEGIN
  SELECT RAISE(ABORT, 'publications are evidence: they cannot be removed');
END;
`;
