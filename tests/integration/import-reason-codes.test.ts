import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvReportJson, importReportJson } from '../../electron/cli/json-shapes';
import { localAdmin } from '../../electron/core/api/context';
import { importCsv } from '../../electron/core/csv/import-csv';
import { startMediaImport } from '../../electron/core/media/import-service';
import { importLimits } from '../../electron/core/media/limits';
import type { ImportBatchReport } from '../../shared/contract/media';
import { actor, badFixtures, copyInto, goodFixtures, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const byName = (report: ImportBatchReport) => Object.fromEntries(report.failed.map((f) => [f.path.split('/').pop()!, f]));

describe('import failures carry a code and the values of their sentence', () => {
  it('gives each bad fixture its code, and keeps the English sentence and the CLI JSON as they were', async () => {
    const report = await startMediaImport(t.lib, actor, [badFixtures]).done;
    const failed = byName(report);
    expect(Object.keys(failed).sort()).toEqual(readdirSync(badFixtures).sort());
    expect(failed['empty.jpg']).toMatchObject({ code: 'empty_file', params: {} });
    expect(failed['notes.jpg']).toMatchObject({ code: 'unsupported_type', params: { kind: 'text' } });
    expect(failed['animation.gif']).toMatchObject({ code: 'unsupported_type', params: { kind: 'gif' } });
    expect(failed['truncated.jpg']).toMatchObject({ code: 'image_undecodable', params: { label: 'JPEG' } });
    expect(failed['truncated.jpg']!.error).toContain((failed['truncated.jpg']!.params as { detail: string }).detail);
    for (const bomb of ['bomb.jpg', 'bomb.png']) {
      expect(failed[bomb]).toMatchObject({ code: 'too_many_pixels', params: { width: 60000, height: 60000, megapixels: 3600, limitMegapixels: 100 } });
    }
    expect(failed['broken-moov.mp4']).toMatchObject({ code: 'video_unreadable', params: { detail: 'moov atom not found' } });
    expect(failed['empty.jpg']!.error).toBe('The file is empty (0 bytes): it was not copied completely.');

    const json = importReportJson(report);
    expect(json.failed.map((f) => Object.keys(f).sort())).toEqual(json.failed.map(() => ['error', 'path']));
  });

  it('names the type, size and limit of a file over the byte limit', async () => {
    const [photo] = copyInto(join(t.scratch, 'big'), [{ from: join(goodFixtures, 'alpha.png') }]);
    const saved = importLimits.photoBytes;
    importLimits.photoBytes = 100;
    try {
      const report = await startMediaImport(t.lib, actor, [photo!]).done;
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]).toMatchObject({ code: 'file_too_large', params: { label: 'PNG', kind: 'photo', limit: 100 } });
      expect((report.failed[0]!.params as { size: number }).size).toBeGreaterThan(100);
    } finally {
      importLimits.photoBytes = saved;
    }
  });

  it('keeps the code in the library, and reads a failure stored without one as unexpected', async () => {
    const dir = join(t.scratch, 'in');
    mkdirSync(dir);
    copyInto(dir, [{ from: join(badFixtures, 'empty.jpg') }, { from: join(badFixtures, 'notes.jpg') }]);
    const { batchId, done } = startMediaImport(t.lib, actor, [dir]);
    await done;
    const stored = t.lib.db.prepare('SELECT reason FROM import_items WHERE batch_id = ? ORDER BY path').all(batchId) as { reason: string }[];
    expect(stored.map((r) => JSON.parse(r.reason) as unknown)).toEqual([
      { code: 'empty_file', params: {} },
      { code: 'unsupported_type', params: { kind: 'text' } },
    ]);
    // As a row failed before migration 11, and one written by a newer version with a code this one does not know.
    t.lib.db.prepare("UPDATE import_items SET reason = NULL WHERE path LIKE '%empty.jpg'").run();
    t.lib.db.prepare(`UPDATE import_items SET reason = '{"code":"from_the_future","params":{}}' WHERE path LIKE '%notes.jpg'`).run();
    const failed = t.lib.repos.imports.failures(batchId);
    expect(failed.map((f) => [f.code, f.params])).toEqual([
      ['unexpected', {}],
      ['unexpected', {}],
    ]);
    expect(failed[0]!.error).toBe('The file is empty (0 bytes): it was not copied completely.');
  });
});

describe('CSV problems carry a code and the values of their sentence', () => {
  const today = '2026-11-25';

  it('text saved as UTF-16 is named as such', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('external_id,first_name\nA,Zoë\n', 'utf16le')]);
    const report = importCsv(t.lib, localAdmin, 'people', bytes, { dryRun: true, today });
    expect(report.errors).toEqual([
      {
        line: null,
        column: null,
        code: 'not_text',
        params: { kind: 'utf16' },
        message: 'This file is text saved as UTF-16, not a CSV text file. Save or export the list as "CSV (comma or semicolon separated)" and choose that file.',
      },
    ]);
  });

  it('an unclosed quote, an unknown person and an unknown channel', () => {
    const broken = importCsv(t.lib, localAdmin, 'people', Buffer.from('external_id,first_name\n"A,Ann\n'), { dryRun: true, today });
    expect(broken.errors[0]).toMatchObject({ code: 'invalid_csv', params: { cause: 'quote_not_closed', parserCode: 'CSV_QUOTE_NOT_CLOSED' } });

    const csv = 'external_id,channel,status,given_on\nNOBODY,website,granted,2025-09-01\nNOBODY,tiktok,granted,2025-09-01\n';
    const report = importCsv(t.lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: true, today });
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'external_id', 'unknown_person'],
      [3, 'channel', 'choice_unknown'],
      [3, 'external_id', 'unknown_person'],
    ]);
    expect(report.errors[0]!.params).toEqual({ externalId: 'NOBODY' });
    expect(report.errors[1]!.params).toMatchObject({ field: 'channel', value: 'tiktok' });
    expect((report.errors[1]!.params as { options: string[] }).options).toContain('website');

    const json = csvReportJson(report);
    expect(json.errors.map((e) => Object.keys(e).sort())).toEqual(json.errors.map(() => ['column', 'line', 'message']));
  });
});
