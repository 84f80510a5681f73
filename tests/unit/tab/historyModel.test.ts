import { beforeAll, describe, expect, it } from 'vitest';
import {
  HISTORY_TYPES,
  type HistoryEventDto,
  type HistoryTypeDto,
  type SurfaceDto,
} from '../../../src/shared/dto.js';
import { timelineOf } from '../../../src/tab/components/StoryDetail/historyModel.js';
import type { Translate } from '../../../src/tab/hooks/useT.js';
import { translatorFor } from './translator.js';

/** One history event as the API gives it; override what a test is about. */
function buildEvent(
  type: HistoryTypeDto,
  detail: HistoryEventDto['detail'] = {},
  overrides: Partial<HistoryEventDto> = {},
): HistoryEventDto {
  return {
    at: '2026-03-12T10:00:00.000Z',
    type,
    actor: { id: 'mikko', displayName: 'Mikko Manager' },
    surface: 'card',
    detail,
    ...overrides,
  };
}

let en: Translate;
let fi: Translate;
beforeAll(async () => {
  [en, fi] = await Promise.all([translatorFor('en'), translatorFor('fi')]);
});

/** The lines shown for one event, in English unless told. */
function linesOf(event: HistoryEventDto, t: Translate = en, language = 'en'): string[] {
  const [entry] = timelineOf([event], t, language);
  return entry?.lines ?? [];
}

describe('timelineOf', () => {
  it('shows the API’s newest-first history in the order it happened', () => {
    const events = [
      buildEvent('approved', {}, { at: '2026-03-13T09:00:00.000Z' }),
      buildEvent('routed', { approvers: ['Mikko Manager'] }, { at: '2026-03-12T10:00:00.000Z' }),
      buildEvent('submitted', {}, { at: '2026-03-12T10:00:00.000Z' }),
    ];
    const timeline = timelineOf(events, en, 'en');
    expect(timeline.map((entry) => [entry.key, entry.type, entry.at])).toEqual([
      ['0-submitted', 'submitted', '2026-03-12T10:00:00.000Z'],
      ['1-routed', 'routed', '2026-03-12T10:00:00.000Z'],
      ['2-approved', 'approved', '2026-03-13T09:00:00.000Z'],
    ]);
    expect(events.map((event) => event.type)).toEqual(['approved', 'routed', 'submitted']);
  });

  it('keeps the API’s order for events of one instant rather than sorting them', () => {
    const at = '2026-03-12T10:00:00.000Z';
    const events = [
      buildEvent('routed', {}, { at }),
      buildEvent('delegated', {}, { at }),
      buildEvent('submitted', {}, { at }),
    ];
    expect(timelineOf(events, en, 'en').map((entry) => entry.type)).toEqual([
      'submitted',
      'delegated',
      'routed',
    ]);
  });

  it('is empty for an empty history', () => {
    expect(timelineOf([], en, 'en')).toEqual([]);
  });

  it('names who acted for people’s own acts, not for what followed from them', () => {
    const actors = Object.fromEntries(
      HISTORY_TYPES.map((type) => [type, timelineOf([buildEvent(type)], en, 'en')[0]?.actor]),
    );
    expect(actors).toEqual({
      submitted: 'Mikko Manager',
      routed: undefined,
      delegated: undefined,
      approved: 'Mikko Manager',
      changes_requested: 'Mikko Manager',
      rejected: 'Mikko Manager',
      resubmitted: 'Mikko Manager',
      withdrawn: 'Mikko Manager',
      published: undefined,
      archived: 'Mikko Manager',
      reassigned: 'Mikko Manager',
      reminded: undefined,
      escalated: undefined,
      expired: undefined,
      hidden: 'Mikko Manager',
      restored: 'Mikko Manager',
      edited: 'Mikko Manager',
      reports_dismissed: 'Mikko Manager',
      awarded: 'Mikko Manager',
    });
  });

  it('titles every event type, each differently, in both languages', () => {
    for (const t of [en, fi]) {
      const titles = HISTORY_TYPES.map((type) => timelineOf([buildEvent(type)], t, 'en')[0]?.title);
      expect(titles.every((title) => title && !title.startsWith('history.'))).toBe(true);
      expect(new Set(titles).size).toBe(HISTORY_TYPES.length);
    }
    expect(timelineOf([buildEvent('routed')], en, 'en')[0]?.title).toBe('Sent for approval');
    expect(timelineOf([buildEvent('routed')], fi, 'fi')[0]?.title).toBe(
      'Lähetetty hyväksyttäväksi',
    );
  });

  it('says where each act was done', () => {
    const surfaces: SurfaceDto[] = ['card', 'tab', 'api', 'scheduler'];
    const shown = (t: Translate) =>
      surfaces.map(
        (surface) => timelineOf([buildEvent('approved', {}, { surface })], t, 'en')[0]?.surface,
      );
    expect(shown(en)).toEqual([
      'in Teams chat',
      'in Story Wall',
      'through an integration',
      'automatically',
    ]);
    expect(shown(fi)).toEqual([
      'Teams-keskustelussa',
      'Tarinaseinällä',
      'integraation kautta',
      'automaattisesti',
    ]);
  });

  it('carries a comment, but not an empty one', () => {
    const [withComment, blank, none] = timelineOf(
      [
        buildEvent('approved'),
        buildEvent('rejected', { comment: '' }),
        buildEvent('changes_requested', { comment: 'Add when it happened.' }),
      ],
      en,
      'en',
    );
    expect(withComment?.comment).toBe('Add when it happened.');
    expect(blank).not.toHaveProperty('comment');
    expect(none).not.toHaveProperty('comment');
  });
});

describe('routed', () => {
  it('counts the stage only in a policy of more than one', () => {
    const detail = { approvers: ['Mikko Manager'], mode: 'any' };
    expect(linesOf(buildEvent('routed', { ...detail, stage: 2, stages: 3 }))).toEqual([
      'Stage 2 of 3',
      'To Mikko Manager',
    ]);
    expect(linesOf(buildEvent('routed', { ...detail, stage: 1, stages: 1 }))).toEqual([
      'To Mikko Manager',
    ]);
    expect(linesOf(buildEvent('routed', { ...detail, stage: 2, stages: 3 }), fi, 'fi')).toEqual([
      'Vaihe 2/3',
      'Hyväksyjä: Mikko Manager',
    ]);
  });

  it('says whether the first answer decides or everyone must approve', () => {
    const approvers = ['Mikko', 'Eeva', 'Anna'];
    expect(linesOf(buildEvent('routed', { approvers, mode: 'any' }))).toEqual([
      'To Mikko, Eeva, or Anna: the first answer decides',
    ]);
    expect(linesOf(buildEvent('routed', { approvers, mode: 'all' }))).toEqual([
      'To Mikko, Eeva, and Anna: everyone must approve',
    ]);
    expect(linesOf(buildEvent('routed', { approvers: ['Mikko', 'Eeva'] }), fi, 'fi')).toEqual([
      'Hyväksyjät: Mikko tai Eeva – ensimmäinen vastaus ratkaisee',
    ]);
    expect(
      linesOf(buildEvent('routed', { approvers: ['Mikko', 'Eeva'], mode: 'all' }), fi, 'fi'),
    ).toEqual(['Hyväksyjät: Mikko ja Eeva – kaikkien on hyväksyttävä']);
  });

  it('leaves out blank names, and the line when nobody is named', () => {
    expect(linesOf(buildEvent('routed', { approvers: ['', 'Eeva', ''], mode: 'all' }))).toEqual([
      'To Eeva',
    ]);
    expect(linesOf(buildEvent('routed', { approvers: [] }))).toEqual([]);
    expect(linesOf(buildEvent('routed', { approvers: 'Eeva' }))).toEqual(['To Eeva']);
  });

  it('gives the reason a story went to the fallback approvers', () => {
    const reasons = {
      no_manager: 'the author has no manager in the directory',
      directory_unavailable: 'the directory could not be reached',
      no_group: 'the group was not found or is empty',
      no_one_eligible: 'no one else could decide',
      escalation: 'nobody answered in time',
    };
    for (const [fallback, reason] of Object.entries(reasons)) {
      expect(linesOf(buildEvent('routed', { approvers: ['Ada Admin'], fallback }))).toEqual([
        'To Ada Admin',
        `Sent to the fallback approvers because ${reason}.`,
      ]);
    }
    expect(
      linesOf(buildEvent('routed', { approvers: ['Ada'], fallback: 'no_manager' }), fi, 'fi'),
    ).toEqual([
      'Hyväksyjä: Ada',
      'Ohjattu varahyväksyjille, koska kertojalla ei ole hakemistossa esihenkilöä.',
    ]);
  });

  it('gives no reason it does not know', () => {
    expect(linesOf(buildEvent('routed', { approvers: ['Ada'], fallback: 'moon_phase' }))).toEqual([
      'To Ada',
    ]);
  });
});

describe('what happened while waiting', () => {
  it('says who was away and who decides instead', () => {
    const event = buildEvent('delegated', { from: 'Mikko Manager', to: 'Eeva Deputy' });
    expect(linesOf(event)).toEqual(['Mikko Manager is away: Eeva Deputy decides instead']);
    expect(linesOf(event, fi, 'fi')).toEqual([
      'Mikko Manager on poissa: Eeva Deputy päättää hänen sijastaan',
    ]);
  });

  it('says from whom a story was reassigned, when anyone had it', () => {
    const event = buildEvent('reassigned', { from: ['Mikko', 'Eeva'], to: 'Anna' });
    expect(linesOf(event)).toEqual(['From Mikko and Eeva to Anna']);
    expect(linesOf(event, fi, 'fi')).toEqual(['Mikko ja Eeva → Anna']);
    expect(linesOf(buildEvent('reassigned', { from: [], to: 'Anna' }))).toEqual(['To Anna']);
    expect(linesOf(buildEvent('reassigned', { to: 'Anna' }), fi, 'fi')).toEqual([
      'Uusi hyväksyjä: Anna',
    ]);
  });

  it('numbers reminders, the first when the number is missing', () => {
    const detail = { stage: 1, stages: 2, approvers: ['Mikko', 'Eeva'] };
    expect(linesOf(buildEvent('reminded', { ...detail, reminder: 3 }))).toEqual([
      'Stage 1 of 2',
      'Reminder 3 to Mikko and Eeva',
    ]);
    expect(linesOf(buildEvent('reminded', { ...detail, reminder: 3 }), fi, 'fi')).toEqual([
      'Vaihe 1/2',
      '3. muistutus: Mikko ja Eeva',
    ]);
    expect(linesOf(buildEvent('reminded', { approvers: ['Mikko'] }))).toEqual([
      'Reminder 1 to Mikko',
    ]);
  });

  it('says who did not answer and who took over on escalation', () => {
    const event = buildEvent('escalated', {
      stage: 2,
      stages: 2,
      from: ['Mikko'],
      to: ['Anna', 'Ada'],
    });
    expect(linesOf(event)).toEqual([
      'Stage 2 of 2',
      'No answer from Mikko: passed to Anna and Ada',
    ]);
    expect(linesOf(event, fi, 'fi')).toEqual([
      'Vaihe 2/2',
      'Mikko ei vastannut: siirretty henkilölle Anna ja Ada',
    ]);
  });

  it('says for whom an expired story waited, if anyone', () => {
    const event = buildEvent('expired', { stage: 1, stages: 3, approvers: ['Mikko'] });
    expect(linesOf(event)).toEqual(['Stage 1 of 3', 'Nobody decided in time; it waited for Mikko']);
    expect(linesOf(event, fi, 'fi')).toEqual([
      'Vaihe 1/3',
      'Kukaan ei päättänyt ajoissa; odotti: Mikko',
    ]);
    expect(linesOf(buildEvent('expired', { approvers: [] }))).toEqual([]);
  });
});

describe('decisions', () => {
  it('count the stage a decision was made in', () => {
    for (const type of ['approved', 'changes_requested', 'rejected'] as const) {
      expect(linesOf(buildEvent(type, { stage: 1, stages: 2 })), type).toEqual(['Stage 1 of 2']);
      expect(linesOf(buildEvent(type)), type).toEqual([]);
    }
  });

  it('say when an admin decided in the approver’s place', () => {
    expect(linesOf(buildEvent('approved', { stage: 2, stages: 2, override: true }))).toEqual([
      'Stage 2 of 2',
      'Decided as an admin',
    ]);
    expect(linesOf(buildEvent('reassigned', { to: 'Anna', override: true }), fi, 'fi')).toEqual([
      'Uusi hyväksyjä: Anna',
      'Päätetty ylläpitäjänä',
    ]);
    expect(linesOf(buildEvent('approved', { override: false }))).toEqual([]);
  });

  it('add no facts to acts that have none', () => {
    for (const type of [
      'submitted',
      'resubmitted',
      'withdrawn',
      'published',
      'archived',
    ] as const) {
      expect(linesOf(buildEvent(type, { stage: 1, stages: 2 })), type).toEqual([]);
    }
  });
});

describe('moderation', () => {
  it('says which texts an editor corrected and how many reports that closed', () => {
    const event = buildEvent('edited', { fields: ['title', 'lesson'], reports: 2 });
    expect(linesOf(event)).toEqual(['Changed: Title and Lesson', '2 reports closed']);
    expect(linesOf(event, fi, 'fi')).toEqual([
      'Muutettu: Otsikko ja Opetus',
      '2 ilmoitusta suljettu',
    ]);
    // Field names it does not know are left out, and no reports is not worth a line.
    expect(linesOf(buildEvent('edited', { fields: ['team'], reports: 0 }))).toEqual([]);
  });

  it('counts the reports a hiding or a dismissal closed', () => {
    expect(linesOf(buildEvent('hidden', { reports: 1 }))).toEqual(['1 report closed']);
    expect(linesOf(buildEvent('reports_dismissed', { reports: 3 }))).toEqual(['3 reports closed']);
    expect(linesOf(buildEvent('restored'))).toEqual([]);
  });
});
