import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp();
});

afterAll(async () => {
  await app?.close();
});

it('loads the demo school from the empty library and shows the library filling', async () => {
  const { page } = app;
  // The UI starts in the system language; these steps are written against the English texts.
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('heading', { name: 'Welcome to ClearFrame' }).waitFor();
  expect(await page.getByRole('grid').count()).toBe(0);

  // Face detection after the demo's imports would only compete for the CPU here (import-folder.test.ts shows it).
  const switchedOff = await page.evaluate(async () => {
    const body = JSON.stringify({ detectAfterImport: false });
    return (await fetch('/api/faces.updateSettings', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
  });
  expect(switchedOff).toMatchObject({ ok: true, value: { detectAfterImport: false } });
  await page.getByRole('button', { name: 'Load demo school' }).click();

  const grid = page.getByRole('grid', { name: /Photos and videos/ });
  await grid.waitFor({ timeout: 25_000 });
  await expect.poll(() => page.getByRole('gridcell').count(), { timeout: 20_000 }).toBeGreaterThan(3);
  // Thumbnails come from the library through /media/thumb/<id>, not from the demo folder.
  const thumb = page.locator('[role=gridcell] img').first();
  await thumb.waitFor();
  expect(await thumb.getAttribute('src')).toMatch(/^\/media\/thumb\/\d+$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect.poll(() => page.getByText(/^\d+ items$/).first().textContent()).toMatch(/^\d+ items$/);

  // The demo also brought the foundation, its schools and its people.
  await expect.poll(() => page.locator('.brand-foundation').textContent()).not.toBe('Foundation');
  await page.getByRole('link', { name: 'People & consent' }).click();
  await page.getByRole('grid', { name: /Consent per person and channel/ }).waitFor();
  expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThan(0);

  await saveScreenshot(page, 'e2e-demo-school-matrix');
  expect(app.errors).toEqual([]);
});
