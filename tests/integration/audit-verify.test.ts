import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { genesisHash, hashAuditEntry, type AuditEntry } from '../../electron/core/db/repositories/audit-repository';
import { checkpointOf, libraryWithHistory, rawEntries, tamper, verifyHome, type RawEntry } from './audit-kit';
import { runCli, runJson, sentencePattern } from './cli-run';

let libraries: { remove: () => void }[] = [];
function library() {
  const l = libraryWithHistory();
  libraries.push(l);
  return l;
}
afterEach(() => {
  for (const l of libraries) l.remove();
  libraries = [];
});

/** The hash a forger computes: the published formula over the row as they wrote it. */
const hashOf = (r: RawEntry) =>
  hashAuditEntry({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details, prevHash: r.prev_hash });

describe('audit verify finds every kind of change made to the database file', () => {
  it('passes an untouched log and counts its entries', () => {
    const { home } = library();
    const report = verifyHome(home);
    expect(report).toEqual({ ok: true, entries: expect.any(Number), firstBad: null });
    // school, class, two people, four consent answers
    expect(report.entries).toBe(8);
  });

  it('an edited details field', () => {
    const { home } = library();
    tamper(home, (db) => db.prepare("UPDATE audit_log SET details = replace(details, '2025-11-01', '2025-08-01') WHERE seq = 7").run());
    expect(verifyHome(home)).toEqual({ ok: false, entries: 8, firstBad: { seq: 7, fault: 'changed', reason: expect.stringMatching(/changed after it was written/) } });
  });

  it('an edited actor or time', () => {
    const { home } = library();
    tamper(home, (db) => db.prepare("UPDATE audit_log SET actor = 'admin' WHERE seq = 6").run());
    expect(verifyHome(home).firstBad?.seq).toBe(6);
    tamper(home, (db) => db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 3").run());
    expect(verifyHome(home).firstBad).toMatchObject({ seq: 3, fault: 'changed' });
  });

  it('a deleted middle row', () => {
    const { home } = library();
    tamper(home, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 5').run());
    expect(verifyHome(home)).toEqual({ ok: false, entries: 7, firstBad: { seq: 5, fault: 'missing', reason: 'Entry 5 is missing: the log goes from entry 4 to entry 6.' } });
  });

  it('a deleted row with every later entry renumbered to close the gap', () => {
    const { home } = library();
    tamper(home, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
      for (let seq = 5; seq <= 8; seq++) db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq = ?').run(seq);
    });
    expect(verifyHome(home).firstBad).toEqual({ seq: 4, fault: 'unlinked', reason: expect.stringMatching(/does not link to the entry before it/) });
  });

  it('the first row deleted', () => {
    const { home } = library();
    tamper(home, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 1').run());
    expect(verifyHome(home).firstBad).toEqual({ seq: 1, fault: 'missing', reason: 'Entry 1 is missing: the log starts at entry 2.' });
  });

  it('a forged row appended with a made-up hash', () => {
    const { home } = library();
    tamper(home, (db) => {
      const last = rawEntries(db).at(-1)!;
      db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        9, new Date().toISOString(), 'admin', 'consent.granted', 'person:2', '{"channel":"facebook"}', last.hash, 'f'.repeat(64),
      );
    });
    expect(verifyHome(home).firstBad).toEqual({ seq: 9, fault: 'changed', reason: expect.stringMatching(/changed after it was written/) });
  });

  it('a forged row inserted in the middle with a correct hash, later entries moved up', () => {
    const { home } = library();
    tamper(home, (db) => {
      const rows = rawEntries(db);
      for (let seq = rows.length; seq >= 4; seq--) db.prepare('UPDATE audit_log SET seq = seq + 1 WHERE seq = ?').run(seq);
      const forged: RawEntry = {
        seq: 4, at: rows[3]!.at, actor: 'admin', action: 'consent.granted', subject: 'person:2', details: '{"channel":"website"}', prev_hash: rows[2]!.hash, hash: '',
      };
      forged.hash = hashOf(forged);
      db.prepare('INSERT INTO audit_log VALUES (@seq, @at, @actor, @action, @subject, @details, @prev_hash, @hash)').run(forged);
    });
    // The forged row itself links and hashes correctly; the entry after it no longer links to it.
    expect(verifyHome(home)).toEqual({ ok: false, entries: 9, firstBad: { seq: 5, fault: 'unlinked', reason: expect.stringMatching(/does not link/) } });
  });

  it('two rows swapped', () => {
    const { home } = library();
    tamper(home, (db) => {
      db.prepare('UPDATE audit_log SET seq = 100 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 100').run();
    });
    expect(verifyHome(home).firstBad).toMatchObject({ seq: 3, fault: 'unlinked' });
  });

  it('a value edited into a type the chain never holds (a blob)', () => {
    const { home } = library();
    tamper(home, (db) => db.prepare('UPDATE audit_log SET details = ? WHERE seq = 2').run(Buffer.from('{}')));
    expect(verifyHome(home).firstBad?.seq).toBe(2);
  });
});

describe('a checkpoint kept outside the library', () => {
  it('catches entries cut from the end, which the chain alone cannot', () => {
    const { home } = library();
    const checkpoint = checkpointOf(home);
    expect(checkpoint.seq).toBe(9);
    tamper(home, (db) => db.prepare('DELETE FROM audit_log WHERE seq >= 7').run());
    expect(verifyHome(home)).toEqual({ ok: true, entries: 6, firstBad: null });
    expect(verifyHome(home, checkpoint)).toEqual({
      ok: false,
      entries: 6,
      firstBad: { seq: 7, fault: 'cut_off', reason: 'The log ends at entry 6, but the checkpoint names entry 9: entries were removed from the end.' },
    });
  });

  it('catches a log rewritten from scratch with every hash recomputed', () => {
    const { home } = library();
    const checkpoint = checkpointOf(home);
    tamper(home, (db) => {
      let prev = genesisHash;
      for (const row of rawEntries(db)) {
        const details = row.seq === 7 ? row.details.replace('2025-11-01', '2025-08-01') : row.details;
        const rewritten = { ...row, details, prev_hash: prev };
        rewritten.hash = hashOf(rewritten);
        db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(details, prev, rewritten.hash, row.seq);
        prev = rewritten.hash;
      }
    });
    expect(verifyHome(home)).toEqual({ ok: true, entries: 9, firstBad: null });
    expect(verifyHome(home, checkpoint).firstBad).toEqual({ seq: 9, fault: 'not_checkpoint', reason: expect.stringMatching(/rewritten at or before this entry/) });
  });

  it('still verifies after later, honest entries', () => {
    const { home } = library();
    const checkpoint = checkpointOf(home);
    const later = checkpointOf(home);
    expect(later.seq).toBe(checkpoint.seq + 1);
    expect(verifyHome(home, checkpoint)).toEqual({ ok: true, entries: 10, firstBad: null });
  });

  it('is refused when the file was edited, is of another library, or the library key was replaced', () => {
    const { home } = library();
    const checkpoint = checkpointOf(home);
    expect(() => verifyHome(home, { ...checkpoint, seq: 3 })).toThrow(/altered after it was signed/);
    const other = library();
    expect(verifyHome(other.home, checkpointOf(other.home)).ok).toBe(true);
    expect(() => verifyHome(other.home, checkpoint)).toThrow(/belongs to another library/);
    tamper(home, (db) => {
      const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
      db.prepare("UPDATE settings SET value = ? WHERE key = 'audit_signing_key'").run(pem);
    });
    expect(() => verifyHome(home, checkpoint)).toThrow(/signing key .* is not the one that signed the checkpoint/);
  });
});

describe('clearframe audit verify and checkpoint', () => {
  it('print {ok, entries, first_bad} exactly, and exit 1 with a sentence when the log was altered', async () => {
    const { root, home } = library();
    const clean = await runJson(home, ['audit', 'verify']);
    expect(clean.code).toBe(0);
    expect(clean.json).toEqual({ ok: true, entries: 8, first_bad: null });

    const file = join(root, 'checkpoint.json');
    const written = await runJson(home, ['audit', 'checkpoint', '--out', file]);
    expect(written.code).toBe(0);
    expect(written.json).toEqual({ file, library: expect.any(String), seq: 9, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    const again = await runCli(['--home', home, 'audit', 'checkpoint', '--out', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; choose a new name/);

    tamper(home, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 9').run());
    expect((await runJson(home, ['audit', 'verify'])).json).toEqual({ ok: true, entries: 8, first_bad: null });
    const cut = await runJson(home, ['audit', 'verify', '--checkpoint', file]);
    expect(cut.code).toBe(1);
    expect(cut.json).toEqual({ ok: false, entries: 8, first_bad: { seq: 9, reason: expect.stringMatching(/removed from the end/) } });
    expect(cut.stderr).toMatch(/^clearframe: The audit log does not verify: /);

    tamper(home, (db) => db.prepare("UPDATE audit_log SET subject = 'person:1' WHERE seq = 6").run());
    const edited = await runJson(home, ['audit', 'verify']);
    expect(edited.code).toBe(1);
    expect(edited.json).toEqual({ ok: false, entries: 8, first_bad: { seq: 6, reason: expect.stringMatching(/changed after it was written/) } });
  });

  it('refuse a checkpoint file that is not one', async () => {
    const { root, home } = library();
    const file = join(root, 'not-a-checkpoint.json');
    writeFileSync(file, '{"format": "something else"}');
    const r = await runCli(['--home', home, 'audit', 'verify', '--checkpoint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(sentencePattern);
  });
});

describe('the chain check, over any log and any single change (property)', () => {
  const entry = fc.record({
    actor: fc.constantFrom('admin', 'juf.anna', 'cli:jan'),
    action: fc.constantFrom('consent.granted', 'consent.withdrawn', 'person.updated', 'media.imported'),
    subject: fc.constantFrom('person:1', 'person:2', 'media:3'),
    details: fc.json(),
  });

  function chain(contents: { actor: string; action: string; subject: string; details: string }[]): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const [i, c] of contents.entries()) {
      const e = { seq: i + 1, at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), ...c, prevHash: out.at(-1)?.hash ?? genesisHash };
      out.push({ ...e, hash: hashAuditEntry(e) });
    }
    return out;
  }

  type Change = (log: AuditEntry[], i: number) => AuditEntry[];
  const changes: Record<string, Change> = {
    edit: (log, i) => log.map((e, j) => (j === i ? { ...e, details: `${e.details} ` } : e)),
    delete: (log, i) => log.filter((_, j) => j !== i),
    duplicate: (log, i) => [...log.slice(0, i + 1), { ...log[i]! }, ...log.slice(i + 1)].map((e, j) => ({ ...e, seq: j + 1 })),
    swap: (log, i) => {
      const j = i === log.length - 1 ? i - 1 : i + 1;
      const copy = [...log];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy.map((e, k) => ({ ...e, seq: k + 1 }));
    },
  };

  it('a changed log never verifies against a checkpoint of its head', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 30 }), fc.nat(), fc.constantFrom(...Object.keys(changes)), (contents, at, kind) => {
        const log = chain(contents);
        const head = log.at(-1)!;
        expect(verifyChain(log, head).ok).toBe(true);
        const changed = changes[kind]!(log, at % log.length);
        expect(verifyChain(changed, head).ok).toBe(false);
      }),
    );
  });
});
