import {
  coachStory,
  STORY_PARTS,
  type LocaleDto,
  type StoryCoachField,
  type StoryCoachHint,
  type StoryCoaching,
  type StoryPart,
  type StoryQuality,
} from '../../../shared/dto.js';
import type { Translate } from '../../hooks/useT.js';

/** The texts of the form the coach reads. */
export type StoryCoachTexts = Readonly<Record<'title' | StoryPart, string>>;

/** What the panel shows: an invitation before anything is written, then the coach's reading. */
export type StoryCoachView =
  { readonly state: 'empty' } | { readonly state: 'coached'; readonly coaching: StoryCoaching };

/** The coach's reading of the form, or `empty` while none of the four parts has a word. */
export function coachView(texts: StoryCoachTexts, locale: LocaleDto): StoryCoachView {
  if (STORY_PARTS.every((part) => texts[part].trim() === '')) return { state: 'empty' };
  return { state: 'coached', coaching: coachStory({ ...texts, locale }) };
}

/** Fluent colours of each level, for the badge and the progress bar. */
export const QUALITY_COLORS: Record<
  StoryQuality,
  {
    readonly badge: 'danger' | 'warning' | 'brand' | 'success';
    readonly bar: 'error' | 'warning' | 'brand' | 'success';
  }
> = {
  weak: { badge: 'danger', bar: 'error' },
  fair: { badge: 'warning', bar: 'warning' },
  good: { badge: 'brand', bar: 'brand' },
  strong: { badge: 'success', bar: 'success' },
};

/** The name of a field as the form labels it; the whole story has a name of its own. */
function fieldName(field: StoryCoachField, t: Translate): string {
  return field === 'story' ? t('coach.wholeStory') : t(`form.fields.${field}`);
}

/** One line per hint, naming its part: "Outcome: Say how the customer reacted: …". */
export function coachHintLines(
  hints: readonly StoryCoachHint[],
  t: Translate,
): { key: string; field: StoryCoachField; code: StoryCoachHint['code']; text: string }[] {
  return hints.map((hint) => {
    const values =
      hint.code === 'missing' && hint.field !== 'title' && hint.field !== 'story'
        ? { question: t(`form.hints.${hint.field}`) }
        : hint.other
          ? { other: fieldName(hint.other, t) }
          : undefined;
    return {
      key: `${hint.field}-${hint.code}`,
      field: hint.field,
      code: hint.code,
      text: t('coach.hint', {
        field: fieldName(hint.field, t),
        text: t(`coach.hints.${hint.code}`, values),
      }),
    };
  });
}

/** The quality in a sentence, for everyone and for screen readers (the panel's live region). */
export function coachSummary(coaching: StoryCoaching, t: Translate): string {
  const values = { quality: t(`coach.quality.${coaching.quality}`), score: coaching.score };
  const count = coaching.hints.length;
  return count === 0 ? t('coach.summaryNone', values) : t('coach.summary', { ...values, count });
}

/** Each part with its verdict: "Situation: ready". */
export function coachPartLines(
  coaching: StoryCoaching,
  t: Translate,
): { part: StoryPart; verdict: StoryCoaching['parts'][StoryPart]; text: string }[] {
  return STORY_PARTS.map((part) => {
    const verdict = coaching.parts[part];
    return {
      part,
      verdict,
      text: t('coach.part', {
        part: t(`form.fields.${part}`),
        verdict: t(`coach.verdicts.${verdict}`),
      }),
    };
  });
}
