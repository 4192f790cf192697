import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { updateMedia } from '../../electron/core/media/media-service';
import { addOfficialChannel } from '../../electron/core/publishing/identities';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { addConsent, addFace, addPerson, facesDir, importMedia, markDetected, twoPeopleFaces } from '../integration/export-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { addProfiles, bothLanguages, signIn, signOut } from './harness/profiles';
import { saveScreenshot } from './harness/screenshots';

const root = mkdtempSync(join(tmpdir(), 'cf-e2e-export-'));
const home = join(root, 'library');
const outDir = join(root, 'out');
let app: LaunchedApp;
let noorId = 0;

beforeAll(async () => {
  // Oak School: one photo with Noor (website allowed) and Daan (refused: blurred), one with a face nobody reviewed
  // (blocked), one without faces. mia is Oak's management and exports; the admin keeps consent.
  const lib = openLibrary(home);
  const oak = createSchool(lib, localAdmin, 'oak', 'Oak School');
  const group8 = createClass(lib, localAdmin, oak.id, 'Group 8');
  const [pair, portrait, astronaut] = await importMedia(lib, [join(facesDir, 'two_people.jpg'), join(facesDir, 'obama.jpg'), join(facesDir, 'astronaut.png')]);
  for (const id of [pair, portrait, astronaut]) {
    updateMedia(lib, localAdmin, String(id), { schoolId: oak.id });
    markDetected(lib, id);
  }
  const names = [
    ['Noor', 'Jansen', 'granted'],
    ['Daan', 'de Vries', 'refused'],
  ] as const;
  twoPeopleFaces.forEach((box, i) => {
    const [firstName, lastName, status] = names[i]!;
    const person = addPerson(lib, { schoolId: oak.id, classId: group8.id, role: 'pupil', dateOfBirth: '2015-03-01', firstName, lastName });
    if (i === 0) noorId = person.id;
    addFace(lib, pair, box, { state: 'person', personId: person.id });
    addConsent(lib, person.id, 'website', status, '2024-09-01', null, 'guardian');
  });
  addFace(lib, portrait, { x: 0.3, y: 0.15, w: 0.35, h: 0.45 });
  addOfficialChannel(lib, localAdmin, { identity: 'oak', channel: 'website', account: 'www.oak.example', url: null, photoMaxEdge: null, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null });
  await addProfiles(lib, [{ name: 'mia', roles: ['management'], schools: ['oak'] }]);
  lib.close();
  app = await launchApp({ home });
});

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

it('selects media, checks and exports them, finds the publication, and takes it down after a withdrawal', async () => {
  try {
    await exportFlow(app.page);
  } catch (err) {
    await saveScreenshot(app.page, 'e2e-export-failure');
    throw err;
  }
  expect(app.errors).toEqual([]);
}, 180_000);

async function exportFlow(page: Page): Promise<void> {
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.setItem('clearframe.language', 'en'));
  await page.reload();

  // The admin may check but not export (rule 2): no Export action.
  await signIn(page, 'admin');
  const grid = page.getByRole('grid', { name: /./ });
  await expect.poll(() => page.getByRole('gridcell').count(), { timeout: 20_000 }).toBe(3);
  const bar = page.getByRole('region', { name: 'Selection' });
  await page.getByRole('gridcell').first().click();
  await bar.getByText('1 selected').waitFor();
  await bar.getByRole('button', { name: 'Check for a channel…' }).waitFor();
  expect(await bar.getByRole('button', { name: 'Export…' }).count()).toBe(0);
  await signOut(page);

  await signIn(page, 'mia');
  await expect.poll(() => page.getByRole('gridcell').count(), { timeout: 20_000 }).toBe(3);
  // Keyboard: Space toggles, Shift+arrows extend (and shrink), Escape clears, Ctrl+A selects every result.
  await grid.focus();
  await page.keyboard.press('Space');
  await bar.getByText('1 selected').waitFor();
  await page.keyboard.press('Shift+ArrowRight');
  await bar.getByText('2 selected').waitFor();
  expect(await page.locator('[role=gridcell][aria-selected=true]').count()).toBe(2);
  // Back towards the anchor gives the item back.
  await page.keyboard.press('Shift+ArrowLeft');
  await bar.getByText('1 selected').waitFor();
  await page.keyboard.press('Escape');
  await bar.getByText(/Click photos and videos to select them/).waitFor();
  expect(await page.locator('[role=gridcell][aria-selected=true]').count()).toBe(0);
  // Mouse: click one, Shift+click the last extends the range over all three.
  await page.getByRole('gridcell').nth(0).click();
  await page.getByRole('gridcell').nth(2).click({ modifiers: ['Shift'] });
  await bar.getByText('3 selected').waitFor();
  await page.keyboard.press('Escape');
  await grid.focus();
  await page.keyboard.press('Control+a');
  await bar.getByText('3 selected').waitFor();
  await bothLanguages(page, 'e2e-library-selection');

  // Check first: every decision, with the reason and the link that fixes the blocked one.
  await bar.getByRole('button', { name: 'Check for a channel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check 3 items for a channel' });
  await dialog.getByText('1 may be published, 1 with blurred faces, 1 blocked.').waitFor();
  await dialog.getByText('1 face will be blurred').waitFor();
  await dialog.getByText('A face nobody has reviewed').waitFor();
  await dialog.getByRole('link', { name: 'Open obama.jpg to fix it' }).waitFor();
  // The preview is exactly what will be written: the photo at the channel's size.
  await dialog.getByRole('button', { name: 'Preview two_people.jpg' }).click();
  const preview = dialog.getByRole('img', { name: 'Preview of two_people.jpg as it will be exported' });
  await preview.waitFor();
  expect(await preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await bothLanguages(page, 'e2e-export-check');
  // The fix link opens the media over the dialog; closing it comes back to the same check.
  await dialog.getByRole('link', { name: 'Open obama.jpg to fix it' }).click();
  const media = page.getByRole('dialog', { name: 'obama.jpg' });
  await media.waitFor();
  await saveScreenshot(page, 'e2e-export-fix-link-en');
  await page.keyboard.press('Escape');
  await media.waitFor({ state: 'detached' });
  await dialog.getByText('1 may be published, 1 with blurred faces, 1 blocked.').waitFor();

  await dialog.getByRole('button', { name: 'Continue to export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export 3 items' });
  await exportDialog.getByLabel('Folder to write the files into').fill(outDir);
  await bothLanguages(page, 'e2e-export-folder');
  await exportDialog.getByRole('button', { name: 'Export 2 files' }).click();
  await exportDialog.getByText(`2 files written to ${outDir}`).waitFor({ timeout: 60_000 });
  await exportDialog.getByText('Not exported (blocked)').waitFor();
  await bothLanguages(page, 'e2e-export-report');
  expect(readdirSync(outDir).filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
  expect(readdirSync(outDir).some((f) => f.includes('partial'))).toBe(false);

  // The register has it: Noor visible, Daan blurred; the post's address is added.
  await exportDialog.getByRole('link', { name: 'See it in the publication register' }).click();
  const detail = page.getByRole('region', { name: /^Publication 1: Oak School on Website/ });
  await detail.waitFor();
  await detail.getByText('Noor Jansen').waitFor();
  await detail.getByText('Daan de Vries').waitFor();
  await detail.getByLabel('Address of the post').fill('https://www.oak.example/news/sports-day');
  await detail.getByRole('button', { name: 'Save address' }).click();
  await detail.getByText('Post address recorded: https://www.oak.example/news/sports-day').waitFor();
  await bothLanguages(page, 'e2e-publications');
  await signOut(page);

  // Noor's guardian withdraws consent for the website: the publication becomes one to take down.
  await signIn(page, 'admin');
  await page.evaluate(
    async (person) =>
      (await fetch('/api/consent.set', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person: String(person), channel: 'website', status: 'withdrawn', givenBy: 'guardian' }) })).json(),
    noorId,
  );
  await page.getByRole('link', { name: 'Publication register' }).click();
  // By person: Daan is in it (blurred); the filter lists only people who are in some publication.
  const person = page.getByRole('combobox', { name: 'Person' });
  expect(await person.locator('option').allTextContents()).toEqual(['Anyone', 'Daan de Vries', 'Noor Jansen']);
  await person.selectOption({ label: 'Daan de Vries' });
  await page.getByRole('link', { name: 'Publication 1' }).waitFor();
  await person.selectOption({ label: 'Anyone' });
  await page.getByRole('checkbox', { name: 'Only what must be taken down' }).check();
  await page.getByRole('row', { name: /To take down/ }).waitFor();
  // The admin keeps consent but does not publish: no take-down action.
  await page.getByRole('link', { name: 'Publication 1' }).click();
  await page.getByText(/1 person in it has withdrawn or refused consent/).waitFor();
  expect(await page.getByRole('button', { name: 'Mark as taken down…' }).count()).toBe(0);
  await signOut(page);

  await signIn(page, 'mia');
  await page.getByRole('link', { name: 'Publication register' }).click();
  await page.getByRole('link', { name: 'Publication 1' }).click();
  await page.getByText(/Consent of Noor Jansen withdrawn \(recorded by admin\)/).waitFor();
  await bothLanguages(page, 'e2e-publications-to-take-down');
  await page.getByRole('button', { name: 'Mark as taken down…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Mark publication 1 as taken down?' });
  await saveScreenshot(page, 'e2e-publications-confirm-en');
  await confirm.getByRole('button', { name: 'Yes, it has been taken down' }).click();
  await confirm.waitFor({ state: 'detached' });
  await page.getByText(/Marked as taken down by mia/).waitFor();
  // Nothing is left to take down.
  await page.getByText('No publication matches.').waitFor();
  await page.getByRole('checkbox', { name: 'Only what must be taken down' }).uncheck();
  await page.getByRole('row', { name: /Taken down/ }).waitFor();
  await saveScreenshot(page, 'e2e-publications-done-en');
  expect(existsSync(outDir)).toBe(true);
}
