import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';

const gridMigration = migrations.find((m) => m.name === 'media-grid-indexes')!;

function databaseBefore003(): Database.Database {
  const db = new Database(':memory:');
  for (const m of migrations.filter((m) => m.version < gridMigration.version)) db.exec(m.sql);
  const insert = db.prepare(
    `INSERT INTO media (sha256, kind, name, ext, byte_size, mime, imported_at, sort_at, school_id, warnings)
     VALUES (?, ?, 'x.jpg', 'jpg', 1, 'image/jpeg', '2025-01-01T00:00:00Z', ?, NULL, ?)`,
  );
  insert.run('a'.repeat(64), 'photo', '2024-01-01T00:00:00', '[]');
  insert.run('b'.repeat(64), 'video', '2024-02-01T00:00:00', '["The video does not say how long it is."]');
  return db;
}

describe('migration 003 (media grid indexes)', () => {
  it('adds has_warnings computed from warnings, for existing rows and new ones', () => {
    const db = databaseBefore003();
    db.exec(gridMigration.sql);
    expect(db.prepare('SELECT kind, has_warnings AS w FROM media ORDER BY id').all()).toEqual([
      { kind: 'photo', w: 0 },
      { kind: 'video', w: 1 },
    ]);
    db.prepare(`UPDATE media SET warnings = '[]' WHERE kind = 'video'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM media WHERE has_warnings = 1`).get()).toEqual({ n: 0 });
  });

  it("replaces 001's sort indexes with ones that also carry the filter columns", () => {
    const db = databaseBefore003();
    db.exec(gridMigration.sql);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'media' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['media_grid_batch', 'media_grid_kind', 'media_grid_school', 'media_grid_sort', 'media_grid_warnings']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM media WHERE school_id = 1 AND kind = 'photo' AND batch_id = 2 AND sort_at >= '2024'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX media_grid_/);
  });
});
