import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { updateMedia } from '../../electron/core/media/media-service';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { addPerson, facesDir, importMedia } from '../integration/export-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { addProfiles, bothLanguages, signIn, signOut } from './harness/profiles';
import { saveScreenshot } from './harness/screenshots';

const root = mkdtempSync(join(tmpdir(), 'cf-e2e-profiles-'));
const home = join(root, 'library');
let app: LaunchedApp;
let photo: number;

beforeAll(async () => {
  // Oak School, Group 8 with two pupils, one photo; the admin and staff member sam have passwords.
  const lib = openLibrary(home);
  const oak = createSchool(lib, localAdmin, 'oak', 'Oak School');
  createSchool(lib, localAdmin, 'elm', 'Elm School');
  const group8 = createClass(lib, localAdmin, oak.id, 'Group 8');
  for (const firstName of ['Noor', 'Daan']) addPerson(lib, { schoolId: oak.id, classId: group8.id, role: 'pupil', dateOfBirth: '2015-05-01', firstName, lastName: 'Visser' });
  [photo] = await importMedia(lib, [join(facesDir, 'two_people.jpg')]);
  updateMedia(lib, localAdmin, String(photo), { schoolId: oak.id });
  await addProfiles(lib, [{ name: 'sam', roles: ['staff'] }]);
  lib.close();
  app = await launchApp({ home });
});

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Read straight from the library file, as a check on what the screens wrote. */
function query<T>(sql: string): T[] {
  const db = new Database(join(home, 'library.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function guarded(name: string, flow: (page: Page) => Promise<void>): Promise<void> {
  try {
    await flow(app.page);
  } catch (err) {
    await saveScreenshot(app.page, `${name}-failure`);
    throw err;
  }
  expect(app.errors).toEqual([]);
}

it('the admin adds, changes, resets and removes profiles, sets the lock time, and changes their own password', async () => {
  await guarded('e2e-profiles', async (page) => {
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => localStorage.setItem('clearframe.language', 'en'));
    await page.reload();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Profiles' }).click();
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: /sam/ }).waitFor();
    // The admin's own row offers no removal: a profile never removes itself, and it is the last admin.
    expect(await page.getByRole('button', { name: 'Remove: admin' }).count()).toBe(0);
    await bothLanguages(page, 'e2e-profiles');

    // Add management of Oak School with an initial password.
    await page.getByRole('button', { name: 'Add a profile…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a profile' });
    await add.getByLabel('Profile name').fill('lea');
    await add.getByRole('checkbox', { name: /^staff/ }).uncheck();
    await add.getByRole('checkbox', { name: /^management/ }).check();
    await add.getByRole('button', { name: 'Add profile' }).click();
    await add.getByText('Choose the schools this management profile manages.').waitFor();
    await add.getByRole('checkbox', { name: 'Oak School' }).check();
    await add.getByLabel('Initial password').fill('lea password 1');
    await add.getByLabel('Type it again').fill('lea password 1');
    await bothLanguages(page, 'e2e-profiles-add');
    await add.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('status').getByText('Added lea.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /lea/ }).innerText()).toMatch(/management\s+Oak School\s+set/);

    // sam also becomes an auditor.
    await page.getByRole('button', { name: 'Change roles: sam' }).click();
    const roles = page.getByRole('dialog', { name: 'Roles of sam' });
    await roles.getByRole('checkbox', { name: /^auditor/ }).check();
    await roles.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('The roles of sam are changed.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /sam/ }).innerText()).toMatch(/staff, auditor|auditor, staff/);

    // Reset sam's forgotten password; a mistyped repeat is caught before sending.
    await page.getByRole('button', { name: 'Reset password: sam' }).click();
    const reset = page.getByRole('dialog', { name: 'Reset the password of sam' });
    await reset.getByLabel('New password').fill('sam password 2');
    await reset.getByLabel('Type it again').fill('sam password 3');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await reset.getByText('The two passwords are not the same.').waitFor();
    await reset.getByLabel('Type it again').fill('sam password 2');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('The password of sam is reset.').waitFor();

    // Remove lea, after confirming; Escape on the confirmation changes nothing.
    await page.getByRole('button', { name: 'Remove: lea' }).click();
    await page.getByRole('dialog', { name: 'Remove lea?' }).waitFor();
    await bothLanguages(page, 'e2e-profiles-remove');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('row', { name: /lea/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove: lea' }).click();
    await page.getByRole('button', { name: 'Remove lea' }).click();
    await page.getByText('Removed lea.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /lea/ }).count()).toBe(0);

    // The lock time, then the admin's own password.
    await page.getByLabel('Minutes without use').fill('15');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('ClearFrame now locks after 15 minutes without use.').waitFor();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('admin password 2');
    await page.getByLabel('Type it again').fill('admin password 2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your current password is not right.').waitFor();
    await page.getByLabel('Current password').fill('admin password 1');
    await page.getByLabel('New password').fill('admin password 2');
    await page.getByLabel('Type it again').fill('admin password 2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    await signOut(page);

    // sam signs in with the reset password and sees only their own password and the lock time.
    await signIn(page, 'sam', 'sam password 2');
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByText('ClearFrame locks itself after 15 minutes without use. An admin can change this.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await bothLanguages(page, 'e2e-profiles-staff');
    await signOut(page);
    await signIn(page, 'admin', 'admin password 2');
    await signOut(page);
  });
  const actions = query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE action LIKE 'user.%' OR action LIKE 'settings.%' ORDER BY seq");
  expect(actions.filter((a) => a.actor === 'admin' && a.action !== 'user.signed_in' && a.action !== 'user.signed_out').map((a) => a.action)).toEqual(
    expect.arrayContaining(['user.added', 'user.roles_set', 'user.password_set', 'user.removed', 'settings.lock_minutes']),
  );
}, 180_000);

it('staff ask about a photo from its detail, and the open question shows there', async () => {
  await guarded('e2e-media-ask', async (page) => {
    await signIn(page, 'sam', 'sam password 2');
    await page.goto(`${new URL(page.url()).origin}/#/library/${photo}`);
    await page.getByRole('button', { name: 'In doubt? Ask' }).click();
    await page.getByLabel('Your question').fill('Is the man on the left the visitor who asked not to be shown?');
    await page.getByRole('button', { name: 'Send question' }).click();
    await page.getByText('“Is the man on the left the visitor who asked not to be shown?”').waitFor();
    await page.getByText('This cannot be published until the question is answered.').waitFor();
    await bothLanguages(page, 'e2e-media-ask');
  });
  expect(query<{ media_id: number; status: string }>('SELECT media_id, status FROM doubts')).toEqual([{ media_id: photo, status: 'open' }]);
}, 120_000);

it('the admin records the answers of a reconfirmation round with the keyboard', async () => {
  await guarded('e2e-checklist', async (page) => {
    await page.keyboard.press('Escape');
    await signOut(page);
    await signIn(page, 'admin', 'admin password 2');
    await page.getByRole('link', { name: 'Consent renewal' }).click();
    await page.getByRole('button', { name: 'Record the answers' }).click();
    const noorWebsite = page.getByRole('combobox', { name: 'Noor Visser, Website' });
    // From the keyboard, as with a pile of forms: Y for Noor's website, Tab to the next channel, N.
    await noorWebsite.focus();
    await page.keyboard.press('y');
    expect(await noorWebsite.inputValue()).toBe('yes');
    await page.keyboard.press('Tab');
    const next = page.getByRole('combobox', { name: /^Noor Visser, Newsletter/ });
    expect(await next.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('n');
    expect(await next.inputValue()).toBe('no');
    await page.getByRole('button', { name: 'All no for Daan Visser' }).click();
    await page.getByLabel('Forms received on').fill('2026-09-14');
    const channels = query<{ key: string }>('SELECT key FROM channels').length;
    await page.getByRole('button', { name: `Save ${2 + channels} answers` }).waitFor();
    await bothLanguages(page, 'e2e-checklist');
    await page.getByRole('button', { name: `Save ${2 + channels} answers` }).click();
    await page.getByText(`${2 + channels} answers saved as consent records.`).waitFor();
    await page.getByRole('row', { name: /Noor Visser/ }).getByText('Now: Granted').waitFor();
  });
  const records = query<{ first_name: string; channel: string; status: string; given_on: string; evidence: string; recorded_by: string }>(
    "SELECT p.first_name, c.channel_key AS channel, c.status, c.given_on, c.evidence, c.recorded_by FROM consent_records c JOIN people p ON p.id = c.person_id ORDER BY c.id",
  );
  expect(records[0]).toEqual({ first_name: 'Noor', channel: 'website', status: 'granted', given_on: '2026-09-14', evidence: 'paper form, reconfirmation round', recorded_by: 'admin' });
  expect(records[1]).toMatchObject({ first_name: 'Noor', channel: 'newsletter', status: 'refused' });
  expect(records.slice(2).map((r) => [r.first_name, r.status])).toEqual(Array(records.length - 2).fill(['Daan', 'refused']));
  expect(records).toHaveLength(2 + query('SELECT key FROM channels').length);
}, 120_000);

it('shows the sign-in screen, not "reopen the link", when the server ended the session', async () => {
  await guarded('e2e-session-ended', async (page) => {
    // End the session behind the page's back, as the server does after the lock time.
    await page.evaluate(() => fetch('/api/session.signOut', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' }));
    // Any next request finds out (a background refresh may be first): going to the library makes sure there is one.
    await page.evaluate(() => void (window.location.hash = '#/library'));
    await page.getByRole('heading', { name: 'ClearFrame is locked' }).waitFor();
    await saveScreenshot(page, 'e2e-session-ended-en');
    expect(await page.getByLabel('Profile name').inputValue()).toBe('admin');
    expect(await page.getByText('Open ClearFrame again from the link').count()).toBe(0);
    await page.getByLabel('Password', { exact: true }).fill('admin password 2');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  });
}, 120_000);
