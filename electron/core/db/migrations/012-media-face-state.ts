/**
 * The grid's face filter ("faces to review", "all resolved", ...) as a stored, indexed state of each
 * media item. Deriving it per query from faces and face_detections took 35-200 ms at 100,000 media and
 * 200,000 faces (`npm run bench -- load`), above the 50 ms every other filter stays under. Triggers keep
 * the counts in step with every write to faces and face_detections, whoever writes, so no service has to
 * remember it; the state itself is computed from the counts (a media item is scanned once a detection run
 * finished without error, and its faces are open while unreviewed or only suggested).
 */
const isOpen = (face: string) => `(${face}.state IN ('unreviewed', 'suggested'))`;

export const sql = `
ALTER TABLE media ADD COLUMN face_scanned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN face_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN face_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN face_state TEXT GENERATED ALWAYS AS (
  CASE WHEN face_scanned = 0 THEN 'not_scanned' WHEN face_open > 0 THEN 'to_review' WHEN face_total > 0 THEN 'resolved' ELSE 'no_faces' END
) VIRTUAL;

UPDATE media SET
  face_scanned = COALESCE((SELECT error IS NULL FROM face_detections WHERE media_id = media.id), 0),
  face_total = (SELECT COUNT(*) FROM faces WHERE media_id = media.id),
  face_open = (SELECT COUNT(*) FROM faces f WHERE f.media_id = media.id AND ${isOpen('f')});

CREATE INDEX media_grid_faces ON media(face_state, sort_at DESC, id DESC, kind, school_id, batch_id, has_warnings);

CREATE TRIGGER media_face_added AFTER INSERT ON faces
BEGIN
  UPDATE media SET face_total = face_total + 1, face_open = face_open + ${isOpen('NEW')} WHERE id = NEW.media_id;
END;

CREATE TRIGGER media_face_removed AFTER DELETE ON faces
BEGIN
  UPDATE media SET face_total = face_total - 1, face_open = face_open - ${isOpen('OLD')} WHERE id = OLD.media_id;
END;

CREATE TRIGGER media_face_changed AFTER UPDATE OF state, media_id ON faces
BEGIN
  UPDATE media SET face_total = face_total - 1, face_open = face_open - ${isOpen('OLD')} WHERE id = OLD.media_id;
  UPDATE media SET face_total = face_total + 1, face_open = face_open + ${isOpen('NEW')} WHERE id = NEW.media_id;
END;

CREATE TRIGGER media_scan_recorded AFTER INSERT ON face_detections
BEGIN
  UPDATE media SET face_scanned = (NEW.error IS NULL) WHERE id = NEW.media_id;
END;

CREATE TRIGGER media_scan_changed AFTER UPDATE ON face_detections
BEGIN
  UPDATE media SET face_scanned = 0 WHERE id = OLD.media_id;
  UPDATE media SET face_scanned = (NEW.error IS NULL) WHERE id = NEW.media_id;
END;

CREATE TRIGGER media_scan_forgotten AFTER DELETE ON face_detections
BEGIN
  UPDATE media SET face_scanned = 0 WHERE id = OLD.media_id;
END;
`;
