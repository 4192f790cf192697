import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import type { Library } from '../../electron/core/library';
import { consentMatrix, consentOverview, setConsent } from '../../electron/core/services/consent-service';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { createPerson } from '../../electron/core/services/people-service';
import { tempLibrary } from '../helpers/temp-library';

let lib: Library;
let cleanup: () => void;
let classId: number;

beforeEach(() => {
  ({ lib, cleanup } = tempLibrary());
  const school = createSchool(lib, localAdmin, 'de-linde', 'De Linde');
  classId = createClass(lib, localAdmin, school.id, 'Groep 8').id;
  createPerson(lib, localAdmin, {
    externalId: 'P001', firstName: 'Sanne', lastName: 'de Vries', role: 'pupil', schoolId: null, classId, dateOfBirth: '2010-03-15',
  });
  createPerson(lib, localAdmin, {
    externalId: 'S001', firstName: 'Karin', lastName: 'Bakker', role: 'staff', schoolId: school.id, classId: null, dateOfBirth: null,
  });
});
afterEach(() => cleanup());

describe('consent records', () => {
  it('append a record per change and keep the whole history, oldest first', () => {
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'granted', givenOn: '2025-09-01' });
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'withdrawn', givenOn: '2025-11-01' });
    const overview = consentOverview(lib, 'P001', '2025-12-01');
    expect(overview.history.map((r) => r.status)).toEqual(['granted', 'withdrawn']);
    expect(overview.current.find((c) => c.channel === 'website')?.state).toBe('withdrawn');
    expect(consentOverview(lib, 'P001', '2025-10-01').current.find((c) => c.channel === 'website')?.state).toBe('granted');
  });

  it('default to the guardian for a minor, and to the end of the school year', () => {
    const r = setConsent(lib, localAdmin, 'P001', { channel: 'facebook', status: 'granted', givenOn: '2025-09-10' });
    expect(r.givenBy).toBe('guardian');
    expect(r.validUntil).toBe('2026-07-31');
  });

  it('refuse wrong givers, unknown channels and unknown people with a sentence', () => {
    expect(() => setConsent(lib, localAdmin, 'S001', { channel: 'website', status: 'granted', givenBy: 'guardian' })).toThrow(/answer for themselves/);
    expect(() => setConsent(lib, localAdmin, 'P001', { channel: 'tiktok', status: 'granted' })).toThrow(/Unknown channel "tiktok"/);
    expect(() => setConsent(lib, localAdmin, 'NOPE', { channel: 'website', status: 'granted' })).toThrow(/No person/);
  });

  it('write each change and its audit entry together, chained by hash', () => {
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'granted', givenOn: '2025-09-01' });
    const entries = lib.repos.audit.list();
    const last = entries.at(-1)!;
    expect(last.action).toBe('consent.granted');
    expect(last.prevHash).toBe(entries.at(-2)!.hash);
  });

  it('show the matrix of a class with a notice for pupils about to turn 16', () => {
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'granted', givenOn: '2025-09-01' });
    const matrix = consentMatrix(lib, classId, '2026-03-01');
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]!.ownConsentFrom).toBe('2026-03-15');
    expect(matrix.rows[0]!.cells.find((c) => c.channel === 'website')?.state).toBe('granted');
    expect(consentMatrix(lib, classId, '2026-03-15').rows[0]!.cells.find((c) => c.channel === 'website')?.state).toBe('needs_pupil');
  });
});

describe('dispatch', () => {
  it('validates input at the boundary and returns errors as values', async () => {
    const handlers = createHandlers(lib);
    const bad = await dispatch(handlers, 'consent.set', { person: 'P001', channel: 'website', status: 'maybe' }, localAdmin);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const badDate = await dispatch(handlers, 'consent.set', { person: 'P001', channel: 'website', status: 'granted', givenOn: '2025-02-30' }, localAdmin);
    expect(!badDate.ok && badDate.error.message).toMatch(/real date/);
    const unknown = await dispatch(handlers, 'nope.nothing', {}, localAdmin);
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const ok = await dispatch(handlers, 'consent.show', { person: 'P001' }, localAdmin);
    expect(ok.ok).toBe(true);
  });
});
