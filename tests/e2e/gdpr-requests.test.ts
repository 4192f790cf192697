import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/domain/dates';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { api } from './harness/page-api';
import { saveScreenshot } from './harness/screenshots';

/** A data-subject request in the browser: a ZIP of the person's data from their panel, then erasure; and a PDF report from the audit view. */
let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

it('exports a person\'s data as a ZIP, then erases them after they confirm; the audit view makes a PDF report', async () => {
  const { page, home } = app;
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('heading', { name: 'Welcome to ClearFrame' }).waitFor();
  const school = await api<{ id: number }>(page, 'schools.create', { key: 'de-linde', name: 'De Linde' });
  const cls = await api<{ id: number }>(page, 'classes.create', { schoolId: school.id, name: 'Groep 7' });
  const pupil = { role: 'pupil', schoolId: school.id, classId: cls.id, dateOfBirth: addDays(todayIso(), -10 * 366) };
  await api(page, 'people.create', { ...pupil, externalId: 'E2E-1', firstName: 'Fenna', lastName: 'Kuipers' });
  await api(page, 'people.create', { ...pupil, externalId: 'E2E-2', firstName: 'Bram', lastName: 'Kuipers' });
  await api(page, 'consent.set', { person: 'E2E-1', channel: 'website', status: 'granted' });

  await page.goto(new URL(`/#/people/${cls.id}`, page.url()).href);
  await page.getByRole('grid', { name: /Consent per person and channel/ }).getByRole('button', { name: 'Fenna Kuipers', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Fenna Kuipers' });
  await panel.getByRole('button', { name: 'Data requests' }).click();
  const dialog = page.getByRole('dialog', { name: 'Data requests: Fenna Kuipers' });
  await dialog.waitFor();
  await dialog.getByLabel('Save in folder').fill(home);
  await dialog.getByRole('button', { name: 'Export data' }).click();
  const written = dialog.getByRole('status');
  await written.waitFor();
  const zip = /Written to (\S+\.zip)/.exec((await written.textContent()) ?? '')?.[1];
  expect(zip && existsSync(zip)).toBe(true);
  expect(zip!.startsWith(join(home, 'clearframe-person-'))).toBe(true);

  await expect.poll(() => dialog.getByText(/audit entries lose the name/).count()).toBe(1);
  const erase = dialog.getByRole('button', { name: 'Erase Fenna Kuipers' });
  expect(await erase.isDisabled()).toBe(true);
  await dialog.getByLabel('I understand that this cannot be undone.').check();
  await saveScreenshot(page, 'e2e-gdpr-requests');
  await erase.click();
  await dialog.getByText(/Fenna Kuipers was erased/).waitFor();
  await dialog.locator('.form-actions').getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(async () => (await api<{ externalId: string }[]>(page, 'people.list', {})).map((p) => p.externalId)).toEqual(['E2E-2']);

  await page.goto(new URL('/#/audit', page.url()).href);
  const reports = page.getByRole('region', { name: 'Reports (PDF)' });
  const download = page.waitForEvent('download');
  await reports.getByRole('button', { name: 'Make consent report' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^consent-de-linde-Groep-7-\d{4}-\d{2}-\d{2}\.pdf$/);
  await reports.getByRole('status').waitFor();
  await saveScreenshot(page, 'e2e-audit-reports');
  expect((await api<{ ok: boolean }>(page, 'audit.verify', {})).ok).toBe(true);
  expect(app.errors).toEqual([]);
});
