import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/restore-backup';
import { openLibrary } from '../../electron/core/library';
import { libraryWithHistory, tamper, verifyHome, withLibrary } from './audit-kit';
import { runCli, runJson, sentencePattern } from './cli-run';
import { goodFixtures } from './media-test-kit';

let libraries: { remove: () => void }[] = [];
function library() {
  const l = libraryWithHistory('cf-backup-');
  libraries.push(l);
  return l;
}
afterEach(() => {
  for (const l of libraries) l.remove();
  libraries = [];
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const consentCount = (home: string) => withLibrary(home, (lib) => lib.repos.consent.count());
const storeFiles = (home: string) => readdirSync(join(home, 'store'), { recursive: true }).filter((f) => /\.[a-z]+$/.test(String(f))).map(String).sort();

/**
 * Overwrites three pages, as a failing disk would: the first ones (the header and schema: the file no
 * longer opens) or ones near the end, where `grow` put table rows (it opens, its check fails).
 */
function damagePages(file: string, where: 'header' | 'rows'): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0xab), 0, 4096 * 3, where === 'header' ? 0 : statSync(file).size - 4096 * 20);
  closeSync(fd);
}

/** A library big enough that damage to its middle pages hits a table. */
function grow(home: string): void {
  withLibrary(home, (lib) => {
    const set = lib.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    lib.transaction(() => {
      for (let i = 0; i < 2000; i++) set.run(`padding-${i}`, 'x'.repeat(300));
    });
  });
}

async function backup(home: string, ...args: string[]) {
  const r = await runJson(home, ['backup', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.json as { path: string; database: { sha256: string; bytes: number }; audit: { entries: number; ok: boolean }; media: { files: number; included: boolean } };
}

describe('clearframe backup', () => {
  it('writes the database through the backup API, a manifest of the media store, and the originals on request', async () => {
    const { root, home } = library();
    const imported = await runJson(home, ['import', join(goodFixtures, 'photo.webp'), join(goodFixtures, 'alpha.png')]);
    expect(imported.json.imported).toBe(2);

    const out = join(root, 'usb-stick');
    const b = await backup(home, '--out', out, '--with-media');
    expect(b).toEqual({
      path: expect.stringMatching(new RegExp(`^${out}/backup-\\d{4}-`)),
      library: expect.any(String),
      created_at: expect.any(String),
      schema_version: expect.any(Number),
      database: { bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      audit: { entries: 10, ok: true, head: { seq: 10, hash: expect.any(String), at: expect.any(String) } },
      media: { files: 2, bytes: expect.any(Number), included: true },
    });
    expect(readdirSync(out)).toEqual([b.path.split('/').pop()]);
    expect(sha256(join(b.path, 'library.sqlite'))).toBe(b.database.sha256);
    const manifest = JSON.parse(readFileSync(join(b.path, 'manifest.json'), 'utf8'));
    expect(manifest.media.files.map((f: { sha256: string }) => f.sha256).sort()).toEqual(
      [sha256(join(goodFixtures, 'photo.webp')), sha256(join(goodFixtures, 'alpha.png'))].sort(),
    );
    expect(storeFiles(b.path)).toEqual(storeFiles(home));

    const listed = await runJson(home, ['backup', 'list', '--in', out]);
    expect(listed.json).toEqual([expect.objectContaining({ path: b.path, kind: 'backup', audit_entries: 10, with_media: true })]);
    const logged = await runJson(home, ['audit', 'list', '--action', 'library.backed_up']);
    expect(logged.json).toEqual([expect.objectContaining({ details: expect.objectContaining({ mediaFiles: 2, withMedia: true }) })]);
  });

  it('refuses a folder it cannot make, in one sentence', async () => {
    const { root, home } = library();
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = await runJson(home, ['backup', '--out', join(blocker, 'backups')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(sentencePattern);
    expect(r.stderr).toMatch(/Cannot make the backup folder/);
  });
});

describe('clearframe restore', () => {
  it('puts a backup back, keeps the replaced database, copies back lost originals, and records it', async () => {
    const { home } = library();
    await runJson(home, ['import', join(goodFixtures, 'photo.webp')]);
    const b = await backup(home, '--with-media');
    const before = consentCount(home);
    expect((await runJson(home, ['consent', 'set', 'P001', 'facebook', 'granted'])).code).toBe(0);
    const lost = join(home, 'store', storeFiles(home)[0]!);
    rmSync(lost);

    const r = await runJson(home, ['restore', b.path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toEqual({
      source: b.path,
      safety_copy: expect.stringMatching(/backups\/before-restore-.*\.sqlite$/),
      schema_version: expect.any(Number),
      audit_entries: b.audit.entries,
      accepted: [],
      media: { restored: 1, missing: 0 },
    });
    expect(consentCount(home)).toBe(before);
    expect(existsSync(lost)).toBe(true);
    // The safety copy holds what the restore replaced, including the change made after the backup.
    const safety = new Database(r.json.safety_copy, { readonly: true });
    expect(safety.prepare('SELECT COUNT(*) FROM consent_records').pluck().get()).toBe(before + 1);
    safety.close();
    expect(verifyHome(home).ok).toBe(true);
    const last = withLibrary(home, (lib) => lib.repos.audit.list(1, b.audit.entries)[0]);
    expect(last).toMatchObject({ action: 'library.restored', details: expect.stringContaining('"mediaRestored":1') });
  });

  it('refuses while the library is open, and ignores what a killed process left', async () => {
    const { home } = library();
    const b = await backup(home);
    const lib = openLibrary(home);
    const refused = await runCli(['--home', home, 'restore', b.path]);
    lib.close();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`The library is open in ClearFrame \\(process ${process.pid}\\)`));
    expect(readdirSync(join(home, 'backups')).filter((f) => f.startsWith('before-restore'))).toEqual([]);

    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(home, 'open'), { recursive: true });
    writeFileSync(join(home, 'open', `${gone}-deadbeef`), '');
    expect((await runCli(['--home', home, 'restore', b.path])).code).toBe(0);
  });

  it('refuses, in process too, while this process has the library open', async () => {
    const { home } = library();
    const b = await backup(home);
    const lib = openLibrary(home);
    try {
      await expect(restoreBackup(home, b.path, { force: false, actor: 'test' })).rejects.toThrow(/open in ClearFrame/);
    } finally {
      lib.close();
    }
  });

  it('refuses a backup whose database does not match its manifest or is damaged, and changes nothing', async () => {
    const { home } = library();
    grow(home);
    const b = await backup(home);
    const live = sha256(join(home, 'library.sqlite'));
    damagePages(join(b.path, 'library.sqlite'), 'rows');
    const altered = await runJson(home, ['restore', b.path]);
    expect(altered.code).toBe(1);
    expect(altered.json.error.message).toMatch(/does not match its manifest: it was damaged or altered/);

    const manifestFile = join(b.path, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.database.sha256 = sha256(join(b.path, 'library.sqlite'));
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const damaged = await runJson(home, ['restore', b.path]);
    expect(damaged.code).toBe(1);
    expect(damaged.json.error).toEqual({ code: 'library_corrupt', message: expect.stringMatching(/is damaged \(.+\); choose another backup/) });
    expect(sha256(join(home, 'library.sqlite'))).toBe(live);
  });

  it('refuses a backup whose audit log does not verify, or of another library, unless forced', async () => {
    const { home } = library();
    const b = await backup(home);
    const file = join(b.path, 'library.sqlite');
    tamper(b.path, (db) => db.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3").run());
    const manifestFile = join(b.path, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), database: { file: 'library.sqlite', bytes: 0, sha256: sha256(file) } }));

    const refused = await runJson(home, ['restore', b.path]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.message).toMatch(/^Not restored: its audit log does not verify \(entry 3: .*\)\. Add --force/);

    const other = library();
    const otherBackup = await backup(other.home);
    expect((await runJson(home, ['restore', otherBackup.path])).json.error.message).toMatch(/it is a backup of another library/);

    const forced = await runJson(home, ['restore', b.path, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.json.accepted).toEqual([expect.stringMatching(/audit log does not verify/)]);
    const entries = await runJson(home, ['audit', 'list', '--action', 'library.restored']);
    expect(entries.json[0].details.forced).toEqual(forced.json.accepted);
  });
});

describe('a damaged library', () => {
  it('status says so, names the newest backup and exits 1; restore brings it back', async () => {
    const { home } = library();
    grow(home);
    const b = await backup(home);
    damagePages(join(home, 'library.sqlite'), 'rows');

    const status = await runJson(home, ['status']);
    expect(status.code).toBe(1);
    expect(status.json.integrity).not.toBe('ok');
    expect(status.stderr).toContain(`The library database is damaged (`);
    expect(status.stderr).toContain(`clearframe restore "${b.path}"`);
    expect(withLibrary(home, (lib) => lib.integrity)).toBe(status.json.integrity);

    const r = await runJson(home, ['restore', b.path]);
    expect(r.code, r.stderr).toBe(0);
    expect((await runJson(home, ['status'])).json.integrity).toBe('ok');
  });

  it('that cannot even be opened can still list its backups and be restored', async () => {
    const { home } = library();
    const b = await backup(home);
    damagePages(join(home, 'library.sqlite'), 'header');
    const status = await runJson(home, ['status']);
    expect(status.code).toBe(1);
    expect(status.json.error.code).toBe('library_corrupt');

    const listed = await runJson(home, ['backup', 'list']);
    expect(listed.json.map((x: { path: string }) => x.path)).toEqual([b.path]);
    const r = await runJson(home, ['restore', b.path]);
    expect(r.code, r.stderr).toBe(0);
    expect((await runJson(home, ['audit', 'verify'])).json).toEqual({ ok: true, entries: b.audit.entries + 1, first_bad: null });
    const restoredBy = await runJson(home, ['audit', 'list', '--action', 'library.restored']);
    expect(restoredBy.json[0].actor).toMatch(/^cli:/);
  });
});
