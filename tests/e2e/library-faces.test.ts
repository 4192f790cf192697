import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MediaFaces } from '../../shared/contract/faces';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { api, finishedJob } from './harness/page-api';
import { saveScreenshot } from './harness/screenshots';

let app: LaunchedApp;
let folder: string;
const media = new Map<string, number>();

/**
 * The demo school with faces in every state: two_people.jpg has two faces to review, obama.jpg's face is
 * resolved, a plain photo has none, and the rest is not checked yet (public-domain portraits of adults).
 */
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cf-e2e-plain-'));
  writeFileSync(join(folder, 'plain.jpg'), await sharp({ create: { width: 320, height: 240, channels: 3, background: '#7aa' } }).jpeg().toBuffer());
  app = await launchApp();
  const { page } = app;
  await page.locator('.language-switch select').selectOption('en');
  await api(page, 'faces.updateSettings', { detectAfterImport: false });
  await finishedJob(page, (await api<{ jobId: number }>(page, 'library.loadDemo', {})).jobId);
  await finishedJob(page, (await api<{ jobId: number }>(page, 'media.import', { paths: [folder] })).jobId);
  for (const m of (await api<{ items: { id: number; name: string }[] }>(page, 'media.list', { limit: 100 })).items) media.set(m.name, m.id);
  const detect = ['two_people.jpg', 'obama.jpg', 'plain.jpg'].map((n) => String(media.get(n)));
  await finishedJob(page, (await api<{ jobId: number }>(page, 'faces.detect', { media: detect })).jobId);
  const obama = await api<MediaFaces>(page, 'faces.forMedia', { media: String(media.get('obama.jpg')) });
  await api(page, 'faces.assign', { faces: obama.faces.map((f) => f.id), to: { verdict: 'not_identifiable' } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const tile = (page: Page, name: string) => page.getByRole('gridcell', { name: new RegExp(`^${name.replace('.', '\\.')},`) });

it('shows each tile’s face state as a badge with words for screen readers', async () => {
  const { page } = app;
  await page.goto(new URL('/#/library', page.url()).href);
  await tile(page, 'two_people.jpg').waitFor();
  // The finished jobs' cards would cover the last tiles in the screenshot.
  await page.locator('.activity-button[aria-expanded=true]').click();
  const expected: [string, string, string][] = [
    ['two_people.jpg', 'unresolved', '2 faces to review'],
    ['obama.jpg', 'resolved', 'The face is resolved'],
    ['plain.jpg', 'no_faces', 'No faces found'],
    ['biden.jpg', 'not_detected', 'Faces not detected yet'],
  ];
  for (const [name, state, words] of expected) {
    const badge = tile(page, name).locator('.face-badge');
    // The grid refreshes shortly after faces change (the last decision was just made).
    await expect.poll(() => badge.getAttribute('data-state'), { message: name }).toBe(state);
    expect(await badge.getAttribute('title'), name).toBe(words);
    expect(await badge.locator('.visually-hidden').textContent(), name).toBe(words);
    expect(await tile(page, name).getAttribute('aria-label'), name).toContain(words);
  }
  expect(await tile(page, 'two_people.jpg').locator('.face-badge > span[aria-hidden=true]').textContent()).toBe('2');
  await saveScreenshot(page, 'e2e-library-face-badges');
  expect(app.errors).toEqual([]);
});

it('filters the grid by face state', async () => {
  const { page } = app;
  await page.goto(new URL('/#/library', page.url()).href);
  const faces = page.getByRole('combobox', { name: /^Faces/ });
  const names = async () => (await page.getByRole('gridcell').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')!.split(',')[0])));

  await faces.selectOption({ label: 'Faces to review' });
  await expect.poll(names).toEqual(['two_people.jpg']);
  await page.getByText('1 item', { exact: true }).waitFor();
  await saveScreenshot(page, 'e2e-library-face-filter');
  await faces.selectOption({ label: 'All faces resolved' });
  await expect.poll(names).toEqual(['obama.jpg']);
  await faces.selectOption({ label: 'No faces' });
  await expect.poll(names).toEqual(['plain.jpg']);
  await faces.selectOption({ label: 'Not checked yet' });
  await expect.poll(async () => (await names()).length).toBe(media.size - 3);
  expect(await names()).not.toContain('obama.jpg');

  // Deciding on the faces moves the photo from "to review" to "resolved" while the filter is on.
  await faces.selectOption({ label: 'Faces to review' });
  await expect.poll(names).toEqual(['two_people.jpg']);
  const open = await api<MediaFaces>(page, 'faces.forMedia', { media: String(media.get('two_people.jpg')) });
  await api(page, 'faces.assign', { faces: open.faces.map((f) => f.id), to: { verdict: 'not_a_face' } });
  await expect.poll(names).toEqual([]);
  await faces.selectOption({ label: 'All faces resolved' });
  await expect.poll(names).toEqual(['two_people.jpg', 'obama.jpg'].sort((a, b) => (media.get(b)! > media.get(a)! ? 1 : -1)));
  expect(app.errors).toEqual([]);
});

it('lets an admin switch detection after import back on in the face settings', async () => {
  const { page } = app;
  await page.goto(new URL('/#/faces', page.url()).href);
  await page.getByRole('button', { name: 'Face settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Face settings' });
  const setting = dialog.getByRole('checkbox', { name: 'Detect faces after every import' });
  expect(await setting.isChecked()).toBe(false);
  await setting.check();
  await saveScreenshot(page, 'e2e-face-settings-after-import');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await api(page, 'faces.settings', {})).toMatchObject({ detectAfterImport: true, minFacePx: 32 });

  // The same screen in Dutch: the filter speaks the school's language.
  await page.locator('.language-switch select').selectOption('nl');
  await page.goto(new URL('/#/library', page.url()).href);
  await page.getByRole('combobox', { name: /^Gezichten/ }).selectOption({ label: 'Alle gezichten beoordeeld' });
  await page.getByRole('gridcell', { name: /^two_people\.jpg, .*Alle 2 gezichten beoordeeld/ }).waitFor();
  await saveScreenshot(page, 'e2e-library-face-filter-nl');
  expect(app.errors).toEqual([]);
});
