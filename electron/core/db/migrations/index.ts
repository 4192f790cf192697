import * as m001 from './001-initial';

/**
 * Forward-only migrations, numbered from 1. A migration that has shipped is never edited:
 * a schema change is a new file appended here.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m001.sql },
];

export const latestVersion = migrations.length;
