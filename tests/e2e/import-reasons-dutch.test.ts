import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

const badFixtures = resolve(__dirname, '../fixtures/media/bad');

let app: LaunchedApp;
let folder: string;

/** One good photo and the bad fixtures a school meets most: empty, not a photo, truncated, and a declared-huge image. */
async function makeFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-e2e-reasons-'));
  writeFileSync(join(dir, 'red.jpg'), await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c83232' } }).jpeg().toBuffer());
  for (const name of ['empty.jpg', 'notes.jpg', 'truncated.jpg', 'bomb.jpg']) copyFileSync(join(badFixtures, name), join(dir, name));
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

it('says why files failed and what is wrong in a CSV file in Dutch', async () => {
  const { page } = app;
  await page.locator('.language-switch select').selectOption('nl');
  await page.getByRole('heading', { name: 'Welkom bij ClearFrame' }).waitFor();
  await page.getByRole('link', { name: 'Foto’s en video’s importeren' }).click();
  await page.getByLabel('Map', { exact: true }).fill(folder);
  await page.getByLabel('Map', { exact: true }).press('Enter');
  await page.getByRole('button', { name: /^Deze map importeren/ }).click();

  const report = page.getByRole('region', { name: /^Import van / });
  await report.waitFor({ timeout: 25_000 });
  await expect.poll(() => report.getByTestId('report-failed').locator('strong').textContent(), { timeout: 25_000 }).toBe('4');
  const reason = (name: string) => report.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) }).locator('td').nth(1);
  expect(await reason('empty.jpg').textContent()).toBe('Het bestand is leeg (0 bytes): het is niet volledig gekopieerd.');
  expect(await reason('notes.jpg').textContent()).toBe('Dit is geen foto of video die ClearFrame kan lezen (het lijkt een tekstbestand).');
  expect(await reason('truncated.jpg').textContent()).toMatch(/^De JPEG-afbeelding kon niet worden gedecodeerd \(.+\): het bestand is beschadigd of onvolledig\.$/);
  expect(await reason('bomb.jpg').textContent()).toMatch(/^De afbeelding geeft 60\.000 × 60\.000 pixels op \(3\.600 megapixel\)/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await saveScreenshot(page, 'e2e-import-reasons-batch-nl');

  await page.getByRole('link', { name: 'Personen (CSV)' }).click();
  const csv = [
    'external_id,first_name,last_name,role,school,class,date_of_birth,mentor',
    'P-1,=SUM(A1),Jansen,pupil,de-linde,Groep 5,2016-04-01,',
    'P-2,Finn,Meijer,pupil,de-linde,Groep 5,14-03-2017,',
    'P-3,Emma,de Boer,teacher,de-linde,Groep 5,2016-05-05,',
    'P-1,Sem,Mulder,pupil,de-linde,Groep 5,2099-01-01,',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const csvReport = page.getByTestId('csv-report');
  await csvReport.getByRole('heading', { name: /fouten/ }).waitFor();
  const problems = await csvReport.locator('tbody td:nth-child(3)').allTextContents();
  expect(problems).toEqual([
    '"14-03-2017" is geen geldige datum. Het lijkt dag-maand-jaar: schrijf hem als 2017-03-14.',
    'Onbekende waarde "teacher" in het veld “Rol”. Gebruik een van: pupil, staff.',
    '2099-01-01 ligt in de toekomst (vandaag is het ' + (await page.evaluate(() => new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()))) + ').',
    'Deze kolommen worden niet gebruikt en genegeerd: "mentor".',
    'Het veld “Voornaam” ("=SUM(A1)") begint met "=", wat rekenbladen als formule lezen. ClearFrame bewaart het als gewone tekst.',
  ]);
  expect(await csvReport.locator('.report-messages li').allTextContents()).toEqual([
    'Het bestand heeft 3 fouten, dus er is niets geïmporteerd: een bestand wordt helemaal of helemaal niet toegepast.',
    'Verbeter het bestand (de regels en kolommen staan hieronder) en importeer het opnieuw.',
    '2 waarschuwingen: die houden de import niet tegen, maar kijk ze na.',
  ]);
  // The screen scrolls inside the app, so a taller window shows the whole report.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await saveScreenshot(page, 'e2e-import-reasons-csv-nl');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Text saved as UTF-16 (the wrong encoding) and a file without the required columns are named for what they are.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('external_id,first_name\nA,Zoë\n', 'utf16le')]);
  await page.locator('input[type=file]').setInputFiles({ name: 'utf16.csv', mimeType: 'text/csv', buffer: utf16 });
  await csvReport.getByText(/^Dit bestand is tekst opgeslagen als UTF-16, geen CSV-tekstbestand\./).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: 'kort.csv', mimeType: 'text/csv', buffer: Buffer.from('external_id,first_name,surname\nX-1,Ada,Lovelace\n') });
  await csvReport.getByText(/^Het bestand mist de kolommen last_name, role, school, class\. Gevonden koppen: "external_id", "first_name", "surname"\./).waitFor();
  expect(app.errors).toEqual([]);
}, 90_000);
