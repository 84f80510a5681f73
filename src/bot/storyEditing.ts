import { isDomainError, type Story } from '../domain/index.js';
import { storyIdSchema } from '../shared/schemas.js';
import type { AdaptiveCard } from './cards/adaptiveCard.js';
import { noticeCard, thanksCard, type NoticeCardModel } from './cards/messageCards.js';
import { storyFormCard, type StoryFormModel } from './cards/storyFormCard.js';
import { readStoryForm, type FormValues } from './storyForm.js';
import {
  refusedForm,
  storyFormModel,
  unconfirmedPersonalData,
  waitingNames,
  withCoach,
  withPeopleFirst,
  type StorySubmissionDeps,
} from './storySubmission.js';
import type { TurnUser } from './turn.js';

/**
 * "Edit and resubmit" on the author's decision notice (journey 10): the story form filled from
 * the stored story. The card's data carries only the story id and is untrusted: the story is read
 * again, and only its author may edit it, only while it is sent back for changes.
 */
export async function editStoryCard(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: StorySubmissionDeps,
): Promise<AdaptiveCard> {
  const loaded = await loadEditable(turn, data.storyId, deps);
  if (!loaded.ok) return noticeCard({ notice: loaded.notice }, turn.locale);
  const model = await editFormModel(turn, loaded.story, deps);
  return storyFormCard({ ...model, values: valuesOf(loaded.story) }, turn.locale);
}

/**
 * The edited form sent: the story resubmitted (the domain's `resubmitStory`, which checks the
 * author and the workflow again, so a race with another edit or a withdrawal is refused there),
 * or the form again with the values kept and the problem named.
 */
export async function resubmitStoryCard(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: StorySubmissionDeps,
): Promise<AdaptiveCard> {
  const loaded = await loadEditable(turn, data.storyId, deps);
  if (!loaded.ok) return noticeCard({ notice: loaded.notice }, turn.locale);
  const model = await editFormModel(turn, loaded.story, deps);
  const form = readStoryForm(data, turn.locale);
  if (!form.ok) {
    return storyFormCard({ ...model, values: form.values, invalid: form.invalid }, turn.locale);
  }
  const personalData = unconfirmedPersonalData(data, form.draft);
  if (personalData.length > 0) {
    return storyFormCard({ ...model, values: form.values, personalData }, turn.locale);
  }
  let story: Story;
  try {
    story = await deps.service.resubmitStory(turn.actor, loaded.story.id, form.draft);
  } catch (error) {
    const notice = refusalOf(error);
    if (notice) return noticeCard({ notice }, turn.locale);
    const again = refusedForm(error, { ...model, values: form.values }, deps, turn);
    return storyFormCard(again, turn.locale);
  }
  // Stored: a failure from here on must not offer the form again.
  return thanksCard({ story, approverName: waitingNames(story), resubmitted: true }, turn.locale);
}

/**
 * "Check my story" on the form of a story being edited: the same form, the values as typed and
 * the story coach's reading at the top; nothing is stored. The story is read again, as for a
 * resubmission, so the form keeps what the approver asked for.
 */
export async function checkEditedStoryCard(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: StorySubmissionDeps,
): Promise<AdaptiveCard> {
  const loaded = await loadEditable(turn, data.storyId, deps);
  if (!loaded.ok) return noticeCard({ notice: loaded.notice }, turn.locale);
  const model = await editFormModel(turn, loaded.story, deps);
  return storyFormCard(withCoach(model, data, turn), turn.locale);
}

type Editable =
  | { readonly ok: true; readonly story: Story }
  | { readonly ok: false; readonly notice: NoticeCardModel['notice'] };

/** The story, if this actor may edit it now; else the notice that says why not. */
async function loadEditable(
  turn: TurnUser,
  rawId: unknown,
  deps: StorySubmissionDeps,
): Promise<Editable> {
  const storyId = storyIdSchema.safeParse(rawId);
  if (!storyId.success) return { ok: false, notice: 'not_found' };
  let story: Story;
  try {
    story = await deps.service.getStory(turn.actor, storyId.data);
  } catch (error) {
    if (isDomainError(error, 'not_found')) return { ok: false, notice: 'not_found' };
    throw error;
  }
  if (story.authorId !== turn.actor.userId) return { ok: false, notice: 'notAuthor' };
  if (story.status !== 'changes_requested') return { ok: false, notice: 'notEditable' };
  return { ok: true, story };
}

/** A refusal of the resubmission that no edit of the form can mend. */
function refusalOf(error: unknown): NoticeCardModel['notice'] | null {
  if (isDomainError(error, 'not_found')) return 'not_found';
  if (isDomainError(error, 'forbidden')) return 'notAuthor';
  if (isDomainError(error, 'illegal_transition')) return 'notEditable';
  return null;
}

/**
 * The form for editing `story`: its featured people listed first (they may be beyond the
 * colleagues the form lists itself), and what the approver asked for above it.
 */
async function editFormModel(
  turn: TurnUser,
  story: Story,
  deps: StorySubmissionDeps,
): Promise<StoryFormModel> {
  const [model, decider] = await Promise.all([
    storyFormModel(turn, deps),
    story.decidedBy ? deps.users.get(story.tenantId, story.decidedBy) : null,
  ]);
  return {
    ...model,
    people: withPeopleFirst(model.people, story.featured),
    resubmit: {
      storyId: story.id,
      ...(decider ? { deciderName: decider.displayName } : {}),
      ...(story.decisionComment ? { comment: story.decisionComment } : {}),
    },
  };
}

/** The stored story as the form's inputs send their values (all strings). */
function valuesOf(story: Story): FormValues {
  return {
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    category: story.category,
    ...(story.featured.length > 0 ? { featured: story.featured.map((p) => p.id).join(',') } : {}),
    ...(story.customerQuote ? { customerQuote: story.customerQuote } : {}),
    ...(story.sourceUrl ? { sourceUrl: story.sourceUrl } : {}),
    ...(story.accountName ? { accountName: story.accountName } : {}),
    ...(story.crmUrl ? { crmUrl: story.crmUrl } : {}),
    consent: story.consent ? 'true' : 'false',
  };
}
