import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genesisHash, createAuditRepository } from '../../electron/core/db/repositories/audit-repository';
import { migrations } from '../../electron/core/db/migrations';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { createAuditReadRepository } from '../../electron/core/db/repositories/audit-read-repository';

const auditLogVersion = migrations.find((m) => m.name === 'audit-log')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  for (const m of migrations.filter((m) => m.version < auditLogVersion)) db.exec(m.sql);
});
afterEach(() => db.close());

describe(`migration ${auditLogVersion}: the audit log refuses anything but an append`, () => {
  it('keeps an existing log, which still verifies, and appends continue the chain', () => {
    const audit = createAuditRepository(db);
    audit.append('admin', 'person.created', 'person:1', { externalId: 'P001' });
    audit.append('admin', 'consent.granted', 'person:1', { channel: 'website' });
    db.exec(migrations.find((m) => m.version === auditLogVersion)!.sql);
    audit.append('juf.anna', 'consent.withdrawn', 'person:1', { channel: 'website' });
    expect(verifyChain(createAuditReadRepository(db).inOrder())).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses updates, deletes and inserts that do not follow the last entry, at the database itself', () => {
    const audit = createAuditRepository(db);
    db.exec(migrations.find((m) => m.version === auditLogVersion)!.sql);
    const first = audit.append('admin', 'person.created', 'person:1', {});
    audit.append('admin', 'person.created', 'person:2', {});
    expect(() => db.exec("UPDATE audit_log SET details = '{\"forged\":1}' WHERE seq = 1")).toThrow(/append-only: entries cannot be changed/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only: entries cannot be removed/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // A number already taken, a gap, and the right number naming the wrong previous entry.
    expect(() => insert.run(2, 'now', 'x', 'x', 'x', '{}', first.hash, 'h')).toThrow();
    expect(() => insert.run(5, 'now', 'x', 'x', 'x', '{}', first.hash, 'h')).toThrow(/must follow the last one/);
    expect(() => insert.run(3, 'now', 'x', 'x', 'x', '{}', first.hash, 'h')).toThrow(/must follow the last one/);
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(2);
  });

  it('lets the first entry of an empty log name the genesis hash, and nothing else', () => {
    db.exec(migrations.find((m) => m.version === auditLogVersion)!.sql);
    const insert = db.prepare('INSERT INTO audit_log VALUES (1, ?, ?, ?, ?, ?, ?, ?)');
    expect(() => insert.run('now', 'x', 'x', 'x', '{}', 'a'.repeat(64), 'h')).toThrow(/must follow the last one/);
    expect(() => insert.run('now', 'x', 'x', 'x', '{}', genesisHash, 'h')).not.toThrow();
  });
});
