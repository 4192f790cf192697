import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { migrations } from '../../electron/core/db/migrations';
import { createAuditReadRepository } from '../../electron/core/db/repositories/audit-read-repository';
import { createAuditRepository } from '../../electron/core/db/repositories/audit-repository';

const gdprVersion = migrations.find((m) => m.name === 'gdpr')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version < gdprVersion)) db.exec(m.sql);
  db.exec(`INSERT INTO channels (key, name, kind, sort) VALUES ('website', 'Website', 'external', 1);
    INSERT INTO people (id, external_id, first_name, last_name, role, created_at, updated_at) VALUES (1, 'P1', 'Ann', 'A', 'pupil', 'now', 'now');
    INSERT INTO consent_records (id, person_id, channel_key, status, given_by, given_on, note, source, recorded_at, recorded_by)
      VALUES (1, 1, 'website', 'granted', 'guardian', '2025-09-01', 'signed by Ann''s mother', 'manual', 'now', 'admin');`);
});
afterEach(() => db.close());

const migrate = () => db.exec(migrations.find((m) => m.version === gdprVersion)!.sql);

describe(`migration ${gdprVersion}: erasure of a person`, () => {
  it('keeps people as they were (not erased) and an existing audit log that still verifies', () => {
    const audit = createAuditRepository(db);
    audit.append('admin', 'person.created', 'person:1', { externalId: 'P1' });
    migrate();
    audit.append('admin', 'consent.granted', 'person:1', { channel: 'website' });
    expect(db.prepare('SELECT erased_at FROM people WHERE id = 1').pluck().get()).toBeNull();
    expect(verifyChain(createAuditReadRepository(db).inOrder())).toMatchObject({ ok: true, entries: 2 });
  });

  it('lets an audit entry change only while the newest entry is an erasure that names it, and nothing but its details', () => {
    const audit = createAuditRepository(db);
    migrate();
    const first = audit.append('admin', 'person.created', 'person:1', { externalId: 'P1' });
    expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 1").run()).toThrow(/append-only: entries cannot be changed/);
    audit.append('admin', 'person.erased', 'person:1', { redacted: [{ seq: 1, hash: first.hash, redactedHash: 'x' }] });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET details = '{\"externalId\":\"[erased]\"}' WHERE seq = 1").run()).not.toThrow();
    // Once anything follows the erasure, the door is shut again.
    audit.append('admin', 'consent.granted', 'person:2', {});
    expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it("clears a consent record's note and evidence only for an erased person, changes nothing else, and keeps the erased erased", () => {
    migrate();
    expect(() => db.prepare('UPDATE consent_records SET note = NULL').run()).toThrow(/consent records are append-only/);
    db.prepare("UPDATE people SET first_name = '', last_name = '', external_id = NULL, erased_at = 'now' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE consent_records SET status = 'refused'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE consent_records SET note = 'other'").run()).toThrow(/append-only/);
    db.prepare('UPDATE consent_records SET note = NULL, evidence = NULL').run();
    expect(db.prepare('SELECT note FROM consent_records').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE people SET first_name = 'Ann' WHERE id = 1").run()).toThrow(/erased person cannot be changed/);
  });
});
