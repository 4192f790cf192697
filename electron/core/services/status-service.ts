import type { LibraryStatus } from '../../../shared/contract/library';
import { schemaVersion } from '../db/migrate';
import type { Library } from '../library';

export function libraryStatus(lib: Library): LibraryStatus {
  const media = lib.repos.media.count();
  const people = lib.repos.people.count();
  const consents = lib.repos.consent.count();
  return {
    media,
    people,
    consents,
    library: lib.paths.home,
    integrity: lib.integrity,
    empty: media === 0 && people === 0,
    schemaVersion: schemaVersion(lib.db),
  };
}
