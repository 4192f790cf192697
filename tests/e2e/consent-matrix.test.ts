import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayIso } from '../../shared/domain/dates';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { api } from './harness/page-api';
import { saveScreenshot } from './harness/screenshots';

let app: LaunchedApp;

/** Presses Tab until the focused element is the one named, as a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
  }
  throw new Error(`Tab never reached "${name}".`);
}

beforeAll(async () => {
  app = await launchApp();
});

afterAll(async () => {
  await app?.close();
});

it('changes a consent cell with the keyboard and keeps the old record in the history', async () => {
  const { page } = app;
  // The UI starts in the system language; these steps are written against the English texts.
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('heading', { name: 'Welcome to ClearFrame' }).waitFor();
  const school = await api<{ id: number }>(page, 'schools.create', { key: 'de-linde', name: 'De Linde' });
  const cls = await api<{ id: number }>(page, 'classes.create', { schoolId: school.id, name: 'Groep 7' });
  const person = await api<{ id: number }>(page, 'people.create', {
    externalId: 'E2E-1',
    firstName: 'Fenna',
    lastName: 'Kuipers',
    role: 'pupil',
    schoolId: school.id,
    classId: cls.id,
    dateOfBirth: addDays(todayIso(), -10 * 366),
  });
  await api(page, 'consent.set', { person: 'E2E-1', channel: 'website', status: 'granted', givenOn: addDays(todayIso(), -7) });

  await page.goto(new URL(`/#/people/${cls.id}`, page.url()).href);
  const matrix = page.getByRole('grid', { name: /Consent per person and channel/ });
  const website = page.getByTestId(`cell-${person.id}-website`);
  await website.getByText('Granted').waitFor();

  // Keyboard only: into the matrix on the person's name, right to the website cell, Enter opens it.
  await matrix.getByRole('button', { name: 'Fenna Kuipers', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await website.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Fenna Kuipers — Website' });
  await popover.waitFor();
  // Focus starts on the first answer; arrow keys move through granted → refused → withdrawn.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await popover.getByRole('radio', { name: 'Withdrawn' }).isChecked()).toBe(true);
  await tabTo(page, 'Record answer');
  await page.keyboard.press('Enter');
  await popover.waitFor({ state: 'detached' });

  await website.getByText('Withdrawn').waitFor();
  // Focus came back to the cell; Home goes to the person, Enter opens their panel.
  expect(await website.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Fenna Kuipers' });
  const history = panel.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect.poll(() => history.count()).toBe(2);
  expect(await history.nth(0).textContent()).toContain('Granted');
  expect(await history.nth(1).textContent()).toContain('Withdrawn');

  await saveScreenshot(page, 'e2e-consent-history');
  expect(app.errors).toEqual([]);
});
