import { describe, expect, it } from 'vitest';
import { decide } from '../../shared/domain/decision';
import { badge, decisionBadgeKeys } from '../../shared/domain/decision-badge';
import { boxShare, redactionBox } from '../../shared/domain/decision-face-box';
import { defaultDecisionPolicy } from '../../shared/domain/decision-policy';
import { face, input, media, person } from './decision-fixtures';

describe('library badge', () => {
  it('says OK for the channel', () => {
    expect(badge(decide(input()), 'Facebook')).toEqual({ key: 'decision.badge.publishable', params: { channel: 'Facebook' } });
  });
  it('counts blurs per face, and per video track', () => {
    const photo = decide(input({ faces: [face(1, { personId: 1 }), face(2, { personId: 2 })], people: [person(1), person(2)] }));
    expect(badge(photo, 'Website')).toEqual({ key: 'decision.badge.redact', params: { channel: 'Website', count: 2 } });
    const video = decide(input({ faces: [face(1, { personId: 1, trackId: 3 }), face(2, { personId: 1, trackId: 3 })], people: [person(1)] }));
    expect(badge(video, 'Website').params.count).toBe(1);
  });
  it('names the first reason, how often it occurs and how many others follow', () => {
    const one = decide(input({ faces: [face(1, { state: 'unreviewed' })] }));
    expect(badge(one, 'Facebook')).toEqual({ key: 'decision.badge.blocked.unknown_face', params: { channel: 'Facebook', count: 1, more: 0 } });
    const many = decide(input({ media: media({ license: 'unknown' }), faces: [face(1, { state: 'unreviewed' }), face(2, { state: 'unreviewed' })] }));
    expect(badge(many, 'Facebook')).toEqual({ key: 'decision.badge.blocked.unknown_face', params: { channel: 'Facebook', count: 2, more: 1 } });
  });
  it('only returns keys listed for the translation files', () => {
    const b = badge(decide(input({ media: media({ confidential: true }) })), 'Website');
    expect(decisionBadgeKeys).toContain(b.key);
    expect(new Set(decisionBadgeKeys).size).toBe(decisionBadgeKeys.length);
  });
});

describe('face boxes', () => {
  it('measure the share of the frame inside it', () => {
    expect(boxShare({ x: 0, y: 0, w: 0.5, h: 0.5 })).toBeCloseTo(0.25);
    expect(boxShare({ x: 0.8, y: 0.8, w: 0.4, h: 0.4 })).toBeCloseTo(0.04);
  });
  it('grow by the margin on every side and stay inside the frame', () => {
    const grown = redactionBox({ x: 0.4, y: 0.4, w: 0.1, h: 0.2 }, defaultDecisionPolicy.blurMargin);
    expect(grown.x).toBeCloseTo(0.37);
    expect(grown.y).toBeCloseTo(0.34);
    expect(grown.w).toBeCloseTo(0.16);
    expect(grown.h).toBeCloseTo(0.32);
    expect(redactionBox({ x: 0, y: 0.9, w: 0.2, h: 0.1 }, 0.3)).toEqual({ x: 0, y: expect.closeTo(0.87), w: expect.closeTo(0.26), h: expect.closeTo(0.13) });
  });
});
