import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { createBackup } from '../../electron/core/backup/create-backup';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';
import { runJson } from './cli-run';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('cf-backup-delete-');
});
afterEach(() => t.cleanup());

describe('clearframe backup delete-older', () => {
  it('lists what would go without --confirm, then deletes only the backups made before the time, and records it', { timeout: 60_000 }, async () => {
    const old = await createBackup(t.lib, localAdmin, {});
    await new Promise((r) => setTimeout(r, 20));
    const cutoff = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const recent = await createBackup(t.lib, localAdmin, {});
    t.lib.close();

    const preview = await runJson(t.home, ['backup', 'delete-older', '--before', cutoff]);
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/Nothing was deleted: run again with --confirm to delete 1 backup made before/);
    expect(preview.json.map((b: { path: string }) => b.path)).toEqual([old.path]);
    expect(existsSync(old.path)).toBe(true);

    const done = await runJson(t.home, ['backup', 'delete-older', '--before', cutoff, '--confirm']);
    expect(done.code).toBe(0);
    expect(done.json).toMatchObject({ deleted: [old.path.split('/').pop()], kept: 1 });
    expect([existsSync(old.path), existsSync(recent.path)]).toEqual([false, true]);
    const log = await runJson(t.home, ['audit', 'list', '--action', 'library']);
    expect(log.json.at(-1)).toMatchObject({ action: 'library.backups_deleted', details: { before: cutoff, deleted: [old.path.split('/').pop()] } });

    const bad = await runJson(t.home, ['backup', 'delete-older', '--before', 'yesterday', '--confirm']);
    expect(bad.code).not.toBe(0);
  });
});
