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

it('switches the interface to Dutch and remembers the choice', async () => {
  const { page } = app;
  // The first language follows the system locale (navigator.language); English for anything but Dutch.
  await page.locator('h1').waitFor();
  const system = await page.evaluate(() => navigator.language);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(system.toLowerCase().startsWith('nl') ? 'nl' : 'en');

  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('heading', { name: 'Welcome to ClearFrame' }).waitFor();
  await page.getByLabel('Language').selectOption('nl');

  await page.getByRole('heading', { name: 'Welkom bij ClearFrame' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Mediatheek',
    'Personen & toestemming',
    'Gezichten',
    'Berichten',
    'Publicatieregister',
    'Vragen',
    'Toestemming vernieuwen',
    'Officiële kanalen',
    'Importeren',
    'Auditlog',
    'Profielen',
  ]);
  expect(await page.getByRole('button', { name: 'Demoschool laden' }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

  await page.reload();
  await page.getByRole('heading', { name: 'Welkom bij ClearFrame' }).waitFor();
  expect(await page.getByLabel('Taal').inputValue()).toBe('nl');

  await saveScreenshot(page, 'e2e-language-dutch');
  expect(app.errors).toEqual([]);
});
