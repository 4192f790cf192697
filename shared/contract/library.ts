import { z } from 'zod';
import { command } from './define';

export interface LibraryStatus {
  media: number;
  people: number;
  consents: number;
  library: string;
  integrity: 'ok' | string;
  empty: boolean;
  schemaVersion: number;
}

export const libraryCommands = {
  'library.status': command(z.object({})).returns<LibraryStatus>(),
  'library.loadDemo': command(z.object({})).returns<{ jobId: number }>(),
};

export interface LibraryEvents {
  /** Something the UI shows changed (people, consent, media); views refetch. */
  'library.changed': { what: 'people' | 'consent' | 'media' | 'org' | 'faces' };
}
