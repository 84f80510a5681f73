import { LIMITS, type ModerationItemDto, type StoryDto } from '../../../shared/dto.js';
import type { ModerationAction, StoryCorrectionInput } from '../../../shared/inputs.js';

/** The queue as the view shows it: reported stories first, then hidden ones. */
export interface ModerationSections {
  reported: ModerationItemDto[];
  hidden: ModerationItemDto[];
}

/** Splits the queue (already in the API's order) into its two sections. */
export function sectionsOf(items: readonly ModerationItemDto[]): ModerationSections {
  return {
    reported: items.filter((item) => item.story.status !== 'hidden'),
    hidden: items.filter((item) => item.story.status === 'hidden'),
  };
}

/** What an editor can do with a story of the queue: as the API allows it for its status. */
export function actionsFor(
  story: Pick<StoryDto, 'status'>,
): readonly (ModerationAction | 'edit')[] {
  if (story.status === 'hidden') return ['restore', 'edit'];
  if (story.status === 'published') return ['hide', 'edit', 'dismiss'];
  return [];
}

/**
 * The queue after an action on one story: a story that no longer needs an editor (reports
 * dismissed or answered by a correction, restored, archived) leaves it; a hidden one heads the
 * hidden section (the most recently changed first, as the API orders it), its reports closed.
 */
export function afterAction(
  items: readonly ModerationItemDto[],
  story: StoryDto,
): ModerationItemDto[] {
  const rest = items.filter((item) => item.story.id !== story.id);
  if (story.status !== 'hidden') return rest;
  return [{ story, reportCount: 0, reports: [] }, ...rest];
}

/** What the correction form holds while the editor types. */
export interface CorrectionValues {
  title: string;
  situation: string;
  action: string;
  outcome: string;
  lesson: string;
  customerQuote: string;
  note: string;
}

export type CorrectionField = keyof CorrectionValues;

/** The texts an editor may correct, in the order the form shows them. */
export const CORRECTION_TEXTS = ['title', 'situation', 'action', 'outcome', 'lesson'] as const;

/** A problem with one field of the correction, translated by the dialog. */
export type CorrectionProblem =
  { kind: 'required' } | { kind: 'tooShort'; min: number } | { kind: 'tooLong'; max: number };

/** The form's starting values: the story as it is. */
export function correctionOf(story: StoryDto): CorrectionValues {
  return {
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    customerQuote: story.customerQuote ?? '',
    note: '',
  };
}

function checkText(value: string, min: number, max: number): CorrectionProblem | undefined {
  const length = value.trim().length;
  if (length === 0) return { kind: 'required' };
  if (length < min) return { kind: 'tooShort', min };
  if (length > max) return { kind: 'tooLong', max };
  return undefined;
}

/** The client-side mirror of the API's checks (the limits of a story; a note is required). */
export function checkCorrection(
  values: CorrectionValues,
): Partial<Record<CorrectionField, CorrectionProblem>> {
  const problems: Partial<Record<CorrectionField, CorrectionProblem>> = {};
  for (const field of CORRECTION_TEXTS) {
    const problem = checkText(values[field], LIMITS[field].min, LIMITS[field].max);
    if (problem) problems[field] = problem;
  }
  if (values.customerQuote.trim().length > LIMITS.customerQuote.max) {
    problems.customerQuote = { kind: 'tooLong', max: LIMITS.customerQuote.max };
  }
  const note = checkText(values.note, 1, LIMITS.comment.max);
  if (note) problems.note = note;
  return problems;
}

/** Whether the texts differ from the story's (a correction that changes nothing is no change). */
export function isChanged(values: CorrectionValues, story: StoryDto): boolean {
  const before = correctionOf(story);
  return (
    CORRECTION_TEXTS.some((field) => values[field].trim() !== before[field].trim()) ||
    values.customerQuote.trim() !== before.customerQuote.trim()
  );
}

/** The body of the correction request: trimmed, an empty quote left out (the story has none). */
export function correctionInput(values: CorrectionValues): StoryCorrectionInput {
  const quote = values.customerQuote.trim();
  return {
    title: values.title.trim(),
    situation: values.situation.trim(),
    action: values.action.trim(),
    outcome: values.outcome.trim(),
    lesson: values.lesson.trim(),
    ...(quote ? { customerQuote: quote } : {}),
    note: values.note.trim(),
  };
}

/** The report dialog's check of a reason (the API's limits). */
export function checkReason(reason: string): CorrectionProblem | undefined {
  return checkText(reason, LIMITS.reportReason.min, LIMITS.reportReason.max);
}
