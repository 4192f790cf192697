import type { mediaCommands } from '../../../shared/contract/media';
import type { Library } from '../library';
import { browseFolder } from '../media/browse-files';
import { batchReport, listBatchReports, startMediaImport } from '../media/import-service';
import { mediaDetail, resolveMedia, updateMedia } from '../media/media-service';
import type { FeatureHandlers } from './handler-types';

export function mediaHandlers(lib: Library): FeatureHandlers<keyof typeof mediaCommands> {
  return {
    'media.import': ({ paths, defaults }, ctx) => {
      const { jobId, batchId } = startMediaImport(lib, ctx, paths, defaults);
      return { jobId, batchId };
    },
    'media.batches': () => listBatchReports(lib),
    'media.batch': ({ batchId }) => batchReport(lib, batchId),
    'media.list': ({ filter, offset, limit }) => lib.repos.media.list(filter, offset, limit),
    'media.get': ({ media }) => mediaDetail(lib, resolveMedia(lib, media)),
    'media.update': ({ media, ...changes }, ctx) => updateMedia(lib, ctx, media, changes),
    'files.browse': ({ path }) => browseFolder(path),
  };
}
