import type { Channel } from '../types';

/** The channels every library starts with; an admin can add more. Keys are used in CSV files and the CLI. */
export const defaultChannels: readonly Channel[] = [
  { key: 'website', name: 'Website', kind: 'external', builtin: true },
  { key: 'newsletter', name: 'Newsletter / school guide', kind: 'internal', builtin: true },
  { key: 'parent_portal', name: 'Parent portal', kind: 'internal', builtin: true },
  { key: 'press', name: 'Press', kind: 'external', builtin: true },
  { key: 'facebook', name: 'Facebook', kind: 'social', builtin: true },
  { key: 'x', name: 'X / Twitter', kind: 'social', builtin: true },
  { key: 'linkedin', name: 'LinkedIn', kind: 'social', builtin: true },
  { key: 'youtube', name: 'YouTube', kind: 'social', builtin: true },
  { key: 'instagram', name: 'Instagram', kind: 'social', builtin: true },
];

export const channelKeyPattern = /^[a-z][a-z0-9_]{0,31}$/;
