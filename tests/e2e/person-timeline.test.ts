import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gdprLibrary, type GdprLibrary } from '../integration/gdpr-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { api } from './harness/page-api';
import { saveScreenshot } from './harness/screenshots';

/**
 * An auditor follows one pupil: consent answers, the photo she is tagged in, the publication that shows
 * her, the take-down her withdrawal asks for. Then she is erased, and the admin deletes the backup made
 * before, which still held her.
 */
let g: GdprLibrary;
let app: LaunchedApp;

beforeAll(async () => {
  g = await gdprLibrary('cf-e2e-timeline-');
  app = await launchApp({ home: g.home });
}, 120_000);
afterAll(async () => {
  await app?.close();
  g?.remove();
});

it('shows a person\'s timeline in plain sentences, in English and Dutch', async () => {
  const { page } = app;
  await page.locator('.language-switch select').selectOption('en');
  await api(page, 'consent.set', { person: 'P001', channel: 'website', status: 'withdrawn' });
  await page.goto(new URL('/#/audit', page.url()).href);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByRole('combobox', { name: 'Person' }).fill('Sanne de Vries (P001)');
  const timeline = page.getByRole('region', { name: 'Timeline of Sanne de Vries' });
  await timeline.waitFor();
  await expect
    .poll(() => timeline.locator('.person-event-text').allTextContents())
    .toEqual([
      'Consent granted for Website',
      'Consent refused for Facebook',
      'Tagged in two_people.jpg',
      `Shown in publication ${g.ids.publication} on Website`,
      'Consent withdrawn for Website',
      `Publication ${g.ids.publication} on Website must be taken down`,
    ]);
  expect(await timeline.locator('.person-event-meta').last().textContent()).toMatch(/ClearFrame asks for this/);
  await page.getByRole('heading', { name: 'Log entries about this person' }).waitFor();
  await timeline.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'e2e-person-timeline');

  await page.locator('.language-switch select').selectOption('nl');
  await page.getByRole('region', { name: 'Tijdlijn van Sanne de Vries' }).getByText('Toestemming ingetrokken voor Website').waitFor();
  await saveScreenshot(page, 'e2e-person-timeline-nl');
  await page.locator('.language-switch select').selectOption('en');
  expect(app.errors).toEqual([]);
});

it('after erasing her, offers to delete the backup made before, which still holds her', { timeout: 60_000 }, async () => {
  const { page } = app;
  // A photo whose file names her inside (XMP PersonInImage), imported as the app does.
  const photo = join(g.scratch, 'sportdag.jpg');
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"><Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Sanne de Vries</rdf:li></rdf:Bag>
    </Iptc4xmpExt:PersonInImage></rdf:Description></rdf:RDF></x:xmpmeta>`;
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#6a8' } }).jpeg().withXmp(xmp).toFile(photo);
  const { batchId } = await api<{ batchId: number }>(page, 'media.import', { paths: [photo] });
  await expect.poll(async () => (await api<{ status: string }>(page, 'media.batch', { batchId })).status).toBe('done');
  await api(page, 'backup.create', {});
  const { classId } = (await api<{ classId: number }[]>(page, 'people.list', {}))[0]!;
  await page.goto(new URL(`/#/people/${classId}`, page.url()).href);
  await page.getByRole('grid', { name: /Consent per person and channel/ }).getByRole('button', { name: 'Sanne de Vries', exact: true }).click();
  await page.getByRole('complementary', { name: 'Sanne de Vries' }).getByRole('button', { name: 'Data requests' }).click();
  const dialog = page.getByRole('dialog', { name: 'Data requests: Sanne de Vries' });
  await dialog.getByText(/1 backups? in the library folder still hold/).waitFor();
  await dialog.getByLabel('I understand that this cannot be undone.').check();
  await dialog.getByRole('button', { name: 'Erase Sanne de Vries' }).click();

  await dialog.getByRole('heading', { name: 'Original files that still name them' }).waitFor();
  expect(await dialog.locator('.gdpr-originals li strong').allTextContents()).toEqual(['sportdag.jpg']);
  await dialog.getByRole('heading', { name: 'Older backups' }).waitFor();
  await dialog.getByText('1 backup in the library folder was made before the erasure and still holds Sanne de Vries.').waitFor();
  await dialog.getByRole('button', { name: 'Delete older backups…' }).click();
  await dialog.getByText('Delete 1 backup? It cannot be restored afterwards.').waitFor();
  await saveScreenshot(page, 'e2e-erasure-backups');
  await dialog.getByRole('button', { name: 'Yes, delete' }).click();
  await dialog.getByText('1 backup deleted.').waitFor();
  expect((await api<{ backups: unknown[] }>(page, 'backup.list', {})).backups).toEqual([]);

  await page.locator('.language-switch select').selectOption('nl');
  // The dialog's name is Dutch now.
  await page.getByRole('dialog').getByText('1 back-up verwijderd.').waitFor();
  await saveScreenshot(page, 'e2e-erasure-backups-nl');
  await page.locator('.language-switch select').selectOption('en');
  await dialog.locator('.form-actions').getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect((await api<{ ok: boolean }>(page, 'audit.verify', {})).ok).toBe(true);
  expect(app.errors).toEqual([]);
});
