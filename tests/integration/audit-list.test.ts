import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { exportAuditCsv, listAudit } from '../../electron/core/audit/audit-service';
import { csvDocument, csvField, neutralise } from '../../electron/core/audit/csv-cells';
import { createPerson } from '../../electron/core/services/people-service';
import { libraryWithHistory, withLibrary } from './audit-kit';
import { runCli, runJson } from './cli-run';

let lib: ReturnType<typeof libraryWithHistory>;
beforeAll(() => {
  lib = libraryWithHistory();
  withLibrary(lib.home, (l) => {
    // A name a spreadsheet would run as a formula, and entries that name a person only in their details.
    createPerson(l, localAdmin, { externalId: '=HYPERLINK("http://evil")', firstName: '@SUM(A1)', lastName: '-1+2', role: 'staff', schoolId: null, classId: null, dateOfBirth: null });
    l.transaction(() => l.repos.audit.append('juf.anna', 'face.tagged', 'media:7', { personId: 1, box: [1, 2, 3, 4] }));
    l.transaction(() => l.repos.audit.append('directie', 'publication.published', 'publication:3', { personIds: [2, 1], channel: 'facebook' }));
  });
});
afterAll(() => lib.remove());

const list = (filter: Parameters<typeof listAudit>[1], order: 'newest' | 'oldest' = 'oldest') =>
  withLibrary(lib.home, (l) => listAudit(l, filter, order, 0, 1000));

describe('audit list filters', () => {
  it('a person: their timeline, from entries about them and entries that name them in details', () => {
    const page = list({ person: 'P001' });
    expect(page.items.map((e) => e.action)).toEqual([
      'person.created', 'consent.granted', 'consent.withdrawn', 'face.tagged', 'publication.published',
    ]);
    expect(page.total).toBe(5);
    expect(page.items[0]).toMatchObject({ subject: 'person:1', subjectName: 'Sanne de Vries', details: { externalId: 'P001', role: 'pupil' } });
  });

  it('a channel, an actor, an action group, and days', () => {
    expect(list({ channel: 'facebook' }).items.map((e) => e.action)).toEqual(['consent.granted', 'publication.published']);
    expect(list({ actor: 'juf.anna' }).items.map((e) => e.action)).toEqual(['consent.refused', 'consent.withdrawn', 'face.tagged']);
    expect(list({ action: 'consent' }).total).toBe(4);
    expect(list({ action: 'consent.refused' }).total).toBe(1);
    // "consent" must not match an action that merely starts with the same letters.
    expect(list({ action: 'consen' }).total).toBe(0);
    const days = list({}).items.map((e) => e.at.slice(0, 10));
    expect(list({ from: days[0], to: days.at(-1) }).total).toBe(days.length);
    expect(list({ from: days[0], to: days[0] }).items.every((e) => e.at.startsWith(days[0]!))).toBe(true);
    expect(list({ to: '2000-01-01' }).total).toBe(0);
  });

  it('newest first for the screen, with the total for paging', () => {
    const page = withLibrary(lib.home, (l) => listAudit(l, {}, 'newest', 0, 2));
    expect(page.items.map((e) => e.action)).toEqual(['publication.published', 'face.tagged']);
    expect(page.total).toBe(11);
  });

  it('an unknown person or days in the wrong order is a clear refusal', () => {
    expect(() => list({ person: 'P999' })).toThrow(/No person with id or external id "P999"/);
    expect(() => list({ from: '2025-02-01', to: '2025-01-01' })).toThrow(/before the start day/);
  });
});

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would run, and leaves others as they are', () => {
    for (const cell of ['=CMD|"/c calc"!A1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(cell)).toBe(`'${cell}`);
    for (const cell of ['Sanne', 'a=b', '', '1-2']) expect(neutralise(cell)).toBe(cell);
    expect(csvField('=1,"2"')).toBe('"\'=1,""2"""');
    expect(csvField(-3)).toBe('-3');
    expect(csvDocument(['a'], [['x\ny']])).toBe('\uFEFFa\r\n"x\ny"\r\n');
  });

  it('writes the filtered log oldest first, with names neutralised, and records the export', () => {
    const { csv, rows } = withLibrary(lib.home, (l) => exportAuditCsv(l, { ...localAdmin, actor: 'auditor' }, { person: '3' }));
    expect(rows).toBe(1);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,action,subject,subject_name,details,hash');
    expect(lines[1]).toMatch(/^9,[^,]+,admin,person\.created,person:3,'@SUM\(A1\) -1\+2,"{""externalId"":""=HYPERLINK/);
    const exported = list({ action: 'audit.exported' }).items;
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actor: 'auditor', details: { filter: { person: '3' }, rows: 1 } });
  });
});

describe('clearframe audit list and export', () => {
  it('list prints the filtered entries as JSON', async () => {
    const r = await runJson(lib.home, ['audit', 'list', '--person', 'P002', '--action', 'consent']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual([
      { seq: 6, at: expect.any(String), actor: 'juf.anna', action: 'consent.refused', subject: 'person:2', subject_name: 'Daan de Vries', details: expect.objectContaining({ channel: 'website' }), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      expect.objectContaining({ seq: 8, action: 'consent.granted' }),
    ]);
    const limited = await runJson(lib.home, ['audit', 'list', '--limit', '1']);
    expect(limited.json).toHaveLength(1);
  });

  it('export --csv writes the file; a cell starting with a formula character gets an apostrophe', async () => {
    const file = join(lib.root, 'audit.csv');
    const r = await runJson(lib.home, ['audit', 'export', '--csv', file, '--actor', 'admin']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ file, rows: expect.any(Number) });
    const text = readFileSync(file, 'utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(r.json.rows + 1);
    expect(text).toContain(",'@SUM(A1) -1+2,");
    expect(text).not.toMatch(/,[=+\-@]/);
  });

  it('export without --csv and bad days are usage errors', async () => {
    expect((await runCli(['--home', lib.home, 'audit', 'export'])).stderr).toMatch(/--csv FILE/);
    const r = await runCli(['--home', lib.home, 'audit', 'list', '--from', '2025-02-30']);
    expect(r.code).toBe(2);
  });
});
