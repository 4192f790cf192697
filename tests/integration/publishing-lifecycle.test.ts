import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { consentForms } from '../../electron/core/publishing/consent-forms';
import { consentLifecycle } from '../../electron/core/publishing/consent-lifecycle';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { addConsent, addPerson, exportLibrary } from './export-kit';

let t: ReturnType<typeof exportLibrary>;
let classId: number;
beforeEach(() => {
  t = exportLibrary('cf-lifecycle-');
  const oak = createSchool(t.lib, localAdmin, 'oak', 'Oak School');
  classId = createClass(t.lib, localAdmin, oak.id, 'Group 8').id;
  const noor = addPerson(t.lib, { firstName: 'Noor', role: 'pupil', schoolId: oak.id, classId, dateOfBirth: '2010-06-10' });
  const daan = addPerson(t.lib, { firstName: 'Daan', role: 'pupil', schoolId: oak.id, classId, dateOfBirth: '2015-01-01' });
  addConsent(t.lib, noor.id, 'website', 'granted', '2025-09-01', '2026-07-31', 'guardian');
  addConsent(t.lib, daan.id, 'website', 'granted', '2025-09-01', '2026-06-20', 'guardian');
  addConsent(t.lib, daan.id, 'facebook', 'granted', '2025-09-01', '2026-09-01', 'guardian');
  // Withdrawn: no longer granted, so nothing to renew.
  addConsent(t.lib, daan.id, 'x', 'granted', '2025-09-01', '2026-06-25', 'guardian');
  addConsent(t.lib, daan.id, 'x', 'withdrawn', '2026-01-01', null, 'guardian');
});
afterEach(() => t.cleanup());

describe('consent lifecycle', () => {
  it('lists granted consents ending within the days (marking the school year end) and pupils turning 16', () => {
    const r = consentLifecycle(t.lib, 60, '2026-06-05');
    expect(r.expiring.map((e) => [e.name.split(' ')[0], e.channel, e.validUntil, e.schoolYearEnd])).toEqual([
      ['Daan', 'website', '2026-06-20', false],
      ['Noor', 'website', '2026-07-31', true],
    ]);
    expect(r.turningSixteen).toEqual([expect.objectContaining({ ownConsentFrom: '2026-06-10', currentGivers: ['guardian'], className: 'Group 8' })]);
    expect(consentLifecycle(t.lib, 3, '2026-06-05')).toEqual({ expiring: [], turningSixteen: [] });
  });

  it('prints one PDF page per pupil of the class and audits it', async () => {
    const file = join(t.scratch, 'forms.pdf');
    const r = await consentForms(t.lib, localAdmin, { classId, language: 'nl', outFile: file });
    expect(r).toEqual({ file, pages: 2, pdfBase64: null });
    const pdf = readFileSync(file, 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(t.lib.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'consent.forms_printed'").get()).toEqual({ n: 1 });
  });
});
