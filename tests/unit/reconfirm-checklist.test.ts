import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/contract';
import { answerKey, checklistRecords } from '../../renderer/src/features/lifecycle/checklist-answers';

describe('the reconfirmation checklist', () => {
  it('writes one consent record per ticked answer: yes grants, no refuses, dated and with the source as evidence', () => {
    const records = checklistRecords({ [answerKey(7, 'website')]: 'yes', [answerKey(7, 'social_media')]: 'no', [answerKey(12, 'newsletter')]: 'yes' }, '2026-09-14', ' paper form ');
    expect(records).toEqual([
      { person: '7', channel: 'website', status: 'granted', givenOn: '2026-09-14', evidence: 'paper form' },
      { person: '7', channel: 'social_media', status: 'refused', givenOn: '2026-09-14', evidence: 'paper form' },
      { person: '12', channel: 'newsletter', status: 'granted', givenOn: '2026-09-14', evidence: 'paper form' },
    ]);
  });

  it('writes nothing for unanswered boxes, and no evidence for an empty source', () => {
    expect(checklistRecords({}, '2026-09-14', 'paper form')).toEqual([]);
    expect(checklistRecords({ [answerKey(3, 'website')]: 'no' }, '2026-09-14', '  ')[0]!.evidence).toBeNull();
  });

  it('keeps channel keys whole and produces input the consent.set schema accepts', () => {
    const [record] = checklistRecords({ [answerKey(3, 'odd:key')]: 'yes' }, '2026-09-14', 'paper form');
    expect(record).toMatchObject({ person: '3', channel: 'odd:key' });
    expect(commands['consent.set'].input.safeParse(record).success).toBe(true);
  });
});
