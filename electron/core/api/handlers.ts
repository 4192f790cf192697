import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';
import { csvHandlers } from './csv-handlers';
import type { Handlers } from './dispatch';
import { libraryHandlers } from './library-handlers';
import { mediaHandlers } from './media-handlers';
import { peopleHandlers } from './people-handlers';

/** Binds every command of the contract to the services of one open library. */
export function createHandlers(lib: Library): Handlers {
  const loadDemo = () => {
    throw new ClearFrameError('unsupported', 'The demo school is not built yet.');
  };
  return {
    ...libraryHandlers(lib, loadDemo),
    ...peopleHandlers(lib),
    ...csvHandlers(lib),
    ...mediaHandlers(lib),
  };
}
