import type { MediaKind } from '../types';

/**
 * Why one file of a media import failed, as a stable code with the values its sentence needs: the UI says it in
 * the user's language, while the English `error` sentence stays for the CLI and its JSON.
 * `detail` is a decoder's or tool's own words (English, technical); the UI shows it in brackets as it is.
 */
export const importFailureCodes = [
  'not_regular_file',
  'file_gone',
  'cannot_open',
  'empty_file',
  'unsupported_type',
  'file_too_large',
  'image_unreadable',
  'image_no_size',
  'too_many_pixels',
  'image_undecodable',
  'video_unreadable',
  'video_no_description',
  'video_no_picture',
  'file_changed',
  'tool_missing',
  'tool_failed',
  'tool_output_too_large',
  'tool_timeout',
  'folder_unreadable',
] as const;
export type ImportFailureCode = (typeof importFailureCodes)[number];

/** What a file that ClearFrame does not read looks like, as detect-type recognises it. */
export const unsupportedKinds = [
  'avif',
  'audio',
  'canon_raw',
  'camera_raw',
  'mp4_family',
  'matroska',
  'gif',
  'bmp',
  'pdf',
  'zip',
  'avi',
  'text',
  'unknown',
] as const;
export type UnsupportedKind = (typeof unsupportedKinds)[number];

type NoParams = Record<string, never>;

export type ImportFailureReason =
  | { code: 'not_regular_file' | 'file_gone' | 'empty_file' | 'video_no_description' | 'video_no_picture' | 'file_changed' | 'tool_output_too_large'; params: NoParams }
  /** `errno` is the operating system's code, e.g. EACCES. */
  | { code: 'cannot_open' | 'folder_unreadable'; params: { errno: string } }
  /** `brand` names the MP4-family type (kind mp4_family only). */
  | { code: 'unsupported_type'; params: { kind: UnsupportedKind; brand?: string } }
  /** Sizes in bytes. */
  | { code: 'file_too_large'; params: { label: string; kind: MediaKind; size: number; limit: number } }
  | { code: 'image_unreadable' | 'image_undecodable'; params: { label: string; detail: string } }
  | { code: 'image_no_size'; params: { label: string } }
  | { code: 'too_many_pixels'; params: { width: number; height: number; megapixels: number; limitMegapixels: number } }
  | { code: 'video_unreadable'; params: { detail: string } }
  | { code: 'tool_missing'; params: { tool: string } }
  | { code: 'tool_failed'; params: { tool: string; detail: string } }
  | { code: 'tool_timeout'; params: { seconds: number } };

/**
 * A failure without a known reason: an unexpected error, or a row stored before failures had codes.
 * The UI shows its English sentence after a lead in the user's language.
 */
export type UnexpectedImportFailure = { code: 'unexpected'; params: NoParams };

export const unexpectedImportFailure: UnexpectedImportFailure = { code: 'unexpected', params: {} };
