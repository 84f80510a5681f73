import {
  STORY_PARTS,
  type StoryCoachField,
  type StoryCoachHint,
  type StoryCoaching,
  type StoryQuality,
} from '../../shared/dto.js';
import type { Translate } from '../i18n.js';
import { textBlock, type CardElement } from './adaptiveCard.js';

/** A container style per level, so the reading scans at a glance; the words say the same. */
const STYLES: Record<StoryQuality, string> = {
  weak: 'attention',
  fair: 'warning',
  good: 'accent',
  strong: 'good',
};

/**
 * The story coach's reading above the form ("Check my story"): the quality, each part's verdict
 * and the hints, each naming its part. Only the bot's own texts: the story's words are never
 * repeated here, so nothing the author typed reaches this block's markdown.
 */
export function storyCoachBlock(coaching: StoryCoaching, t: Translate): CardElement {
  const level = t(`coach.levels.${coaching.quality}`);
  return {
    type: 'Container',
    style: STYLES[coaching.quality],
    spacing: 'Medium',
    items: [
      textBlock(t('coach.title'), { weight: 'Bolder' }),
      textBlock(t('coach.quality', { quality: level, score: coaching.score }), {
        spacing: 'None',
      }),
      {
        type: 'FactSet',
        facts: STORY_PARTS.map((part) => ({
          title: fieldName(part, t),
          value: t(`coach.verdicts.${coaching.parts[part]}`),
        })),
      },
      ...(coaching.hints.length > 0
        ? coaching.hints.map((hint) => textBlock(hintText(hint, t), { spacing: 'Small' }))
        : [textBlock(t('coach.allGood'), { spacing: 'Small' })]),
      textBlock(t('coach.intro'), { isSubtle: true, spacing: 'Small' }),
    ],
  };
}

function fieldName(field: StoryCoachField, t: Translate): string {
  return field === 'story' ? t('coach.wholeStory') : t(`form.fields.${field}.label`);
}

/** "**Lesson:** The lesson repeats what was done. …" */
function hintText(hint: StoryCoachHint, t: Translate): string {
  const values =
    hint.code === 'missing' && hint.field !== 'title' && hint.field !== 'story'
      ? { question: t(`form.fields.${hint.field}.placeholder`) }
      : hint.other
        ? { other: fieldName(hint.other, t) }
        : {};
  return t('coach.hint', {
    field: fieldName(hint.field, t),
    text: t(`coach.hints.${hint.code}`, values),
  });
}
