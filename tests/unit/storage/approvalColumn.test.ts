import { describe, expect, it } from 'vitest';
import type { ApprovalState } from '../../../src/domain/index.js';
import { approvalFromColumn, approvalToColumn } from '../../../src/storage/approvalColumn.js';
import { CorruptRowError } from '../../../src/storage/entityFields.js';
import { buildStory } from '../../support/factories.js';

const at = (iso: string) => new Date(iso);

/** Every optional part present: a second stage, approvals on behalf of someone, a fallback. */
const full: ApprovalState = {
  policyVersion: 3,
  plan: {
    stages: [
      { approvers: { kind: 'people', ids: ['a', 'b'] }, mode: 'all' },
      { approvers: { kind: 'group', groupId: 'g' }, mode: 'any' },
    ],
    fallback: { kind: 'role', role: 'editor' },
    remindAfterMs: 1000,
    escalateAfterReminders: 2,
    expireAfterMs: 5000,
  },
  startedAt: at('2026-11-02T09:00:00.000Z'),
  stage: {
    index: 1,
    mode: 'any',
    slots: [
      {
        userId: 'a',
        displayName: 'A',
        approvedAt: at('2026-11-03T10:00:00.000Z'),
        onBehalfOf: 'b',
      },
      { userId: 'c', displayName: 'C' },
    ],
    startedAt: at('2026-11-03T10:00:00Z'),
    fallback: 'no_group',
  },
  reminders: 1,
  nudgedAt: at('2026-11-04T08:00:00.123Z'),
  asked: ['a', 'c'],
  expired: true,
};

describe('the approval column', () => {
  it('reads back what it wrote, optional parts present or absent', () => {
    expect(approvalFromColumn(approvalToColumn(full))).toEqual(full);
    const plain = buildStory().approval;
    const back = approvalFromColumn(approvalToColumn(plain));
    expect(back).toEqual(plain);
    // Absent stays absent (the domain's exact optional types), never `undefined`.
    expect(Object.keys(back.stage)).not.toContain('fallback');
    expect(Object.keys(back)).not.toContain('expired');
  });

  it('drops keys it does not know', () => {
    const json = JSON.parse(approvalToColumn(full)) as Record<string, unknown>;
    const back = approvalFromColumn(JSON.stringify({ ...json, extra: 1 }));
    expect(back).toEqual(full);
    expect(Object.keys(back)).not.toContain('extra');
  });

  it('refuses what it did not write, as a corrupt row', () => {
    const json = JSON.parse(approvalToColumn(full)) as Record<string, unknown>;
    const stage = json['stage'] as Record<string, unknown>;
    const plan = json['plan'] as Record<string, unknown>;
    for (const bad of [
      'not json',
      '[]',
      'null',
      { ...json, policyVersion: '3' },
      { ...json, startedAt: '2026-11-02' },
      { ...json, startedAt: '2026-11-02T09:00:00+02:00' },
      { ...json, nudgedAt: 'soon' },
      { ...json, asked: 'a' },
      { ...json, expired: 'yes' },
      { ...json, stage: { ...stage, mode: 'some' } },
      { ...json, stage: { ...stage, fallback: 'because' } },
      { ...json, stage: { ...stage, slots: [{ userId: 'a' }] } },
      { ...json, plan: { ...plan, fallback: { kind: 'robot' } } },
      { ...json, plan: { ...plan, fallback: { kind: 'role', role: 'employee' } } },
      {
        ...json,
        plan: { ...plan, stages: [{ approvers: { kind: 'people', ids: [1] }, mode: 'any' }] },
      },
      { ...json, plan: { ...plan, remindAfterMs: null } },
    ]) {
      const text = typeof bad === 'string' ? bad : JSON.stringify(bad);
      expect(() => approvalFromColumn(text), text.slice(0, 80)).toThrow(CorruptRowError);
    }
  });
});
