import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';

const version = migrations.find((m) => m.name === 'media-face-state')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  for (const m of migrations.filter((m) => m.version < version)) db.exec(m.sql);
});
afterEach(() => db.close());

const addMedia = (id: number) =>
  db
    .prepare(
      `INSERT INTO media (id, sha256, kind, name, ext, byte_size, mime, imported_at, sort_at, license)
       VALUES (?, ?, 'photo', 'm.jpg', 'jpg', 1, 'image/jpeg', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00', 'unknown')`,
    )
    .run(id, String(id).padStart(64, '0'));
const scan = (mediaId: number, error: string | null) =>
  db
    .prepare(`INSERT INTO face_detections (media_id, model_version, settings_key, detected_at, faces_found, error) VALUES (?, 'm', '{}', '2025-01-01T00:00:00Z', 0, ?)`)
    .run(mediaId, error);
const face = (mediaId: number, state: string) =>
  db
    .prepare(`INSERT INTO faces (media_id, x, y, w, h, source, state, created_at) VALUES (?, 0.1, 0.1, 0.2, 0.2, 'detected', ?, '2025-01-01T00:00:00Z')`)
    .run(mediaId, state);

describe(`migration ${version}: the face state stored on each media item`, () => {
  it('derives the state of media scanned before it, then follows new faces and scans', () => {
    for (const id of [1, 2, 3, 4, 5]) addMedia(id);
    scan(1, null);
    face(1, 'unreviewed');
    face(1, 'not_identifiable');
    scan(2, null);
    face(2, 'not_a_face');
    scan(3, null);
    scan(4, 'could not be decoded');
    for (const m of migrations.filter((m) => m.version >= version)) db.exec(m.sql);
    const states = () => db.prepare('SELECT id, face_state AS state, face_total AS total, face_open AS open FROM media ORDER BY id').all();
    expect(states()).toEqual([
      { id: 1, state: 'to_review', total: 2, open: 1 },
      { id: 2, state: 'resolved', total: 1, open: 0 },
      { id: 3, state: 'no_faces', total: 0, open: 0 },
      { id: 4, state: 'not_scanned', total: 0, open: 0 },
      { id: 5, state: 'not_scanned', total: 0, open: 0 },
    ]);
    db.prepare(`UPDATE faces SET state = 'not_identifiable' WHERE media_id = 1 AND state = 'unreviewed'`).run();
    scan(5, null);
    face(5, 'unreviewed');
    db.prepare('DELETE FROM face_detections WHERE media_id = 3').run();
    expect(states()).toEqual([
      { id: 1, state: 'resolved', total: 2, open: 0 },
      { id: 2, state: 'resolved', total: 1, open: 0 },
      { id: 3, state: 'not_scanned', total: 0, open: 0 },
      { id: 4, state: 'not_scanned', total: 0, open: 0 },
      { id: 5, state: 'to_review', total: 1, open: 1 },
    ]);
  });
});
