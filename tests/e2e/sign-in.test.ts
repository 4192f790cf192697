import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { addUser } from '../../electron/core/users/user-service';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

const home = mkdtempSync(join(tmpdir(), 'cf-e2e-sign-in-'));
let app: LaunchedApp;

beforeAll(async () => {
  // A staff profile prepared while the library is still single-user: it signs in once the admin has a password.
  const lib = openLibrary(home);
  await addUser(lib, localAdmin, { name: 'sam', roles: ['staff'], schools: [] });
  lib.close();
  app = await launchApp({ home });
  // The page's clock is under the test's control, so the inactivity lock can be reached without waiting.
  await app.page.clock.install();
  await app.page.reload();
});

afterAll(async () => {
  await app?.close();
  rmSync(home, { recursive: true, force: true });
});

it('sets the admin password from the profile menu, signs out, refuses a wrong password, signs in and locks after inactivity', async () => {
  const { page } = app;
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption('en');

  // Single-user: the app is open as the admin, and offers to set a password.
  const account = page.getByRole('group', { name: 'Profile' });
  await account.getByText('No password').waitFor();
  await account.getByRole('button', { name: 'Set a password…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a password' });
  await dialog.getByLabel('New password', { exact: false }).fill('short');
  await dialog.getByLabel('Type it again').fill('short');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await dialog.getByText('Use at least 8 characters.').waitFor();
  await saveScreenshot(page, 'e2e-sign-in-set-password');
  await dialog.getByLabel('New password', { exact: false }).fill('admin password 1');
  await dialog.getByLabel('Type it again').fill('admin password 1');
  await dialog.getByRole('button', { name: 'Set password' }).click();

  // Still in, now as the signed-in admin.
  await account.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(await account.textContent()).toContain('admin');
  await account.getByRole('button', { name: 'Sign out' }).click();

  // Signed out: only the sign-in screen, no library data.
  await page.getByRole('heading', { name: 'Sign in to ClearFrame' }).waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  await page.getByLabel('Profile name').fill('admin');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').getByText('The profile name or password is not right.').waitFor();
  await saveScreenshot(page, 'e2e-sign-in-wrong-password');

  // The staff profile has no password yet: refused with what to do.
  await page.getByLabel('Profile name').fill('sam');
  await page.getByLabel('Password').fill('anything at all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').getByText('sam has no password yet: an admin sets one (clearframe users passwd sam).').waitFor();

  await page.getByLabel('Profile name').fill('admin');
  await page.getByLabel('Password').fill('admin password 1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  expect(await account.textContent()).toContain('admin');

  // Nobody touches the window for the lock time (10 minutes by default): it locks and asks for the password.
  await page.clock.fastForward('10:01');
  await page.getByRole('heading', { name: 'ClearFrame is locked' }).waitFor();
  expect(await page.getByLabel('Profile name').inputValue()).toBe('admin');
  expect(await page.getByRole('navigation').count()).toBe(0);
  await saveScreenshot(page, 'e2e-sign-in-locked');
  // The server ended the session too: the API refuses this browser until it signs in again.
  const refused = await page.evaluate(async () => (await fetch('/api/people.list', { method: 'POST', body: '{}' })).json());
  expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  await page.getByLabel('Password').fill('admin password 1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await saveScreenshot(page, 'e2e-sign-in-signed-in');
  expect(app.errors).toEqual([]);
});
