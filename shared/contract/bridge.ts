import type { Result } from '../result';
import type { CommandInput, CommandName, CommandResult, EventName, EventPayload } from './index';

export type MediaVariant = 'thumb' | 'preview' | 'original';

/**
 * What the renderer talks to: the preload exposes it as `window.clearframe` under Electron; in browser mode
 * renderer/src/lib/api.ts implements the same interface over HTTP (`POST /api/<command>`, `GET /api/events`
 * as server-sent events, media at `/media/<variant>/<id>`).
 */
export interface Bridge {
  platform: 'electron' | 'browser';
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>>;
  onEvent(listener: <K extends EventName>(name: K, payload: EventPayload<K>) => void): () => void;
  mediaUrl(variant: MediaVariant, mediaId: number): string;
  /** Turns dropped or chosen files into paths the core can import (Electron: the file's own path; browser: an upload). */
  stageFiles(files: File[]): Promise<Result<string[]>>;
}

/** The Electron protocol that serves media by library id only, never by path. */
export const mediaProtocol = 'clearframe-media';
