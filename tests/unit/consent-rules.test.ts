import { describe, expect, it } from 'vitest';
import { evaluateConsent, requiredGiver } from '../../shared/domain/consent';
import { ageOn, endOfSchoolYear } from '../../shared/domain/dates';
import { consent as record } from './decision-fixtures';

const pupil = { role: 'pupil' as const, dateOfBirth: '2010-03-15' };

describe('who must answer', () => {
  it('is the guardian until the day before the 16th birthday, then the pupil', () => {
    expect(requiredGiver(pupil, '2026-03-14')).toBe('guardian');
    expect(requiredGiver(pupil, '2026-03-15')).toBe('pupil');
  });
  it('is the member of staff for staff, and the guardian for a pupil without a date of birth', () => {
    expect(requiredGiver({ role: 'staff', dateOfBirth: null }, '2026-01-01')).toBe('self');
    expect(requiredGiver({ role: 'pupil', dateOfBirth: null }, '2026-01-01')).toBe('guardian');
  });
  it('counts a 29 February birthday as passed on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
  });
});

describe('consent on a date', () => {
  it('ends at the end of the school year by default', () => {
    expect(endOfSchoolYear('2025-09-01')).toBe('2026-07-31');
    expect(endOfSchoolYear('2026-07-31')).toBe('2026-07-31');
    expect(endOfSchoolYear('2026-08-01')).toBe('2027-07-31');
  });
  it('treats granted-then-withdrawn as no consent, but only from the withdrawal on', () => {
    const history = [record({ givenOn: '2025-09-01' }), record({ status: 'withdrawn', givenOn: '2025-12-01', validUntil: null })];
    expect(evaluateConsent(pupil, history, 'website', '2025-11-30').state).toBe('granted');
    expect(evaluateConsent(pupil, history, 'website', '2025-12-01').state).toBe('withdrawn');
  });
  it('expires after valid_until', () => {
    const history = [record({ validUntil: '2025-12-31' })];
    expect(evaluateConsent(pupil, history, 'website', '2026-01-01').state).toBe('expired');
  });
  it("no longer accepts the guardian's consent from the 16th birthday", () => {
    const history = [record({ givenOn: '2025-09-01', validUntil: '2026-07-31' })];
    expect(evaluateConsent(pupil, history, 'website', '2026-03-14').state).toBe('granted');
    expect(evaluateConsent(pupil, history, 'website', '2026-03-15').state).toBe('needs_pupil');
    const own = [...history, record({ givenBy: 'pupil', givenOn: '2026-03-15' })];
    expect(evaluateConsent(pupil, own, 'website', '2026-03-15').state).toBe('granted');
  });
  it('keeps channels apart and reports none where nothing was recorded', () => {
    const history = [record({ channel: 'facebook' })];
    expect(evaluateConsent(pupil, history, 'website', '2025-10-01').state).toBe('none');
    expect(evaluateConsent(pupil, history, 'facebook', '2025-10-01').state).toBe('granted');
  });
});
