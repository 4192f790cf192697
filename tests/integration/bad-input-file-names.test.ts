import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAuditCsv, verifyAudit } from '../../electron/core/audit/audit-service';
import { startMediaImport } from '../../electron/core/media/import-service';
import { runJson } from './cli-run';
import { actor, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

/** A small JPEG that differs per `seed`, so no two files are duplicates of each other. */
const photo = (seed: number) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed * 40, g: 120, b: 200 - seed * 30 } } }).jpeg().toBuffer();

/** The longest name Linux file systems take: 255 bytes of UTF-8 (here 2-byte letters), extension included. */
const longName = `${'é'.repeat(125)}.jpg`;

const oddNames = [
  'holiday..trip...jpg',
  'line\nbreak.jpg',
  longName,
  '=cmd|calc!A0.jpg',
  ' leading and trailing spaces .jpg',
];

describe('file names that are odd but legal are imported under their own name', () => {
  it('imports each once, keeps the name as it is on disk, and loses nothing already stored', async () => {
    expect(Buffer.byteLength(longName)).toBe(254);
    const folder = join(t.scratch, 'odd');
    mkdirSync(folder);
    const first = join(t.scratch, 'first.jpg');
    writeFileSync(first, await photo(0));
    expect((await startMediaImport(t.lib, actor, [first], {}).done).imported).toBe(1);

    for (const [i, name] of oddNames.entries()) writeFileSync(join(folder, name), await photo(i + 1));
    expect(readdirSync(folder).sort()).toEqual([...oddNames].sort());
    const report = await startMediaImport(t.lib, actor, [join(t.scratch, 'odd', '..', 'odd')], {}).done;
    expect(report).toMatchObject({ imported: oddNames.length, duplicates: 0, failed: [] });

    const names = t.lib.db.prepare('SELECT name FROM media ORDER BY id').pluck().all();
    expect([...names].sort()).toEqual(['first.jpg', ...oddNames].sort());
    expect(verifyAudit(t.lib).ok).toBe(true);

    // The names reach a spreadsheet only inside the JSON details column, which never starts with a formula character.
    const { csv } = exportAuditCsv(t.lib, actor, { action: 'media.imported' });
    for (const line of csv.split('\r\n').slice(1)) expect(line.split(',').every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });
});

describe('through the command line', () => {
  it('prints the names exactly in JSON, newline included', async () => {
    const folder = join(t.scratch, 'cli');
    mkdirSync(folder);
    writeFileSync(join(folder, 'line\nbreak.jpg'), await photo(9));
    const r = await runJson(t.home, ['import', folder]);
    expect(r.code, r.stderr).toBe(0);
    const list = await runJson(t.home, ['media', 'list']);
    expect(list.json.map((m: { name: string }) => m.name)).toEqual(['line\nbreak.jpg']);
  });
});
