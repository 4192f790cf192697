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

it('opens browser mode from the token URL and shows the app', async () => {
  const { page, server } = app;
  // The token left the address bar for an HttpOnly cookie.
  expect(page.url()).toBe(`http://127.0.0.1:${server.port}/`);
  await expect.poll(() => page.title()).toBe('ClearFrame');
  await page.locator('#root > *').first().waitFor();
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await saveScreenshot(page, 'smoke-browser-mode');
  expect(app.errors).toEqual([]);
});
