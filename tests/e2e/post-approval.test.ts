import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { addDays, todayIso } from '../../shared/domain/dates';
import { openLibrary } from '../../electron/core/library';
import { updateMedia } from '../../electron/core/media/media-service';
import { addOfficialChannel } from '../../electron/core/publishing/identities';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { addConsent, addFace, addPerson, facesDir, importMedia, markDetected, twoPeopleFaces } from '../integration/export-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { addProfiles, bothLanguages, signIn, signOut } from './harness/profiles';
import { saveScreenshot } from './harness/screenshots';

const root = mkdtempSync(join(tmpdir(), 'cf-e2e-posts-'));
const home = join(root, 'library');
const outDir = join(root, 'out');
let app: LaunchedApp;

beforeAll(async () => {
  // Oak School with one photo whose two people both allowed the website; sam prepares, mia (Oak's management) releases.
  const lib = openLibrary(home);
  const oak = createSchool(lib, localAdmin, 'oak', 'Oak School');
  const group8 = createClass(lib, localAdmin, oak.id, 'Group 8');
  const [photo] = await importMedia(lib, [join(facesDir, 'two_people.jpg')]);
  updateMedia(lib, localAdmin, String(photo), { schoolId: oak.id });
  markDetected(lib, photo);
  // For the renewal screen: one pupil turns 16 in ten days, the other's consent ends in twenty.
  const today = todayIso();
  const sixteenth = addDays(today, 10);
  const births = [`${Number(sixteenth.slice(0, 4)) - 16}${sixteenth.slice(4)}`, '2014-03-01'];
  twoPeopleFaces.forEach((box, i) => {
    const person = addPerson(lib, { schoolId: oak.id, classId: group8.id, role: 'pupil', dateOfBirth: births[i]!, firstName: ['Noor', 'Daan'][i]! });
    addFace(lib, photo, box, { state: 'person', personId: person.id });
    addConsent(lib, person.id, 'website', 'granted', '2020-01-01', i === 1 ? addDays(today, 20) : null, 'guardian');
  });
  addOfficialChannel(lib, localAdmin, { identity: 'oak', channel: 'website', account: 'www.oak.example', url: null, photoMaxEdge: null, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null });
  await addProfiles(lib, [{ name: 'sam', roles: ['staff'] }, { name: 'mia', roles: ['management'], schools: ['oak'] }]);
  lib.close();
  app = await launchApp({ home });
});

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

it('staff prepare a post and ask; the management answers and releases it, and the photo is written', async () => {
  try {
    await approvalFlow(app.page);
  } catch (err) {
    await saveScreenshot(app.page, 'e2e-posts-failure');
    throw err;
  }
  expect(app.errors).toEqual([]);
}, 180_000);

async function approvalFlow(page: Page): Promise<void> {
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.setItem('clearframe.language', 'en'));
  await page.reload();
  await signIn(page, 'sam');

  // sam prepares a post for Oak School's website.
  await page.getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Text of the post').fill('Sports day at Oak School');
  await page.getByRole('checkbox', { name: 'two_people.jpg' }).check();
  await bothLanguages(page, 'e2e-posts-new');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByText('May be published').waitFor();

  // In doubt: sam asks about the photo; it is blocked until answered.
  await page.getByRole('button', { name: 'In doubt? Ask' }).click();
  await page.getByLabel('Your question').fill('Is the man on the right the father who objected last year?');
  await page.getByRole('button', { name: 'Send question' }).click();
  await page.getByText('Blocked', { exact: true }).waitFor();
  await page.getByText('A question about this media is still open').waitFor();
  await page.getByRole('button', { name: 'Submit for release' }).click();
  await page.getByText('Awaiting release').first().waitFor();
  // Staff cannot release: no release form for sam.
  expect(await page.getByRole('button', { name: 'Release and export' }).count()).toBe(0);
  await bothLanguages(page, 'e2e-posts-submitted');
  await signOut(page);

  // mia answers in the review queue.
  await signIn(page, 'mia');
  await page.getByRole('link', { name: 'Questions' }).click();
  await page.getByText('Is the man on the right the father who objected last year?').first().waitFor();
  await bothLanguages(page, 'e2e-review-queue');
  await page.getByLabel('Answer').fill('No, that is a teacher who agreed.');
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('heading', { name: 'Answered' }).waitFor();

  // mia releases: decided again now, and written.
  await page.getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('link', { name: /#1 Oak School/ }).click();
  await page.getByText('May be published').waitFor();
  await page.getByLabel('Folder to write the files into').fill(outDir);
  await bothLanguages(page, 'e2e-posts-release');
  await page.getByRole('button', { name: 'Release and export' }).click();
  await page.getByText(`1 file written to ${outDir}.`).waitFor();
  await page.getByText('Released', { exact: true }).first().waitFor();
  await saveScreenshot(page, 'e2e-posts-released-en');
  expect(existsSync(outDir) && readdirSync(outDir).filter((f) => f.endsWith('.jpg'))).toHaveLength(1);

  // The admin's screens of the feature, for review in both languages.
  await signOut(page);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Consent renewal' }).click();
  await page.getByRole('cell', { name: 'Noor Person', exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Download forms (PDF)' }).waitFor();
  await bothLanguages(page, 'e2e-lifecycle');
  await page.getByRole('link', { name: 'Official channels' }).click();
  await page.getByText('www.oak.example').waitFor();
  await bothLanguages(page, 'e2e-channels');
}
