import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { createImportRepository } from '../../electron/core/db/repositories/import-repository';

const version = migrations.find((m) => m.name === 'import-failure-reasons')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  for (const m of migrations.filter((m) => m.version < version)) db.exec(m.sql);
});
afterEach(() => db.close());

describe(`migration ${version}: the code of an import failure`, () => {
  it('keeps failures from before it with their sentence and no code, and stores the code of new ones', () => {
    db.exec(`INSERT INTO import_batches (id, started_at, status, roots) VALUES (1, '2026-01-01T00:00:00Z', 'done', '["/old"]')`);
    db.exec(`INSERT INTO import_items (batch_id, path, status, error) VALUES (1, '/old/a.jpg', 'failed', 'The file is empty (0 bytes): it was not copied completely.')`);
    for (const m of migrations.filter((m) => m.version >= version)) db.exec(m.sql);
    const imports = createImportRepository(db);
    imports.addItems(1, [{ path: '/old/b.jpg' }, { path: '/old/sub', error: 'The folder could not be read (EACCES).', reason: { code: 'folder_unreadable', params: { errno: 'EACCES' } } }]);
    const [b] = imports.pendingItems(1);
    imports.finishItem(b!.id, 'failed', null, 'The file is empty (0 bytes): it was not copied completely.', { code: 'empty_file', params: {} });
    expect(imports.failures(1)).toEqual([
      { path: '/old/a.jpg', error: 'The file is empty (0 bytes): it was not copied completely.', code: 'unexpected', params: {} },
      { path: '/old/b.jpg', error: 'The file is empty (0 bytes): it was not copied completely.', code: 'empty_file', params: {} },
      { path: '/old/sub', error: 'The folder could not be read (EACCES).', code: 'folder_unreadable', params: { errno: 'EACCES' } },
    ]);
  });
});
