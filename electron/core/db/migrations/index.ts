import * as m001 from './001-initial';
import * as m002 from './002-users';
import * as m003 from './003-media-grid-indexes';
import * as m004 from './004-audit-log';
import * as m005 from './005-export';
import * as m006 from './006-faces';
import * as m007 from './007-publishing';
import * as m008 from './008-gdpr';
import * as m009 from './009-audit-people';
import * as m010 from './010-import-owner';
import * as m011 from './011-import-failure-reasons';
import * as m012 from './012-media-face-state';

/**
 * Forward-only migrations, numbered from 1. A migration that has shipped is never edited:
 * a schema change is a new file appended here.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'users', sql: m002.sql },
  { version: 3, name: 'media-grid-indexes', sql: m003.sql },
  { version: 4, name: 'audit-log', sql: m004.sql },
  { version: 5, name: 'export', sql: m005.sql },
  { version: 6, name: 'faces', sql: m006.sql },
  { version: 7, name: 'publishing', sql: m007.sql },
  { version: 8, name: 'gdpr', sql: m008.sql },
  { version: 9, name: 'audit-people', sql: m009.sql },
  { version: 10, name: 'import-owner', sql: m010.sql },
  { version: 11, name: 'import-failure-reasons', sql: m011.sql },
  { version: 12, name: 'media-face-state', sql: m012.sql },
];

export const latestVersion = migrations.length;
