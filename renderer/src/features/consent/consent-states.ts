import type { TFunction } from 'i18next';
import type { ConsentState } from '../../../../shared/domain/consent';
import type { Channel } from '../../../../shared/types';
import type { IconName } from '../../components/Icon';

/** Each state has its own icon and words as well as its colour, so it never depends on colour alone. */
export const stateIcons: Record<ConsentState, IconName> = {
  granted: 'check',
  refused: 'x',
  withdrawn: 'undo',
  expired: 'clock',
  needs_pupil: 'user',
  invalid_giver: 'alert',
  none: 'minus',
};

/** Built-in channels have translated names; channels an admin added keep the name they were given. */
export function channelName(t: TFunction, channel: Pick<Channel, 'key' | 'name'>): string {
  return t(`channels.${channel.key}`, { defaultValue: channel.name });
}
