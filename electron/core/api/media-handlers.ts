import type { mediaCommands } from '../../../shared/contract/media';
import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';
import type { FeatureHandlers } from './handler-types';

const notYet = (): never => {
  throw new ClearFrameError('unsupported', 'Media import is not built yet.');
};

export function mediaHandlers(_lib: Library): FeatureHandlers<keyof typeof mediaCommands> {
  return {
    'media.import': notYet,
    'media.batches': notYet,
    'media.batch': notYet,
    'media.list': notYet,
    'media.get': notYet,
    'media.update': notYet,
    'files.browse': notYet,
  };
}
