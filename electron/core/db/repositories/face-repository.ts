import type { Face, FaceBox, FaceSource, FaceState } from '../../../../shared/types';
import type { Db } from '../connection';

/** A face to store; review fields start empty unless an imported region already names someone. */
export interface NewFace {
  mediaId: number;
  box: FaceBox;
  score: number | null;
  source: FaceSource;
  trackId: number | null;
  time: number | null;
  modelVersion: string | null;
  importedName: string | null;
}

export interface FaceReview {
  state: FaceState;
  personId: number | null;
  suggestedPersonId: number | null;
  suggestionDistance: number | null;
}

export interface TrackBox {
  time: number;
  box: FaceBox;
  score: number | null;
}

export interface DetectionRecord {
  mediaId: number;
  modelVersion: string;
  settingsKey: string;
  detectedAt: string;
  facesFound: number;
  error: string | null;
}

export interface FaceFilter {
  mediaId?: number;
  states?: readonly FaceState[];
  personId?: number;
  suggestedPersonId?: number | null;
}

export interface FaceCounts {
  total: number;
  unresolved: number;
}

/** A stored face: the shared Face with its box as columns, the name an imported region gave it, and its media's name. */
type FaceRow = Omit<Face, 'box'> & FaceBox & { importedName: string | null; mediaName: string };

const columns = `id, media_id AS mediaId, x, y, w, h, score, source, state, person_id AS personId,
  suggested_person_id AS suggestedPersonId, suggestion_distance AS suggestionDistance, track_id AS trackId,
  time_s AS time, model_version AS modelVersion, imported_name AS importedName,
  (SELECT name FROM media WHERE media.id = faces.media_id) AS mediaName`;

const openStates = `state IN ('unreviewed', 'suggested')`;

function toFace(r: FaceRow): Face & { importedName: string | null; mediaName: string } {
  const { x, y, w, h, ...rest } = r;
  return { ...rest, box: { x, y, w, h } };
}

/**
 * Faces, video face tracks and the per-media detection record. A face is "open" while it is
 * unreviewed or only suggested: those are what reviewers still have to look at.
 */
export function createFaceRepository(db: Db) {
  const byId = db.prepare<[number], FaceRow>(`SELECT ${columns} FROM faces WHERE id = ?`);
  const byMedia = db.prepare<[number], FaceRow>(`SELECT ${columns} FROM faces WHERE media_id = ? ORDER BY COALESCE(time_s, 0), x, id`);
  const insert = db.prepare(
    `INSERT INTO faces (media_id, x, y, w, h, score, source, track_id, time_s, model_version, imported_name, created_at)
     VALUES (@mediaId, @x, @y, @w, @h, @score, @source, @trackId, @time, @modelVersion, @importedName, @now)`,
  );
  const review = db.prepare(
    `UPDATE faces SET state = @state, person_id = @personId, suggested_person_id = @suggestedPersonId,
       suggestion_distance = @suggestionDistance, reviewed_at = @at, reviewed_by = @by WHERE id = @id`,
  );
  const suggest = db.prepare(
    `UPDATE faces SET state = CASE WHEN @personId IS NULL THEN 'unreviewed' ELSE 'suggested' END,
       suggested_person_id = @personId, suggestion_distance = @distance WHERE id = @id AND ${openStates}`,
  );
  const unsuggestPerson = db.prepare<[number]>(
    `UPDATE faces SET state = 'unreviewed', suggested_person_id = NULL, suggestion_distance = NULL
     WHERE suggested_person_id = ? AND state = 'suggested'`,
  );
  const staleIds = db.prepare<[number], { id: number; trackId: number | null }>(
    `SELECT id, track_id AS trackId FROM faces WHERE media_id = ? AND source <> 'manual' AND ${openStates}`,
  );
  const deleteFace = db.prepare<[number]>('DELETE FROM faces WHERE id = ?');
  const deleteTrack = db.prepare<[number]>('DELETE FROM face_tracks WHERE id = ?');
  const orphanTracks = db.prepare<[number]>('DELETE FROM face_tracks WHERE media_id = ? AND id NOT IN (SELECT track_id FROM faces WHERE track_id IS NOT NULL)');
  const insertTrack = db.prepare<[number, number, number]>('INSERT INTO face_tracks (media_id, start_s, end_s) VALUES (?, ?, ?)');
  const insertTrackBox = db.prepare(
    'INSERT OR REPLACE INTO face_track_boxes (track_id, time_s, x, y, w, h, score) VALUES (@trackId, @time, @x, @y, @w, @h, @score)',
  );
  const trackBoxes = db.prepare<[number], { time: number; x: number; y: number; w: number; h: number; score: number | null }>(
    'SELECT time_s AS time, x, y, w, h, score FROM face_track_boxes WHERE track_id = ? ORDER BY time_s',
  );
  const counts = db.prepare<[number], FaceCounts>(
    `SELECT COUNT(*) AS total, COALESCE(SUM(${openStates}), 0) AS unresolved FROM faces WHERE media_id = ?`,
  );
  const detection = db.prepare<[number], DetectionRecord>(
    `SELECT media_id AS mediaId, model_version AS modelVersion, settings_key AS settingsKey, detected_at AS detectedAt,
       faces_found AS facesFound, error FROM face_detections WHERE media_id = ?`,
  );
  const saveDetection = db.prepare(
    `INSERT INTO face_detections (media_id, model_version, settings_key, detected_at, faces_found, error)
     VALUES (@mediaId, @modelVersion, @settingsKey, @detectedAt, @facesFound, @error)
     ON CONFLICT(media_id) DO UPDATE SET model_version = excluded.model_version, settings_key = excluded.settings_key,
       detected_at = excluded.detected_at, faces_found = excluded.faces_found, error = excluded.error`,
  );
  const pending = db.prepare<{ modelVersion: string; settingsKey: string }, { id: number }>(
    `SELECT m.id FROM media m LEFT JOIN face_detections d ON d.media_id = m.id
     WHERE d.media_id IS NULL OR d.error IS NOT NULL OR d.model_version <> @modelVersion OR d.settings_key <> @settingsKey
     ORDER BY m.id`,
  );
  const allMedia = db.prepare<[], { id: number }>('SELECT id FROM media ORDER BY id');
  const openGroups = db.prepare<[], { suggestedPersonId: number | null; faces: number; media: number }>(
    `SELECT suggested_person_id AS suggestedPersonId, COUNT(*) AS faces, COUNT(DISTINCT media_id) AS media
     FROM faces WHERE ${openStates} GROUP BY suggested_person_id ORDER BY suggested_person_id IS NULL, faces DESC`,
  );
  const appearances = db.prepare<[number], { mediaId: number; faceIds: string }>(
    `SELECT media_id AS mediaId, GROUP_CONCAT(id) AS faceIds FROM faces WHERE person_id = ? AND state = 'person'
     GROUP BY media_id ORDER BY media_id DESC`,
  );

  return {
    get: (id: number) => {
      const row = byId.get(id);
      return row && toFace(row);
    },
    ofMedia: (mediaId: number) => byMedia.all(mediaId).map(toFace),
    list(filter: FaceFilter, limit: number, offset: number) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit, offset };
      if (filter.mediaId !== undefined) {
        where.push('media_id = @mediaId');
        params.mediaId = filter.mediaId;
      }
      if (filter.states && filter.states.length > 0) {
        where.push(`state IN (${filter.states.map((_, i) => `@state${i}`).join(', ')})`);
        filter.states.forEach((s, i) => (params[`state${i}`] = s));
      }
      if (filter.personId !== undefined) {
        where.push('person_id = @personId');
        params.personId = filter.personId;
      }
      if (filter.suggestedPersonId !== undefined) {
        where.push(filter.suggestedPersonId === null ? 'suggested_person_id IS NULL' : 'suggested_person_id = @suggestedPersonId');
        params.suggestedPersonId = filter.suggestedPersonId;
      }
      const sql = `SELECT ${columns} FROM faces ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY media_id, COALESCE(time_s, 0), x, id LIMIT @limit OFFSET @offset`;
      return db.prepare<Record<string, unknown>, FaceRow>(sql).all(params).map(toFace);
    },
    insert(face: NewFace): number {
      const row = { ...face, ...face.box, now: new Date().toISOString() };
      return Number(insert.run(row).lastInsertRowid);
    },
    review(id: number, r: FaceReview, by: string): void {
      review.run({ ...r, id, by, at: new Date().toISOString() });
    },
    /** Sets or clears a suggestion on a face that is still open; a reviewed face is never touched. */
    suggest: (id: number, personId: number | null, distance: number | null): boolean => suggest.run({ id, personId, distance }).changes > 0,
    /** Takes back every open suggestion of a person (their face matching permission ended). */
    unsuggestPerson: (personId: number): number => unsuggestPerson.run(personId).changes,
    /**
     * Removes a media item's open faces that came from a detector or the file (with their tracks)
     * before a new detection run. Reviewed faces and boxes a person drew stay.
     */
    removeOpenFaces(mediaId: number): number {
      const stale = staleIds.all(mediaId);
      for (const s of stale) {
        deleteFace.run(s.id);
        if (s.trackId !== null) deleteTrack.run(s.trackId);
      }
      orphanTracks.run(mediaId);
      return stale.length;
    },
    insertTrack(mediaId: number, boxes: readonly TrackBox[]): number {
      const times = boxes.map((b) => b.time);
      const id = Number(insertTrack.run(mediaId, Math.min(...times), Math.max(...times)).lastInsertRowid);
      for (const b of boxes) insertTrackBox.run({ trackId: id, time: b.time, ...b.box, score: b.score });
      return id;
    },
    trackBoxes: (trackId: number): TrackBox[] => trackBoxes.all(trackId).map(({ time, score, ...box }) => ({ time, box, score })),
    counts: (mediaId: number): FaceCounts => counts.get(mediaId)!,
    detection: (mediaId: number): DetectionRecord | undefined => detection.get(mediaId),
    saveDetection: (d: DetectionRecord): void => void saveDetection.run(d),
    /** Media never scanned, scanned with another model or settings, or whose scan failed. */
    mediaNeedingDetection: (modelVersion: string, settingsKey: string): number[] => pending.all({ modelVersion, settingsKey }).map((r) => r.id),
    allMediaIds: (): number[] => allMedia.all().map((r) => r.id),
    /** Open faces grouped by the person suggested for them (null: no suggestion), largest groups first. */
    openGroups: () => openGroups.all(),
    /** Where a person is confirmed: media ids with the faces, newest media first. */
    appearances: (personId: number) => appearances.all(personId).map((r) => ({ mediaId: r.mediaId, faceIds: r.faceIds.split(',').map(Number) })),
  };
}

export type FaceRepository = ReturnType<typeof createFaceRepository>;
