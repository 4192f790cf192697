import type { DecisionChannel, DecisionFace, DecisionInput, DecisionMedia, DecisionPerson } from '../../shared/domain/decision-input';
import { defaultDecisionPolicy } from '../../shared/domain/decision-policy';
import type { ConsentRecord } from '../../shared/types';

export const website: DecisionChannel = { key: 'website', name: 'Website', kind: 'external' };
export const facebook: DecisionChannel = { key: 'facebook', name: 'Facebook', kind: 'social' };
export const newsletter: DecisionChannel = { key: 'newsletter', name: 'Newsletter / school guide', kind: 'internal' };

export function media(fields: Partial<DecisionMedia> = {}): DecisionMedia {
  return {
    id: 1,
    kind: 'photo',
    hasAudio: null,
    license: 'school_owned',
    rightsHolder: null,
    facesDetected: true,
    confidential: false,
    notForPublication: null,
    openDoubt: null,
    audioRights: 'unknown',
    thirdPartyPermission: null,
    ...fields,
  };
}

export function face(id: number, fields: Partial<DecisionFace> = {}): DecisionFace {
  return {
    id,
    box: { x: 0.1 * (id % 8), y: 0.1, w: 0.1, h: 0.1 },
    state: 'person',
    personId: null,
    suggestedPersonId: null,
    trackId: null,
    ...fields,
  };
}

export function person(id: number, fields: Partial<DecisionPerson> = {}): DecisionPerson {
  return { id, firstName: 'Pupil', lastName: String(id), role: 'pupil', dateOfBirth: '2012-05-01', ...fields };
}

let nextRecordId = 1;
export function consent(fields: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: nextRecordId++,
    personId: 1,
    channel: 'website',
    status: 'granted',
    givenBy: 'guardian',
    givenOn: '2025-09-01',
    validUntil: '2026-07-31',
    evidence: null,
    note: null,
    source: 'manual',
    recordedAt: '2025-09-01T10:00:00Z',
    recordedBy: 'admin',
    ...fields,
  };
}

export function input(fields: Partial<DecisionInput> = {}): DecisionInput {
  return {
    media: media(),
    faces: [],
    people: [],
    consentHistory: [],
    channel: website,
    publishingIdentity: null,
    date: '2026-01-15',
    policy: defaultDecisionPolicy,
    ...fields,
  };
}
