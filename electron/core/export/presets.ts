import type { Channel } from '../../../shared/types';
import type { Library } from '../library';

/** How a file is sized and compressed for one channel. */
export interface ChannelPreset {
  /** Photos: the longest side in pixels (smaller photos are never enlarged). */
  photoMaxEdge: number;
  jpegQuality: number;
  /** Videos: the longest side in pixels. */
  videoMaxEdge: number;
  /** Videos: the peak bitrate, in kbit/s, that the platform accepts without re-encoding badly. */
  videoMaxKbps: number;
}

/**
 * Sizes the platforms recommend (or keep without recompressing) in 2025; press gets the largest files
 * because papers print them, the newsletter the smallest because it is mailed.
 */
const presets: Record<string, ChannelPreset> = {
  website: { photoMaxEdge: 2048, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 6000 },
  newsletter: { photoMaxEdge: 1600, jpegQuality: 82, videoMaxEdge: 1280, videoMaxKbps: 3000 },
  parent_portal: { photoMaxEdge: 2048, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 6000 },
  press: { photoMaxEdge: 3600, jpegQuality: 92, videoMaxEdge: 1920, videoMaxKbps: 10000 },
  facebook: { photoMaxEdge: 2048, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 8000 },
  x: { photoMaxEdge: 2048, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 6000 },
  linkedin: { photoMaxEdge: 1920, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 6000 },
  youtube: { photoMaxEdge: 1920, jpegQuality: 88, videoMaxEdge: 1920, videoMaxKbps: 12000 },
  instagram: { photoMaxEdge: 1440, jpegQuality: 85, videoMaxEdge: 1920, videoMaxKbps: 6000 },
};

const byKind: Record<Channel['kind'], ChannelPreset> = {
  internal: presets.newsletter!,
  external: presets.website!,
  social: presets.facebook!,
};

/** The preset of a built-in channel, or of its kind for a channel an admin added. */
export function channelPreset(channel: Pick<Channel, 'key' | 'kind'>): ChannelPreset {
  return presets[channel.key] ?? byKind[channel.kind];
}

/** The preset an export uses: the channel's, with the sizes the admin set for the identity's official account there. */
export function exportPreset(lib: Library, identityKey: string | null, channel: Pick<Channel, 'key' | 'kind'>): ChannelPreset {
  const base = channelPreset(channel);
  const account = identityKey === null ? undefined : lib.repos.identities.get(identityKey, channel.key);
  if (!account) return base;
  return {
    photoMaxEdge: account.photoMaxEdge ?? base.photoMaxEdge,
    jpegQuality: account.jpegQuality ?? base.jpegQuality,
    videoMaxEdge: account.videoMaxEdge ?? base.videoMaxEdge,
    videoMaxKbps: account.videoMaxKbps ?? base.videoMaxKbps,
  };
}
