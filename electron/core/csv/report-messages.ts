import type { CsvImportReport } from '../../../shared/contract/csv-import';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function changeList(r: CsvImportReport): string {
  const parts =
    r.kind === 'people'
      ? [
          r.schoolsToCreate.length > 0 && plural(r.schoolsToCreate.length, 'new school'),
          r.classesToCreate.length > 0 && plural(r.classesToCreate.length, 'new class', 'new classes'),
          `${plural(r.peopleCreated, 'person', 'people')} created`,
          `${r.peopleUpdated} updated`,
        ]
      : [`${plural(r.consentsAdded, 'consent record')} added`];
  return `${parts.filter(Boolean).join(', ')}; ${plural(r.unchanged, 'row')} unchanged`;
}

/** The sentences that head the report: what happened (or would), and what the user does next. */
export function reportMessages(r: CsvImportReport, totalErrors: number, totalWarnings: number): string[] {
  const messages: string[] = [];
  if (totalErrors > 0) {
    const fileLevel = r.errors.some((e) => e.line === null);
    messages.push(
      fileLevel && r.rows === 0
        ? 'ClearFrame could not read this file, so nothing was imported.'
        : `The file has ${plural(totalErrors, 'error')}, so nothing was imported: a file is applied completely or not at all.`,
      'Fix the file (the lines and columns are listed below) and import it again.',
    );
  } else if (r.dryRun) {
    messages.push(`Checked ${plural(r.rows, 'row')}; nothing was written yet. Applying this file gives: ${changeList(r)}.`);
  } else if (r.peopleCreated + r.peopleUpdated + r.consentsAdded + r.schoolsToCreate.length + r.classesToCreate.length === 0) {
    messages.push(`Nothing changed: all ${plural(r.rows, 'row')} already match the library.`);
  } else {
    messages.push(`Imported ${plural(r.rows, 'row')}: ${changeList(r)}.`);
  }
  if (totalWarnings > 0) {
    messages.push(`${plural(totalWarnings, 'warning')}: ${totalErrors > 0 ? 'these' : 'the rows concerned'} do not block the import, but check them.`);
  }
  if (r.errors.length < totalErrors || r.warnings.length < totalWarnings) {
    messages.push(`Only the first ${r.errors.length + r.warnings.length} problems are listed; fix these and check the file again to see the rest.`);
  }
  return messages;
}
