import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { createBackup } from '../../electron/core/backup/create-backup';
import { openLibrary } from '../../electron/core/library';
import { libraryWithHistory, tamper } from '../integration/audit-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

let library: ReturnType<typeof libraryWithHistory>;
let app: LaunchedApp;

beforeAll(async () => {
  library = libraryWithHistory('cf-e2e-audit-');
  app = await launchApp({ home: library.home });
});

afterAll(async () => {
  await app?.close();
  library?.remove();
});

it('lists the log, checks it, shows a person timeline and exports CSV', async () => {
  const { page } = app;
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  expect(await page.locator('.audit-table tbody tr').count()).toBe(8);

  await page.getByRole('button', { name: 'Check the log' }).click();
  await page.getByText('The log is intact: 8 entries, nothing changed, removed or inserted.').waitFor();
  await saveScreenshot(page, 'e2e-audit-log');

  await page.getByRole('button', { name: 'Sanne de Vries' }).first().click();
  await page.getByRole('heading', { name: 'Timeline of Sanne de Vries' }).waitFor();
  await expect
    .poll(() => page.locator('.audit-table tbody tr td:nth-child(4)').allTextContents())
    .toEqual(['Person added', 'Consent granted', 'Consent withdrawn']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFseq,at,actor,action,subject,subject_name,details,hash');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
  expect(app.errors).toEqual([]);
});

it('says in Dutch which entry was altered', async () => {
  const { page } = app;
  tamper(library.home, (db) => db.prepare("UPDATE audit_log SET actor = 'iemand' WHERE seq = 6").run());
  await page.locator('.language-switch select').selectOption('nl');
  await page.getByRole('button', { name: 'Log controleren' }).click();
  await page.getByText('Het log is gewijzigd: regel 6 is de eerste die niet klopt.').waitFor();
  await page.getByText('Regel 6 is gewijzigd nadat hij was geschreven.').waitFor();
  await saveScreenshot(page, 'e2e-audit-altered-nl');
  expect(app.errors).toEqual([]);
});

it('offers the newest backup on every screen when the database fails its check on opening', async () => {
  const damaged = libraryWithHistory('cf-e2e-damaged-');
  const lib = openLibrary(damaged.home);
  const pad = lib.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  lib.transaction(() => {
    for (let i = 0; i < 2000; i++) pad.run(`padding-${i}`, 'x'.repeat(300));
  });
  const backup = await createBackup(lib, localAdmin, {});
  lib.close();
  // Three pages near the end, where the padding rows are: the file opens, its check fails.
  const file = join(damaged.home, 'library.sqlite');
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0xab), 0, 4096 * 3, statSync(file).size - 4096 * 20);
  closeSync(fd);

  const other = await launchApp({ home: damaged.home });
  try {
    await other.page.locator('.language-switch select').selectOption('en');
    await other.page.getByText('The library database is damaged.').waitFor();
    expect(await other.page.locator('.restore-banner code').textContent()).toBe(`clearframe restore "${backup.path}"`);
  } finally {
    await other.close();
    damaged.remove();
  }
});
