import type { exportCommands } from '../../../shared/contract/export';
import { checkMedia } from '../export/check-service';
import { exportReport } from '../export/export-reports';
import { startExport } from '../export/export-service';
import { mediaMarks, setMediaMarks } from '../export/marks-service';
import { decisionPolicy, setDecisionPolicy } from '../export/policy';
import { previewExport } from '../export/preview-service';
import { listPublications, markTakedownDone, setPostUrl } from '../export/publication-service';
import type { Library } from '../library';
import type { FeatureHandlers } from './handler-types';

export function exportHandlers(lib: Library): FeatureHandlers<keyof typeof exportCommands> {
  return {
    'export.check': (req) => checkMedia(lib, req),
    'export.preview': (req) => previewExport(lib, req),
    'export.start': (req, ctx) => ({ jobId: startExport(lib, ctx, req).jobId }),
    'export.report': ({ jobId }) => exportReport(lib, jobId),
    'export.policy': () => decisionPolicy(lib),
    'export.setPolicy': (changes, ctx) => setDecisionPolicy(lib, ctx, changes),
    'publications.list': (filter) => listPublications(lib, filter),
    'publications.done': ({ id }, ctx) => markTakedownDone(lib, ctx, id),
    'publications.setPostUrl': ({ id, url }, ctx) => setPostUrl(lib, ctx, id, url),
    'media.marks': ({ media }) => mediaMarks(lib, media),
    'media.setMarks': ({ media, ...changes }, ctx) => setMediaMarks(lib, ctx, media, changes),
  };
}
