import type { Page } from 'playwright-core';
import { localAdmin } from '../../../electron/core/api/context';
import type { Library } from '../../../electron/core/library';
import { addUser, setUserPassword } from '../../../electron/core/users/user-service';
import type { Role } from '../../../shared/domain/permissions';
import { saveScreenshot } from './screenshots';

/** The password every test profile gets: its name and " password 1". */
export const passwordOf = (name: string) => `${name} password 1`;

/**
 * Gives the admin a password and adds the profiles with theirs, so the app asks everyone to sign in.
 * Setting the admin's password ends single-user use, so the others are set as that signed-in admin.
 */
export async function addProfiles(lib: Library, profiles: { name: string; roles: Role[]; schools?: string[] }[]): Promise<void> {
  for (const p of profiles) await addUser(lib, localAdmin, { name: p.name, roles: p.roles, schools: p.schools ?? [] });
  await setUserPassword(lib, localAdmin, { name: 'admin', password: passwordOf('admin') });
  const admin = { actor: 'admin', user: { ...localAdmin.user!, soleUser: false } };
  for (const p of profiles) await setUserPassword(lib, admin, { name: p.name, password: passwordOf(p.name) });
}

export async function signIn(page: Page, name: string, password = passwordOf(name)): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Profile' }).getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to ClearFrame' }).waitFor();
}

/** The same screen in English and Dutch, for reviewing both texts. */
export async function bothLanguages(page: Page, name: string): Promise<void> {
  const language = page.getByRole('combobox', { name: /^(Language|Taal)$/ });
  await saveScreenshot(page, `${name}-en`);
  await language.selectOption('nl');
  await page.waitForTimeout(300);
  await saveScreenshot(page, `${name}-nl`);
  await language.selectOption('en');
}
