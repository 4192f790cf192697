import type { AppError } from '../../../shared/result';
import type { Rect, ScoredRect } from './box-geometry';

export interface VideoScanOptions {
  path: string;
  /** Upright frame size, as probed at import. */
  width: number;
  height: number;
  /** The part of the video this task samples, in seconds (end null = to the end). */
  start: number;
  end: number | null;
  fps: number;
  minFacePx: number;
  minScore: number;
  /** Scan every sampled frame whole (the benchmark's reference); by default unchanged parts are skipped. */
  fullScan?: boolean;
}

/** Work the detector threads do. Boxes are fractions of the upright image or frame. */
export type DetectorTask =
  | { kind: 'scan-photo'; path: string; ext: string; minFacePx: number; minScore: number }
  | ({ kind: 'scan-video' } & VideoScanOptions)
  | { kind: 'describe-photo'; path: string; ext: string; boxes: Rect[] }
  | { kind: 'describe-frame'; path: string; width: number; height: number; time: number; boxes: Rect[] };

export interface PhotoScan {
  width: number;
  height: number;
  faces: ScoredRect[];
}

export interface SampledFrame {
  time: number;
  /** A scene cut happened just before this frame: tracks do not continue across it. */
  cut: boolean;
  faces: ScoredRect[];
}

export interface VideoScan {
  frames: SampledFrame[];
}

/** One 128-number descriptor per box, or null where no face could be aligned in the box. */
export type Descriptors = (number[] | null)[];

export interface TaskResults {
  'scan-photo': PhotoScan;
  'scan-video': VideoScan;
  'describe-photo': Descriptors;
  'describe-frame': Descriptors;
}

export type TaskRequest = { id: number; task: DetectorTask };
export type TaskResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppError };
