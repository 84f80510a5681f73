import type { Decision, Locale, Story } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import { adaptiveCard, heading, notice, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import type { ApprovalNotice } from './approvalCard.js';

export interface ThanksCardModel {
  readonly story: Story;
  /** The approver's display name; null when the directory does not know them. */
  readonly approverName: string | null;
}

/** The answer to a submitted story: thanks, and who will approve it. */
export function thanksCard(model: ThanksCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard([
    heading(t('thanks.title')),
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
  readonly notice: ApprovalNotice | 'unauthenticated';
}

/** A card with only an error notice, for when there is no story to show beside it. */
export function noticeCard(model: NoticeCardModel, locale: Locale): AdaptiveCard {
  return adaptiveCard([notice(translator(locale)(`errors.${model.notice}`))]);
}

export interface DecisionNoticeModel {
  readonly story: Story;
  readonly decision: Decision;
  /** Who decided; null when the directory does not know them. */
  readonly deciderName: string | null;
}

/** Tells the author what was decided on their story (journey 5), with the approver's comment. */
export function decisionNoticeCard(model: DecisionNoticeModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  const name = escapeMarkdown(model.deciderName ?? t('thanks.unknownApprover'));
  const comment = story.decisionComment;
  return adaptiveCard([
    heading(escapeMarkdown(story.title)),
    textBlock(t(`decided.${model.decision}`, { title: escapeMarkdown(story.title), name }), {
      color: model.decision === 'approve' ? 'Good' : 'Default',
    }),
    ...(comment
      ? [textBlock(t('decided.comment', { name, comment: escapeMarkdown(comment) }))]
      : []),
  ]);
}
