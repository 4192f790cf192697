import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

let app: LaunchedApp;
let folder: string;

/** Two real photos (one in a subfolder) and one zero-byte file that must become a single error row. */
async function makeFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-e2e-photos-'));
  mkdirSync(join(dir, 'trip'));
  const photo = (r: number, g: number, b: number) =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g, b } } }).jpeg().toBuffer();
  writeFileSync(join(dir, 'red.jpg'), await photo(200, 30, 30));
  writeFileSync(join(dir, 'trip', 'blue.jpg'), await photo(30, 30, 200));
  writeFileSync(join(dir, 'empty.jpg'), '');
  return dir;
}

beforeAll(async () => {
  folder = await makeFolder();
  app = await launchApp();
});

afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('imports a folder chosen in the folder picker and shows the batch report', async () => {
  const { page } = app;
  // The UI starts in the system language; these steps are written against the English texts.
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('heading', { name: 'Welcome to ClearFrame' }).waitFor();
  await page.getByRole('link', { name: 'Import photos and videos' }).click();

  await page.getByLabel('Folder', { exact: true }).fill(folder);
  await page.getByLabel('Folder', { exact: true }).press('Enter');
  // The listing shows the folder's contents: the subfolder and both files.
  const listing = page.getByRole('group', { name: `Contents of ${folder}` });
  await listing.getByRole('button', { name: 'trip' }).waitFor();
  await listing.getByText('red.jpg').waitFor();

  await page.getByRole('button', { name: 'Import this folder (with subfolders)' }).click();

  const report = page.getByRole('region', { name: /^Import of / });
  await report.waitFor({ timeout: 25_000 });
  await expect.poll(() => report.getByTestId('report-imported').locator('strong').textContent()).toBe('2');
  expect(await report.getByTestId('report-duplicates').locator('strong').textContent()).toBe('0');
  expect(await report.getByTestId('report-failed').locator('strong').textContent()).toBe('1');
  const failed = report.getByRole('row', { name: /empty\.jpg/ });
  await failed.waitFor();
  expect(await failed.textContent()).toMatch(/empty|0 bytes/i);

  // Face detection follows the import by itself, as a job of its own in the activity panel.
  const activity = page.getByRole('region', { name: 'Activity' });
  await activity.getByRole('article', { name: 'Finding and matching faces' }).waitFor();
  await saveScreenshot(page, 'e2e-import-folder-detecting');

  // The report links to the library filtered to this import.
  await report.getByRole('button', { name: 'Show these in the library' }).click();
  await expect.poll(() => page.getByRole('gridcell').count()).toBe(2);
  // Once detection is done, each tile says so: plain colour photos have no faces.
  const noFaces = page.locator('[role=gridcell] .face-badge[data-state="no_faces"]');
  await expect.poll(() => noFaces.count(), { timeout: 60_000 }).toBe(2);
  expect(await page.getByRole('gridcell').first().getAttribute('aria-label')).toMatch(/No faces found/);

  await saveScreenshot(page, 'e2e-import-folder-library');
  expect(app.errors).toEqual([]);
}, 90_000);
