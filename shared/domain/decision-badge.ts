import type { Decision } from './decision';
import { blockCodes } from './decision-reasons';

/** An i18n key with its parameters; `count` follows i18next's plural rules. */
export interface BadgeText {
  key: string;
  params: { channel: string; count?: number; more?: number };
}

/** Every key `badge` can return, for the translation files. */
export const decisionBadgeKeys = [
  'decision.badge.publishable',
  'decision.badge.redact',
  ...blockCodes.map((code) => `decision.badge.blocked.${code}`),
] as const;

/**
 * The library badge for a decision: "OK for Facebook", "2 blurs", "blocked: 1 unknown face".
 * Blurs are counted per face or video track; a blocked badge names the first reason (reasons are listed
 * most serious first), how many of that kind there are, and how many other reasons follow.
 */
export function badge(decision: Decision, channelName: string): BadgeText {
  switch (decision.decision) {
    case 'publishable':
      return { key: 'decision.badge.publishable', params: { channel: channelName } };
    case 'redact': {
      const subjects = new Set(decision.redactions.map((r) => (r.trackId !== null ? `t${r.trackId}` : `f${r.faceId}`)));
      return { key: 'decision.badge.redact', params: { channel: channelName, count: subjects.size } };
    }
    case 'blocked': {
      const code = decision.reasons[0].code;
      const count = decision.reasons.filter((r) => r.code === code).length;
      return {
        key: `decision.badge.blocked.${code}`,
        params: { channel: channelName, count, more: decision.reasons.length - count },
      };
    }
  }
}
