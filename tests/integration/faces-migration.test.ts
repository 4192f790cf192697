import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';

const facesMigration = migrations.find((m) => m.name === 'faces')!;

/** A database at the version before the faces migration, with a person and a photo, foreign keys on. */
function databaseBeforeFaces(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version < facesMigration.version)) db.exec(m.sql);
  db.exec("INSERT INTO people (id, first_name, last_name, role, created_at, updated_at) VALUES (1, 'Ann', 'Example', 'pupil', 'now', 'now')");
  db.exec(`INSERT INTO media (id, sha256, kind, name, ext, byte_size, mime, imported_at, sort_at)
           VALUES (1, '${'a'.repeat(64)}', 'photo', 'x.jpg', 'jpg', 1, 'image/jpeg', 'now', 'now')`);
  return db;
}

const insertFace = (db: Database.Database, fields: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO faces (media_id, x, y, w, h, source, state, person_id, suggested_person_id, track_id, created_at)
       VALUES (@media, @x, @y, @w, @h, @source, @state, @person, @suggested, @track, 'now')`,
    )
    .run({ media: 1, x: 0.1, y: 0.1, w: 0.2, h: 0.3, source: 'detected', state: 'unreviewed', person: null, suggested: null, track: null, ...fields });

describe('migration 006 (faces)', () => {
  it('is the sixth migration and creates the face tables', () => {
    expect(facesMigration.version).toBe(6);
    const db = databaseBeforeFaces();
    db.exec(facesMigration.sql);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'face%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['face_detections', 'face_matching', 'face_references', 'face_track_boxes', 'face_tracks', 'faces']);
  });

  it('refuses boxes outside the image and states that contradict the person fields', () => {
    const db = databaseBeforeFaces();
    db.exec(facesMigration.sql);
    expect(() => insertFace(db)).not.toThrow();
    expect(() => insertFace(db, { x: 0.9, w: 0.2 })).toThrow(/CHECK/);
    expect(() => insertFace(db, { w: 0 })).toThrow(/CHECK/);
    expect(() => insertFace(db, { state: 'person' })).toThrow(/CHECK/);
    expect(() => insertFace(db, { state: 'unreviewed', person: 1 })).toThrow(/CHECK/);
    expect(() => insertFace(db, { state: 'suggested' })).toThrow(/CHECK/);
    expect(() => insertFace(db, { source: 'guessed' })).toThrow(/CHECK/);
    expect(() => insertFace(db, { state: 'person', person: 1 })).not.toThrow();
  });

  it('lets reference embeddings exist only under a face matching permission, and deletes them with it or with the person', () => {
    const db = databaseBeforeFaces();
    db.exec(facesMigration.sql);
    const addReference = () =>
      db
        .prepare("INSERT INTO face_references (person_id, embedding, model_version, taken_at, created_at, created_by) VALUES (1, ?, 'm', '2026-01-01', 'now', 't')")
        .run(Buffer.alloc(512));
    expect(addReference).toThrow(/FOREIGN KEY/);
    db.exec("INSERT INTO face_matching (person_id, granted_at, granted_by) VALUES (1, 'now', 't')");
    addReference();
    db.exec('DELETE FROM face_matching WHERE person_id = 1');
    expect(db.prepare('SELECT COUNT(*) FROM face_references').pluck().get()).toBe(0);
    db.exec("INSERT INTO face_matching (person_id, granted_at, granted_by) VALUES (1, 'now', 't')");
    addReference();
    db.exec('DELETE FROM people WHERE id = 1');
    expect(db.prepare('SELECT COUNT(*) FROM face_references').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM face_matching').pluck().get()).toBe(0);
  });

  it('removes a media item’s faces, tracks and detection record with it', () => {
    const db = databaseBeforeFaces();
    db.exec(facesMigration.sql);
    db.exec('INSERT INTO face_tracks (id, media_id, start_s, end_s) VALUES (1, 1, 0, 2)');
    db.exec('INSERT INTO face_track_boxes (track_id, time_s, x, y, w, h) VALUES (1, 0, 0.1, 0.1, 0.2, 0.2), (1, 0.5, 0.2, 0.1, 0.2, 0.2)');
    insertFace(db, { track: 1 });
    db.exec("INSERT INTO face_detections (media_id, model_version, settings_key, detected_at, faces_found) VALUES (1, 'm', 'k', 'now', 1)");
    db.exec('DELETE FROM media WHERE id = 1');
    for (const table of ['faces', 'face_tracks', 'face_track_boxes', 'face_detections']) {
      expect({ table, rows: db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() }).toEqual({ table, rows: 0 });
    }
  });
});
