import type { Locale, Outcome, Story } from '../../domain/index.js';
import { authorNameOf, translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import { adaptiveCard, heading, notice, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import type { ApprovalNotice } from './approvalCard.js';
import { section, storyTitle } from './blocks.js';
import { CARD_VERBS } from '../cardVerbs.js';

export interface ThanksCardModel {
  readonly story: Story;
  /** The approver's display name; null when the directory does not know them. */
  readonly approverName: string | null;
  /** The story was edited and sent again after a request for changes. */
  readonly resubmitted?: boolean;
}

/** The answer to a submitted story: thanks, and who will approve it. */
export function thanksCard(model: ThanksCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard([
    heading(t(model.resubmitted ? 'thanks.resubmittedTitle' : 'thanks.title')),
    textBlock(
      t('thanks.pending', {
        title: escapeMarkdown(model.story.title),
        approver: escapeMarkdown(model.approverName ?? t('thanks.unknownApprover')),
      }),
    ),
    textBlock(t('thanks.next'), { isSubtle: true }),
  ]);
}

export interface NoticeCardModel {
  readonly notice: ApprovalNotice | 'unauthenticated' | EditNotice | UnknownActionNotice;
}

/** Why a story cannot be edited from chat: not the author's, or no longer sent back. */
export type EditNotice = 'notAuthor' | 'notEditable';

/** A card action with a verb no card of this bot emits (an old card, or a forged invoke). */
export type UnknownActionNotice = 'unknownAction';

/** A card with only an error notice, for when there is no story to show beside it. */
export function noticeCard(model: NoticeCardModel, locale: Locale): AdaptiveCard {
  return adaptiveCard([notice(translator(locale)(`errors.${model.notice}`))]);
}

export interface DecisionNoticeModel {
  readonly story: Story;
  readonly decision: Outcome;
  /** Who decided; null when the directory does not know them (or nobody did: expiry). */
  readonly deciderName: string | null;
}

/**
 * Tells the author what was decided on their story (journey 5), with the approver's comment; a
 * story sent back for changes comes with "Edit and resubmit" (journey 10).
 */
export function decisionNoticeCard(model: DecisionNoticeModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  const name = escapeMarkdown(model.deciderName ?? t('thanks.unknownApprover'));
  const comment = story.decisionComment;
  return adaptiveCard(
    [
      storyTitle(story),
      textBlock(t(`decided.${model.decision}`, { title: escapeMarkdown(story.title), name }), {
        color: model.decision === 'approve' ? 'Good' : 'Default',
      }),
      ...(comment
        ? [textBlock(t('decided.comment', { name, comment: escapeMarkdown(comment) }))]
        : []),
    ],
    {
      // Only the story id: who may edit, and whether it still can be, is checked when pressed.
      actions:
        model.decision === 'changes' || model.decision === 'expire'
          ? [
              {
                type: 'Action.Execute',
                verb: CARD_VERBS.editStory,
                title: t('decided.edit'),
                data: { storyId: story.id },
              },
            ]
          : [],
    },
  );
}

export interface FeaturedNoticeModel {
  /** The story that features the colleague. */
  readonly story: Story;
  /**
   * What the notice says: `published`, the story is on the wall; `ask`, the colleague is asked
   * to confirm being named (the tenant's `confirmFeatured` setting); `confirmed` and `removed`,
   * the answers to "Confirm" and "Remove my name".
   */
  readonly state: 'published' | 'ask' | 'confirmed' | 'removed';
}

/**
 * Tells a featured colleague about a story that names them (journey 5): that it is published, or
 * — when the tenant asks first — that their name is shown only once they confirm. Either way they
 * can take their name off. No link to the story: the bot knows no deep link to the wall tab.
 */
export function featuredNoticeCard(model: FeaturedNoticeModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story, state } = model;
  const title = escapeMarkdown(story.title);
  if (state === 'removed') {
    return adaptiveCard([heading(title), textBlock(t('featured.removed', { title }))]);
  }
  // Only the story id: whether the presser is featured (and asked) is checked when pressed.
  const remove = {
    type: 'Action.Execute',
    verb: CARD_VERBS.removeFeatured,
    title: t('featured.remove'),
    data: { storyId: story.id },
  } as const;
  if (state === 'confirmed') {
    return adaptiveCard([heading(title), textBlock(t('featured.confirmed', { title }))], {
      actions: [remove],
    });
  }
  // An erased author is "a former colleague" in the colleague's language.
  const author = escapeMarkdown(authorNameOf(story, t));
  const told =
    state === 'published'
      ? t('featured.told', { author, title })
      : t(story.status === 'published' ? 'featured.askPublished' : 'featured.ask', {
          author,
          title,
        });
  return adaptiveCard(
    [
      heading(t(state === 'ask' ? 'featured.askTitle' : 'featured.title')),
      textBlock(told),
      ...section(t('story.lesson'), story.lesson),
      textBlock(t('featured.thanks'), { isSubtle: true, spacing: 'Medium' }),
      textBlock(t('featured.control'), { isSubtle: true, size: 'Small' }),
    ],
    {
      actions:
        state === 'ask'
          ? [
              {
                type: 'Action.Execute',
                verb: CARD_VERBS.confirmFeatured,
                title: t('featured.confirm'),
                style: 'positive',
                data: { storyId: story.id },
              },
              remove,
            ]
          : [remove],
    },
  );
}
