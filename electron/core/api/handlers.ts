import { startDemoLoad } from '../demo/load-demo';
import type { Library } from '../library';
import { auditHandlers } from './audit-handlers';
import { csvHandlers } from './csv-handlers';
import type { Handlers } from './dispatch';
import { exportHandlers } from './export-handlers';
import { faceHandlers } from './face-handlers';
import { gdprHandlers } from './gdpr-handlers';
import { libraryHandlers } from './library-handlers';
import { mediaHandlers } from './media-handlers';
import { peopleHandlers } from './people-handlers';
import { publishingHandlers } from './publishing-handlers';
import { userHandlers } from './user-handlers';

/** Binds every command of the contract to the services of one open library. */
export function createHandlers(lib: Library): Handlers {
  return {
    ...libraryHandlers(lib, (_input, ctx) => ({ jobId: startDemoLoad(lib, ctx).jobId })),
    ...peopleHandlers(lib),
    ...csvHandlers(lib),
    ...mediaHandlers(lib),
    ...auditHandlers(lib),
    ...userHandlers(lib),
    ...exportHandlers(lib),
    ...faceHandlers(lib),
    ...publishingHandlers(lib),
    ...gdprHandlers(lib),
  };
}
