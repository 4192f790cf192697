import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { findBrowser } from './find-browser';

export interface LaunchedApp {
  page: Page;
  server: RunningServer;
  /** The library folder of this test alone. */
  home: string;
  /** Uncaught page errors and CSP violations seen so far; a healthy page leaves this empty. */
  errors: string[];
  close(): Promise<void>;
}

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser mode for one test: a fresh library folder, the server in this process, and Chromium opened on the
 * printed token URL. chromium.launch gives every browser its own fresh, temporary user-data-dir.
 */
export async function launchApp(options: { home?: string } = {}): Promise<LaunchedApp> {
  const found = findBrowser();
  if (!found.chromium) throw new Error(found.message);
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'cf-e2e-'));
  const server = await startServer({ home });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: found.chromium, args: chromiumArgs, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(`CSP: ${msg.text()}`);
    });
    await page.goto(server.url);
    const opened = browser;
    return {
      page,
      server,
      home,
      errors,
      close: async () => {
        await opened.close();
        await server.close();
        if (!options.home) rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}
