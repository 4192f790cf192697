import { z } from 'zod';
import { command } from './define';
import { isoDate } from './people';

/** A PDF report, as base64 so it crosses IPC, HTTP and the CLI alike; `name` is a suggested file name. */
export interface PdfReport {
  name: string;
  pdf: string;
  pages: number;
}

export const reportCommands = {
  /** Consent of one class: the state per person and channel on `date` (default today), then each person's history. */
  'reports.consent': command(z.object({ classId: z.number().int().positive(), date: isoDate.optional() })).returns<PdfReport & { people: number }>(),
  /** The publication register for a period (days inclusive, by the day of export): what went out where, showing whom. */
  'reports.publications': command(z.object({ from: isoDate, to: isoDate })).returns<PdfReport & { publications: number }>(),
};
