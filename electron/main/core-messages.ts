import type { MediaVariant } from '../../shared/contract/bridge';
import type { Result } from '../../shared/result';

/** Main process → core host (the utility process that owns the library). */
export type ToCore =
  | { kind: 'invoke'; id: number; name: string; input: unknown }
  | { kind: 'media'; id: number; variant: MediaVariant; mediaId: number }
  /** Quit: close the database cleanly, then exit. */
  | { kind: 'close' };

/** Core host → main process. */
export type FromCore =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: string; payload: unknown };
