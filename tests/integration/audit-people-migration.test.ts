import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { migrations } from '../../electron/core/db/migrations';
import { createAuditReadRepository } from '../../electron/core/db/repositories/audit-read-repository';
import { createAuditRepository } from '../../electron/core/db/repositories/audit-repository';

const version = migrations.find((m) => m.name === 'audit-people')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version < version)) db.exec(m.sql);
});
afterEach(() => db.close());

const migrate = () => db.exec(migrations.find((m) => m.version === version)!.sql);
const seqsOf = (personId: number) => createAuditReadRepository(db).search({ personId }, 'oldest', 100, 0).map((e) => e.seq);

/** One entry of each shape the person filter knows, and some that only look like them. */
function appendMixedEntries(audit: ReturnType<typeof createAuditRepository>) {
  audit.append('admin', 'person.created', 'person:7', { externalId: 'P7' }); // 1: subject
  audit.append('admin', 'face.tagged', 'face:3', { personId: 7, mediaId: 1 }); // 2: personId
  audit.append('admin', 'export.done', 'publication:1', { personIds: [5, 7] }); // 3: personIds
  audit.append('admin', 'person.created', 'person:70', {}); // 4: another person
  audit.append('admin', 'note', 'person:7x', { personId: '7', personIds: ['7'], count: 7 }); // 5: text, and a 7 that is no person
  audit.append('admin', 'odd', 'media:1', 'not json {'); // 6: details that are not JSON
  audit.append('admin', 'face.assigned', 'face:9', { media: 1, before: { person: null }, after: { person: 5 } }); // 7: nested
  audit.append('admin', 'publication.taken_down', 'publication:1', { people: [{ personId: 7, externalId: 'P7' }] }); // 8: in a list
}

describe(`migration ${version}: which audit entries concern which person`, () => {
  it('indexes the entries already in the log by the rule erasure uses, and the chain still verifies', () => {
    const audit = createAuditRepository(db);
    appendMixedEntries(audit);
    migrate();
    expect(seqsOf(7)).toEqual([1, 2, 3, 8]);
    expect(seqsOf(5)).toEqual([3, 7]);
    expect(seqsOf(70)).toEqual([4]);
    expect(verifyChain(createAuditReadRepository(db).inOrder())).toMatchObject({ ok: true, entries: 8 });
  });

  it('indexes entries appended afterwards, as they are appended', () => {
    migrate();
    appendMixedEntries(createAuditRepository(db));
    expect(seqsOf(7)).toEqual([1, 2, 3, 8]);
    expect(seqsOf(5)).toEqual([3, 7]);
    expect(db.prepare('SELECT COUNT(*) FROM audit_people').pluck().get()).toBe(7);
  });
});
