import { z } from 'zod';
import type { ConsentEvaluation } from '../domain/consent';
import type { ConsentRecord, IsoDate, Person } from '../types';
import { consentGivers, consentStatuses } from '../types';
import { command } from './define';
import { isoDate, personRef } from './people';

export interface ConsentCell extends ConsentEvaluation {
  channel: string;
}

export interface ConsentMatrixRow {
  person: Person;
  cells: ConsentCell[];
  /** Set when a pupil turns 16 within the coming 30 days or already has: the pupil must answer personally. */
  ownConsentFrom: IsoDate | null;
}

export interface ConsentMatrix {
  classId: number;
  date: IsoDate;
  channels: string[];
  rows: ConsentMatrixRow[];
}

export interface ConsentOverview {
  person: Person;
  date: IsoDate;
  current: ConsentCell[];
  history: ConsentRecord[];
}

export const consentCommands = {
  'consent.matrix': command(z.object({ classId: z.number().int().positive(), date: isoDate.optional() })).returns<ConsentMatrix>(),
  'consent.show': command(z.object({ person: personRef, date: isoDate.optional() })).returns<ConsentOverview>(),
  'consent.set': command(
    z.object({
      person: personRef,
      channel: z.string().min(1).max(32),
      status: z.enum(consentStatuses),
      givenBy: z.enum(consentGivers).optional(),
      givenOn: isoDate.optional(),
      validUntil: isoDate.nullable().optional(),
      note: z.string().max(2000).nullable().optional(),
      evidence: z.string().max(1000).nullable().optional(),
    }),
  ).returns<ConsentRecord>(),
};
