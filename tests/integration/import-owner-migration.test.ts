import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { createImportRepository } from '../../electron/core/db/repositories/import-repository';

const version = migrations.find((m) => m.name === 'import-owner')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  for (const m of migrations.filter((m) => m.version < version)) db.exec(m.sql);
});
afterEach(() => db.close());

describe(`migration ${version}: the process that owns an import batch`, () => {
  it('leaves earlier batches without an owner (so any process takes them over) and records the owner of new ones', () => {
    db.exec(`INSERT INTO import_batches (id, started_at, status, roots) VALUES (1, '2026-01-01T00:00:00Z', 'running', '["/old"]')`);
    // The later migrations too: the repository is the current one.
    for (const m of migrations.filter((m) => m.version >= version)) db.exec(m.sql);
    const imports = createImportRepository(db);
    expect(imports.getBatch(1)).toMatchObject({ status: 'running', ownerPid: null, ownerHost: null, heartbeatAt: null });
    const id = imports.createBatch('["/new"]', { creator: null, rightsHolder: null, license: null, credit: null, schoolId: null }, { pid: 123, host: 'pc-1' });
    const batch = imports.getBatch(id)!;
    expect(batch).toMatchObject({ ownerPid: 123, ownerHost: 'pc-1' });
    expect(batch.heartbeatAt).toBe(batch.startedAt);
    imports.reopen(1, { pid: 456, host: 'pc-2' });
    expect(imports.getBatch(1)).toMatchObject({ ownerPid: 456, ownerHost: 'pc-2' });
  });
});
