import type { gdprCommands } from '../../../shared/contract/gdpr';
import type { reportCommands } from '../../../shared/contract/reports';
import { erasePerson, previewErasure } from '../gdpr/erase-person';
import { exportPersonData } from '../gdpr/export-person';
import type { Library } from '../library';
import { consentReport } from '../reports/consent-report';
import { publicationsReport } from '../reports/publications-report';
import type { FeatureHandlers } from './handler-types';

export function gdprHandlers(lib: Library): FeatureHandlers<keyof typeof gdprCommands | keyof typeof reportCommands> {
  return {
    'people.dataExport': ({ person, out, media }, ctx) => exportPersonData(lib, ctx, person, out, media),
    'people.erasePreview': ({ person }) => previewErasure(lib, person),
    'people.erase': ({ person }, ctx) => erasePerson(lib, ctx, person),
    'reports.consent': ({ classId, date }, ctx) => consentReport(lib, ctx, classId, date),
    'reports.publications': ({ from, to }, ctx) => publicationsReport(lib, ctx, from, to),
  };
}
