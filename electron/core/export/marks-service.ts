import type { MediaMarksView } from '../../../shared/contract/export';
import type { AudioRights } from '../../../shared/domain/decision-input';
import type { IsoDate } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { MediaMarks } from '../db/repositories/media-marks-repository';
import type { Library } from '../library';
import { resolveMedia } from '../media/media-service';
import { resolveChannel } from './selection';

export interface MarkChanges {
  confidential?: boolean;
  notForPublication?: string | null;
  audioRights?: AudioRights;
  thirdPartyPermission?: { channels: string[]; until: IsoDate | null; evidence: string | null } | null;
}

const view = (m: MediaMarks): MediaMarksView => ({ ...m, thirdPartyPermission: m.thirdPartyPermission && { ...m.thirdPartyPermission, channels: [...m.thirdPartyPermission.channels] } });

export function mediaMarks(lib: Library, ref: string): MediaMarksView {
  return view(lib.repos.marks.get(resolveMedia(lib, ref).id));
}

/** Changes the marks the decision reads (rules 3, 6, 8); fields left out stay as they are. */
export function setMediaMarks(lib: Library, ctx: RequestContext, ref: string, changes: MarkChanges): MediaMarksView {
  const media = resolveMedia(lib, ref);
  for (const key of changes.thirdPartyPermission?.channels ?? []) resolveChannel(lib, key);
  const before = lib.repos.marks.get(media.id);
  const after: MediaMarks = {
    mediaId: media.id,
    confidential: changes.confidential ?? before.confidential,
    notForPublication: changes.notForPublication !== undefined ? changes.notForPublication : before.notForPublication,
    audioRights: changes.audioRights ?? before.audioRights,
    thirdPartyPermission: changes.thirdPartyPermission !== undefined ? changes.thirdPartyPermission : before.thirdPartyPermission,
  };
  lib.transaction(() => {
    lib.repos.marks.set(after, ctx.actor);
    lib.repos.audit.append(ctx.actor, 'media.marked', `media:${media.id}`, { before, after });
  });
  lib.events.emit('library.changed', { what: 'media' });
  return view(after);
}
