import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvImportReport, CsvKind } from '../../../shared/contract/csv-import';
import type { ImportBatchReport } from '../../../shared/contract/media';
import { todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { IsoDate } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import { importCsv } from '../csv/import-csv';
import type { JobContext } from '../jobs/job-runner';
import type { Library } from '../library';
import { startMediaImport, type ImportDefaultsInput } from '../media/import-service';
import { createSchool, setFoundationName } from '../services/org-service';
import { findDemoFolder, shiftDemoDates } from './demo-files';

export interface DemoLoadReport {
  people: CsvImportReport;
  consents: CsvImportReport;
  media: ImportBatchReport[];
}

export interface DemoLoadOptions {
  /** The resources/demo folder; found next to the installation by default. */
  folder?: string;
  /** The day the demo is dated for; today by default. */
  today?: IsoDate;
}

const foundationName = 'Stichting De Linde';
const schools = [
  { key: 'de-linde', name: 'Basisschool De Linde' },
  { key: 'het-baken', name: 'Het Baken (voortgezet onderwijs)' },
] as const;

/** Each media folder is one import batch, so its files get the right licence and credit. */
const mediaBatches: { folder: string; school: (typeof schools)[number]['key']; defaults: ImportDefaultsInput }[] = [
  {
    folder: 'public-domain',
    school: 'het-baken',
    defaults: {
      license: 'third_party',
      rightsHolder: 'Public domain',
      credit: 'Public domain: White House and NASA photos (see resources/demo/LICENSES.md)',
      eventName: 'Portretten (demo)',
    },
  },
  {
    folder: 'generated',
    school: 'de-linde',
    defaults: { license: 'cc0', creator: 'ClearFrame demo', credit: 'CC0, made for the ClearFrame demo' },
  },
];

const steps = 2 + mediaBatches.length;

/** The schools are created before startDemoLoad returns, so a second click finds the library no longer empty. */
function assertEmpty(lib: Library): void {
  if (lib.repos.people.count() > 0 || lib.repos.media.count() > 0 || lib.repos.schools.listSchools().length > 0) {
    throw new ClearFrameError(
      'conflict',
      'This library already holds schools, people or media, and the demo school only loads into an empty library. Open a new library folder to try the demo.',
    );
  }
}

function checkCancelled(job: JobContext): void {
  if (job.signal.aborted) throw new ClearFrameError('cancelled', 'Loading the demo school was cancelled; what was loaded so far stays in the library.');
}

/**
 * Fills an empty library with the demo foundation as a job: its schools, the people and consent answers from
 * resources/demo through the ordinary CSV import, and the demo photos and video through the ordinary media import.
 */
export function startDemoLoad(lib: Library, ctx: RequestContext, options: DemoLoadOptions = {}): { jobId: number; done: Promise<DemoLoadReport> } {
  assertEmpty(lib);
  const folder = options.folder ?? findDemoFolder();
  const today = options.today ?? todayIso();

  const importDemoCsv = async (kind: CsvKind, file: string): Promise<CsvImportReport> => {
    const text = shiftDemoDates(await readFile(join(folder, file), 'utf8'), today);
    const report = importCsv(lib, ctx, kind, Buffer.from(text), { dryRun: false, source: 'demo', today });
    if (!report.applied) {
      throw new ClearFrameError('internal', `The demo file ${file} did not import: ${report.errors[0]?.message ?? report.messages.join(' ')}`);
    }
    return report;
  };

  const job = lib.jobs.start('demo', 'Loading the demo school', async (job): Promise<DemoLoadReport> => {
    job.progress(0, steps, 'people.csv');
    setFoundationName(lib, ctx, foundationName);
    const schoolIds = new Map(schools.map((s) => [s.key, createSchool(lib, ctx, s.key, s.name).id]));
    const people = await importDemoCsv('people', 'people.csv');
    checkCancelled(job);
    job.progress(1, steps, 'consents.csv');
    const consents = await importDemoCsv('consents', 'consents.csv');

    const media: ImportBatchReport[] = [];
    for (const [i, batch] of mediaBatches.entries()) {
      checkCancelled(job);
      job.progress(2 + i, steps, `media/${batch.folder}`);
      const run = startMediaImport(lib, ctx, [join(folder, 'media', batch.folder)], { ...batch.defaults, schoolId: schoolIds.get(batch.school) });
      const cancel = () => lib.jobs.cancel(run.jobId);
      job.signal.addEventListener('abort', cancel);
      try {
        media.push(await run.done);
      } finally {
        job.signal.removeEventListener('abort', cancel);
      }
    }
    checkCancelled(job);
    job.progress(steps, steps, '');
    return { people, consents, media };
  });
  return { jobId: job.id, done: job.done };
}
