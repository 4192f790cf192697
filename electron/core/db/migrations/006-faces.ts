/**
 * Faces. A face is what a reviewer decides on once: a box in a photo, or a track in a video (the
 * face's box is then the track's clearest sample and every sampled box is kept with its time).
 * `face_detections` records which media were scanned with which model and settings, so re-runs skip
 * them. Face matching is biometric processing and needs its own permission per person: reference
 * embeddings can only exist while that permission does (deleted with it, and with the person).
 */
export const sql = `
CREATE TABLE face_tracks (
  id INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  start_s REAL NOT NULL,
  end_s REAL NOT NULL CHECK (end_s >= start_s)
);
CREATE INDEX face_tracks_media ON face_tracks(media_id);

CREATE TABLE face_track_boxes (
  track_id INTEGER NOT NULL REFERENCES face_tracks(id) ON DELETE CASCADE,
  time_s REAL NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  w REAL NOT NULL,
  h REAL NOT NULL,
  score REAL,
  PRIMARY KEY (track_id, time_s)
) WITHOUT ROWID;

CREATE TABLE faces (
  id INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  -- Fractions of the upright image (or video frame).
  x REAL NOT NULL CHECK (x >= 0 AND x <= 1),
  y REAL NOT NULL CHECK (y >= 0 AND y <= 1),
  w REAL NOT NULL CHECK (w > 0 AND x + w <= 1.0001),
  h REAL NOT NULL CHECK (h > 0 AND y + h <= 1.0001),
  score REAL,
  source TEXT NOT NULL CHECK (source IN ('detected', 'manual', 'imported')),
  state TEXT NOT NULL DEFAULT 'unreviewed' CHECK (state IN ('unreviewed', 'suggested', 'person', 'not_identifiable', 'not_a_face')),
  person_id INTEGER REFERENCES people(id),
  suggested_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  suggestion_distance REAL,
  track_id INTEGER UNIQUE REFERENCES face_tracks(id) ON DELETE SET NULL,
  time_s REAL,
  model_version TEXT,
  -- The name an imported MWG/IPTC region gave this face, shown to the reviewer as a hint.
  imported_name TEXT,
  created_at TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_by TEXT,
  CHECK ((state = 'person') = (person_id IS NOT NULL)),
  CHECK (state <> 'suggested' OR suggested_person_id IS NOT NULL)
);
CREATE INDEX faces_media ON faces(media_id);
CREATE INDEX faces_person ON faces(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX faces_open ON faces(suggested_person_id, media_id) WHERE state IN ('unreviewed', 'suggested');

CREATE TABLE face_detections (
  media_id INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
  model_version TEXT NOT NULL,
  settings_key TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  faces_found INTEGER NOT NULL,
  error TEXT
);

CREATE TABLE face_matching (
  person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  granted_at TEXT NOT NULL,
  granted_by TEXT NOT NULL
);

CREATE TABLE face_references (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES face_matching(person_id) ON DELETE CASCADE,
  face_id INTEGER REFERENCES faces(id) ON DELETE SET NULL,
  -- For a reference added from a file: its name (the file itself is not kept).
  image_name TEXT,
  embedding BLOB NOT NULL,
  model_version TEXT NOT NULL,
  -- When the reference photo was taken (or imported): children's faces change, old references are flagged.
  taken_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX face_references_person ON face_references(person_id);
`;
