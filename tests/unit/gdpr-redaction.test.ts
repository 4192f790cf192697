import { describe, expect, it } from 'vitest';
import { erasureAction, verifyChain } from '../../electron/core/audit/verify-chain';
import { genesisHash, hashAuditEntry, type AuditEntry } from '../../electron/core/db/repositories/audit-repository';
import { isAboutPerson, redactDetails, type Identifiers } from '../../electron/core/gdpr/person-mentions';

const sanne: Identifiers = { fullNames: ['Sanne de Vries', 'Sane de Vries'], nameParts: ['Sanne', 'Sane', 'de Vries'], externalIds: ['P001'] };

describe('which audit details concern a person', () => {
  it('by subject, or by id in a person field anywhere in the details', () => {
    expect(isAboutPerson('person:7', {}, 7)).toBe(true);
    expect(isAboutPerson('face:3', { media: 1, before: { state: 'unreviewed', person: null }, after: { state: 'person', person: 7 } }, 7)).toBe(true);
    expect(isAboutPerson('publication:2', { channel: 'website', people: [3, 7] }, 7)).toBe(true);
    expect(isAboutPerson('media:4', { changes: [{ face: 9, person: 7, distance: 0.4 }] }, 7)).toBe(true);
    // Other numbers equal to the id are not people: a media id, a count.
    expect(isAboutPerson('media:7', { media: 7, found: 7, personId: 8 }, 7)).toBe(false);
  });
});

describe('pseudonymising details', () => {
  it("replaces the person's own fields in entries about them, ids and structure stay", () => {
    const details = { before: { id: 1, externalId: 'P001', firstName: 'Sane', lastName: 'de Vries', role: 'pupil', classId: 4, dateOfBirth: '2014-03-15' }, after: { id: 1, firstName: 'Sanne' } };
    expect(redactDetails(details, sanne, true)).toEqual({
      before: { id: 1, externalId: '[erased]', firstName: '[erased]', lastName: '[erased]', role: 'pupil', classId: 4, dateOfBirth: '[erased]' },
      after: { id: 1, firstName: '[erased]' },
    });
  });

  it('finds names in free text: full names anywhere, first or last names only in entries about the person', () => {
    const note = { question: 'May we show SANNE DE VRIES on the website?', by: 'juf.anna' };
    expect(redactDetails(note, sanne, false)).toEqual({ question: '[erased]', by: 'juf.anna' });
    expect(redactDetails({ question: 'Is Sanne in this one?' }, sanne, false)).toEqual({ question: 'Is Sanne in this one?' });
    expect(redactDetails({ question: 'Is Sanne in this one?' }, sanne, true)).toEqual({ question: '[erased]' });
    // A name inside another word is not the name.
    expect(redactDetails({ file: 'Sanneke.jpg' }, sanne, true)).toEqual({ file: 'Sanneke.jpg' });
    expect(redactDetails({ ref: 'P001' }, sanne, false)).toEqual({ ref: '[erased]' });
    expect(redactDetails({ ref: 'P0011' }, sanne, false)).toEqual({ ref: 'P0011' });
  });
});

/** A log as the repository writes it, then an erasure that redacts entry `target`, as erase-person does. */
function erasedLog(target: number, redacted: string, vouch: (e: AuditEntry, redactedHash: string) => object = (e, h) => ({ seq: e.seq, hash: e.hash, redactedHash: h })): AuditEntry[] {
  const log: AuditEntry[] = [];
  const append = (action: string, subject: string, details: unknown) => {
    const e = { seq: log.length + 1, at: `2026-01-0${log.length + 1}T00:00:00.000Z`, actor: 'admin', action, subject, details: JSON.stringify(details), prevHash: log.at(-1)?.hash ?? genesisHash };
    log.push({ ...e, hash: hashAuditEntry(e) });
  };
  append('person.created', 'person:1', { externalId: 'P001', role: 'pupil' });
  append('consent.granted', 'person:1', { channel: 'website' });
  const original = log[target - 1]!;
  const redactedHash = hashAuditEntry({ ...original, details: redacted });
  append(erasureAction, 'person:1', { redacted: [vouch(original, redactedHash)] });
  log[target - 1] = { ...original, details: redacted };
  return log;
}

describe('the chain after an erasure', () => {
  const redacted = JSON.stringify({ externalId: '[erased]', role: 'pupil' });

  it('verifies: the erasure entry vouches for the redacted entry with its kept hash and its redacted form', () => {
    expect(verifyChain(erasedLog(1, redacted))).toMatchObject({ ok: true, entries: 3, firstBad: null });
  });

  it('fails when the redacted content differs from what the erasure recorded, or the erasure names another hash', () => {
    expect(verifyChain(erasedLog(1, redacted).map((e) => (e.seq === 1 ? { ...e, details: '{"externalId":"P999","role":"pupil"}' } : e))).firstBad).toMatchObject({ seq: 1, fault: 'changed' });
    expect(verifyChain(erasedLog(1, redacted, (e, h) => ({ seq: e.seq, hash: 'f'.repeat(64), redactedHash: h }))).firstBad).toMatchObject({ seq: 1, fault: 'changed' });
    expect(verifyChain(erasedLog(1, redacted, (e) => ({ seq: 2, hash: e.hash, redactedHash: e.hash }))).firstBad).toMatchObject({ seq: 1, fault: 'changed' });
  });

  it('does not trust an erasure entry that was itself changed', () => {
    const log = erasedLog(1, redacted);
    const forged = log.map((e) => (e.seq === 3 ? { ...e, details: e.details.replace('"redacted"', '"redacted" ') } : e));
    expect(verifyChain(forged).firstBad).toMatchObject({ seq: 1, fault: 'changed' });
  });

  it('an entry of another kind cannot vouch for a change', () => {
    const log = erasedLog(1, redacted);
    const e3 = { ...log[2]!, action: 'person.updated' };
    const rehashed = { ...e3, hash: hashAuditEntry(e3) };
    expect(verifyChain([log[0]!, log[1]!, rehashed]).firstBad).toMatchObject({ seq: 1, fault: 'changed' });
  });
});
