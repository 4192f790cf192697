import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { createMediaMarksRepository } from '../../electron/core/db/repositories/media-marks-repository';
import { createPublicationRepository } from '../../electron/core/db/repositories/publication-repository';

const exportVersion = migrations.find((m) => m.name === 'export')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version < exportVersion)) db.exec(m.sql);
  db.exec(`INSERT INTO channels (key, name, kind, sort) VALUES ('website', 'Website', 'external', 1);
    INSERT INTO people (id, external_id, first_name, last_name, role, created_at, updated_at) VALUES (1, 'P1', 'Ann', 'A', 'staff', 'now', 'now');
    INSERT INTO consent_records (id, person_id, channel_key, status, given_by, given_on, source, recorded_at, recorded_by)
      VALUES (1, 1, 'website', 'granted', 'self', '2025-09-01', 'manual', 'now', 'admin');
    INSERT INTO media (id, sha256, kind, name, ext, byte_size, mime, imported_at, sort_at)
      VALUES (1, '${'a'.repeat(64)}', 'photo', 'a.jpg', 'jpg', 1, 'image/jpeg', 'now', 'now');`);
});
afterEach(() => db.close());

function publish(): number {
  const repo = createPublicationRepository(db);
  const id = repo.reserve({ createdBy: 'admin', channel: 'website', identityKey: 'foundation', identityName: 'Foundation', decisionDate: '2026-01-15', policy: '{}', outDir: '/out' });
  repo.complete(id, [{ index: 1, mediaId: 1, fileName: '/out/a.jpg', sha256: 'b'.repeat(64), decision: 'publishable', removedAudio: false, details: '{}' }], [
    { fileIndex: 1, personId: 1, shown: 'visible', consentRecordId: 1, reason: null },
  ]);
  return id;
}

describe(`migration ${exportVersion}: media marks and the publication register`, () => {
  it('starts every existing media item unmarked, and keeps marks once set', () => {
    db.exec(migrations.find((m) => m.version === exportVersion)!.sql);
    const marks = createMediaMarksRepository(db);
    expect(marks.get(1)).toEqual({ mediaId: 1, confidential: false, notForPublication: null, audioRights: 'unknown', thirdPartyPermission: null });
    marks.set({ mediaId: 1, confidential: true, notForPublication: 'sick bay', audioRights: 'own', thirdPartyPermission: { channels: ['website'], until: null, evidence: null } }, 'admin');
    expect(marks.get(1)).toMatchObject({ confidential: true, notForPublication: 'sick bay', thirdPartyPermission: { channels: ['website'] } });
    expect(() => db.exec("UPDATE media_marks SET audio_rights = 'maybe'")).toThrow(/CHECK/);
  });

  it('keeps published files and people as evidence: no change, no removal', () => {
    db.exec(migrations.find((m) => m.version === exportVersion)!.sql);
    const id = publish();
    expect(() => db.exec("UPDATE publication_files SET sha256 = 'forged'")).toThrow(/evidence/);
    expect(() => db.exec('DELETE FROM publication_files')).toThrow(/evidence/);
    expect(() => db.exec("UPDATE publication_people SET shown = 'blurred'")).toThrow(/evidence/);
    expect(() => db.exec('DELETE FROM publication_people')).toThrow(/evidence/);
    expect(() => db.exec('DELETE FROM publications')).toThrow(/evidence/);
    // The publication itself only gains its post URL and its takedown.
    createPublicationRepository(db).setPostUrl(id, 'https://example.org/post/1');
    expect(createPublicationRepository(db).get(id, '2026-01-15')).toMatchObject({ postUrl: 'https://example.org/post/1', takeDown: 'none' });
  });

  it('computes "to take down" from consent records appended later, as of the day asked', () => {
    db.exec(migrations.find((m) => m.version === exportVersion)!.sql);
    const id = publish();
    db.exec(`INSERT INTO consent_records (person_id, channel_key, status, given_by, given_on, source, recorded_at, recorded_by)
      VALUES (1, 'website', 'withdrawn', 'self', '2026-02-01', 'manual', 'now', 'admin')`);
    const repo = createPublicationRepository(db);
    expect(repo.get(id, '2026-01-31')!.takeDown).toBe('none');
    expect(repo.get(id, '2026-02-01')).toMatchObject({ takeDown: 'pending', withdrawnPeople: [1] });
    repo.markTakedownDone(id, 'admin');
    expect(repo.get(id, '2026-02-01')!.takeDown).toBe('done');
  });

  it('lists only completed publications: one whose files were never all written is not in the register', () => {
    db.exec(migrations.find((m) => m.version === exportVersion)!.sql);
    const repo = createPublicationRepository(db);
    const abandoned = repo.reserve({ createdBy: 'admin', channel: 'website', identityKey: 'foundation', identityName: 'Foundation', decisionDate: '2026-01-15', policy: '{}', outDir: '/out' });
    repo.abandon(abandoned);
    const done = publish();
    expect(repo.list({}, '2026-01-15').map((p) => p.id)).toEqual([done]);
  });
});
