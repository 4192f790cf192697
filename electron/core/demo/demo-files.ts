import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { IsoDate } from '../../../shared/types';

/** The day the demo CSV files are dated as; see resources/demo/README.md. */
export const demoFilesDate: IsoDate = '2026-11-25';

/**
 * resources/demo, found by walking up from this module: the same code runs from the TypeScript sources
 * (tests, CLI) and from the bundle in out/, which sit at different depths below the project folder.
 */
export function findDemoFolder(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'demo');
    if (existsSync(join(candidate, 'people.csv'))) return candidate;
    if (dirname(dir) === dir) {
      throw new ClearFrameError('not_found', 'The demo school files (resources/demo) are missing from this installation. Reinstall ClearFrame.');
    }
  }
}

const daysBetween = (from: IsoDate, to: IsoDate): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * Moves every YYYY-MM-DD date in the demo text by the days between the files' date and `today`, so ages,
 * "turns 16 soon" and expiry look the same on whatever day the demo is loaded.
 */
export function shiftDemoDates(text: string, today: IsoDate): string {
  const days = daysBetween(demoFilesDate, today);
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => (isIsoDate(date) ? addDays(date, days) : date));
}
