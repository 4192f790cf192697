import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runJson, sentencePattern } from './cli-run';
import { sha256 } from './export-kit';
import { gdprLibrary, type GdprLibrary } from './gdpr-kit';
import { facesDir } from './export-kit';
import { checkpointOf, tamper, verifyHome } from './audit-kit';

/**
 * A data-subject request end to end, through the public command line: Sanne asks for her data, then
 * for erasure. What leaves, what goes, what stays (her brother's records, the publication register),
 * and that the audit log still verifies while no longer naming her, in the database file itself.
 */
let g: GdprLibrary;
beforeAll(async () => {
  g = await gdprLibrary();
}, 120_000);
afterAll(() => g.remove());

/** The files of a ZIP, read from its central directory, each inflated and checked against its CRC. */
function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, compressed, nameLength, local] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt32LE(at + 42)];
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(crc32(data), name).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

describe('clearframe people export', () => {
  it('writes a folder with the person, consent history, tagged media, publications and audit entries about them', async () => {
    const out = join(g.scratch, 'sanne');
    const r = await runJson(g.home, ['people', 'export', 'P001', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      person: { id: g.ids.sanne, external_id: 'P001', name: 'Sanne de Vries' },
      out,
      format: 'folder',
      files: 9,
      bytes: expect.any(Number),
      consent_records: 2,
      media: 1,
      publications: 1,
      audit_entries: expect.any(Number),
    });
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'audit.json', 'consents.csv', 'consents.json', 'media', 'media.csv', 'media.json', 'person.json', 'publications.json']);
    expect(readdirSync(join(g.scratch)).filter((f) => f.includes('partial'))).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o700);

    const person = JSON.parse(readFileSync(join(out, 'person.json'), 'utf8'));
    expect(person).toMatchObject({ person: { externalId: 'P001', firstName: 'Sanne', lastName: 'de Vries', dateOfBirth: '2014-03-15', school: 'De Linde', class: 'Groep 8' }, faceMatching: { allowed: true, references: 1 } });

    const csv = readFileSync(join(out, 'consents.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,channel,status,given_by,given_on,valid_until,note,evidence,source,recorded_at,recorded_by\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(csv).toContain('Mother of Sanne de Vries signed the form');
    const consents = JSON.parse(readFileSync(join(out, 'consents.json'), 'utf8'));
    expect(consents.history.map((h: { channel: string; status: string }) => `${h.channel}:${h.status}`)).toEqual(['website:granted', 'facebook:refused']);
    expect(consents.current).toEqual(expect.arrayContaining([{ channel: 'website', state: 'granted', record: 1 }, { channel: 'facebook', state: 'refused', record: 2 }]));

    // Only the photo she is confirmed in; the one where she is merely suggested is not about her yet.
    const media = JSON.parse(readFileSync(join(out, 'media.json'), 'utf8'));
    expect(media).toEqual([expect.objectContaining({ id: g.ids.twoPeople, name: 'two_people.jpg', faces: [expect.objectContaining({ face: g.ids.sanneFace })], file: `media/${g.ids.twoPeople}-two_people.jpg` })]);
    expect(sha256(join(out, media[0].file))).toBe(sha256(join(facesDir, 'two_people.jpg')));

    const publications = JSON.parse(readFileSync(join(out, 'publications.json'), 'utf8'));
    expect(publications).toEqual([expect.objectContaining({ id: g.ids.publication, channel: 'website', takeDown: 'none', files: [expect.objectContaining({ mediaId: g.ids.twoPeople, shown: 'visible' })] })]);

    const audit: { action: string; subject: string; details: any }[] = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8'));
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['person.created', 'person.updated', 'consent.granted', 'consent.refused', 'face.assigned', 'person.face_matching_allowed', 'person.reference_added']));
    // Her brother's entries are his, even where they share a surname.
    expect(audit.some((a) => a.subject === `person:${g.ids.daan}`)).toBe(false);
    // Embeddings are never in the log, so never in an export of it.
    expect(JSON.stringify(audit)).not.toMatch(/embedding|descriptor/i);
  });

  it('writes a ZIP file with thumbnails instead of originals, and logs that the data left', async () => {
    const out = join(g.scratch, 'sanne.zip');
    const r = await runJson(g.home, ['people', 'export', String(g.ids.sanne), '--out', out, '--media', 'thumbnails']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ format: 'zip', out, bytes: statSync(out).size });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const files = readZip(out);
    expect([...files.keys()].sort()).toEqual(['README.txt', 'audit.json', 'consents.csv', 'consents.json', 'media.csv', 'media.json', `media/${g.ids.twoPeople}.jpg`, 'person.json', 'publications.json']);
    expect(files.get(`media/${g.ids.twoPeople}.jpg`)!.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(JSON.parse(files.get('person.json')!.toString('utf8')).person.firstName).toBe('Sanne');
    const log = await runJson(g.home, ['audit', 'list', '--action', 'person.exported']);
    expect(log.json.map((e: any) => e.details)).toEqual([
      { format: 'folder', media: 'originals', files: 9 },
      { format: 'zip', media: 'thumbnails', files: 9 },
    ]);
  });

  it('never overwrites, and says what to do', async () => {
    const r = await runCli(['--home', g.home, 'people', 'export', 'P001', '--out', join(g.scratch, 'sanne')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists; choose a new name/);
    const missing = await runCli(['--home', g.home, 'people', 'export', 'P001', '--out', join(g.scratch, 'nowhere', 'x.zip')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(sentencePattern);
    const bad = await runCli(['--home', g.home, 'people', 'export', 'P001', '--out', join(g.scratch, 'y'), '--media', 'all']);
    expect(bad.code).toBe(2);
  });
});

describe('clearframe people erase', () => {
  let erased: Awaited<ReturnType<typeof runJson>>;
  let checkpointBefore: ReturnType<typeof checkpointOf>;

  it('without --confirm only shows what would go, exits 2, and changes nothing', async () => {
    const preview = await runJson(g.home, ['people', 'erase', 'P001']);
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/Nothing was erased: run again with --confirm/);
    expect(preview.json).toEqual({
      erased: false,
      person: { id: g.ids.sanne, external_id: 'P001', name: 'Sanne de Vries' },
      consent_records: 2,
      consent_records_kept: 1,
      faces_tagged: 1,
      faces_suggested: 1,
      references: 1,
      publications: 1,
      takedown_channels: ['website'],
      audit_entries_redacted: expect.any(Number),
      free_text_mentions: 0,
      originals_with_name: 0,
      backups: 0,
    });
    expect((await runJson(g.home, ['consent', 'show', 'P001'])).code).toBe(0);
  });

  it('erases the person and their consent, tags and embeddings, and the audit log still verifies', async () => {
    checkpointBefore = checkpointOf(g.home);
    erased = await runJson(g.home, ['people', 'erase', 'P001', '--confirm']);
    expect(erased.code).toBe(0);
    expect(erased.json).toMatchObject({ erased: true, consent_records: 2, consent_records_kept: 1, takedown_channels: ['website'], audit_entry: expect.any(Number), scrubbed: true });
    expect(erased.json.audit_entries_redacted).toBeGreaterThanOrEqual(2);

    expect((await runJson(g.home, ['people', 'list'])).json.map((p: any) => p.external_id)).toEqual(['P002']);
    const gone = await runCli(['--home', g.home, 'consent', 'show', 'P001']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/No person with id or external id "P001"/);
    expect((await runCli(['--home', g.home, 'consent', 'show', String(g.ids.sanne)])).code).toBe(1);

    const verified = await runJson(g.home, ['audit', 'verify']);
    expect(verified.json).toEqual({ ok: true, entries: erased.json.audit_entry, first_bad: null });
    // A checkpoint taken before the erasure still holds: redacted entries keep their hash.
    expect(verifyHome(g.home, checkpointBefore)).toMatchObject({ ok: true, firstBad: null });
  });

  it('leaves no trace of her name, external id or birthday in the database file, and her brother untouched', () => {
    for (const file of ['library.sqlite', 'library.sqlite-wal']) {
      const path = join(g.home, file);
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      for (const trace of ['Sanne', 'Sane', 'P001', '2014-03-15', 'Mother of']) expect(bytes.includes(trace), `${trace} in ${file}`).toBe(false);
      expect(bytes.includes('Daan')).toBe(true);
    }
    const db = new Database(join(g.home, 'library.sqlite'), { readonly: true });
    try {
      const faces = db.prepare('SELECT id, state, person_id AS personId, suggested_person_id AS suggested FROM faces ORDER BY id').all();
      expect(faces).toEqual([
        { id: g.ids.sanneFace, state: 'unreviewed', personId: null, suggested: null },
        { id: g.ids.daanFace, state: 'person', personId: g.ids.daan, suggested: null },
        { id: g.ids.bidenFace, state: 'unreviewed', personId: null, suggested: null },
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM face_references').pluck().get()).toBe(0);
      expect(db.prepare('SELECT COUNT(*) FROM face_matching').pluck().get()).toBe(0);
      // Kept: the record the publication relied on, without its note, and the withdrawal that asks for takedown.
      expect(db.prepare('SELECT channel_key, status, note FROM consent_records WHERE person_id = ? ORDER BY id').all(g.ids.sanne)).toEqual([
        { channel_key: 'website', status: 'granted', note: null },
        { channel_key: 'website', status: 'withdrawn', note: null },
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM consent_records WHERE person_id = ?').pluck().get(g.ids.daan)).toBe(1);
      const erasure = db.prepare('SELECT details FROM audit_log WHERE seq = ?').pluck().get(erased.json.audit_entry) as string;
      expect(JSON.parse(erasure).redacted).toHaveLength(erased.json.audit_entries_redacted);
    } finally {
      db.close();
    }
  });

  it('keeps the publication, now listed to take down, and her photo blocked until someone reviews it again', async () => {
    const pubs = await runJson(g.home, ['publications', '--to-take-down']);
    expect(pubs.json).toEqual([expect.objectContaining({ id: g.ids.publication, visible: [g.ids.sanne, 'P002'], take_down: 'pending' })]);
    const check = await runJson(g.home, ['check', String(g.ids.twoPeople), '--channel', 'website']);
    expect(check.json[0].decision).toBe('blocked');
  });

  it('refuses an erased person and a second erasure', async () => {
    const again = await runCli(['--home', g.home, 'people', 'erase', String(g.ids.sanne), '--confirm']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(sentencePattern);
  });

  it('no audit update without a fresh erasure entry naming it; no consent note cleared for a person still there', () => {
    const db = new Database(join(g.home, 'library.sqlite'));
    try {
      expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('UPDATE consent_records SET note = NULL WHERE person_id = ?').run(g.ids.daan)).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE people SET first_name = 'Back' WHERE id = ?").run(g.ids.sanne)).toThrow(/erased person cannot be changed/);
    } finally {
      db.close();
    }
  });

  it('still catches a redacted entry edited afterwards', () => {
    const seq = JSON.parse(
      (new Database(join(g.home, 'library.sqlite'), { readonly: true }).prepare('SELECT details FROM audit_log WHERE seq = ?').pluck().get(erased.json.audit_entry) as string),
    ).redacted[0].seq as number;
    tamper(g.home, (db) => db.prepare("UPDATE audit_log SET details = replace(details, '[erased]', 'Someone Else') WHERE seq = ?").run(seq));
    expect(verifyHome(g.home).firstBad).toMatchObject({ seq, fault: 'changed' });
  });
});
