import { waitingSlots, type Locale, type Story } from '../../domain/index.js';
import { findStoryPersonalData, LIMITS } from '../../shared/dto.js';
import { translator, type Translate } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import {
  adaptiveCard,
  notice,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';
import {
  customerAccount,
  customerQuote,
  safeWebUrl,
  section,
  storyFacts,
  storyParts,
  toldBy,
  storyTitle,
} from './blocks.js';
import { personalDataNotice } from './personalDataNotice.js';
import { CARD_VERBS } from '../cardVerbs.js';

/** Input ids of the comment fields; two ids, because both show-cards' inputs are sent. */
export const CHANGES_COMMENT_INPUT = 'changesComment';
export const REJECT_REASON_INPUT = 'rejectReason';
/** Input ids of handing a pending story to another person: who, and why. */
export const REASSIGN_TO_INPUT = 'reassignTo';
export const REASSIGN_COMMENT_INPUT = 'reassignComment';

/** Error notices the card can carry above the story. */
export type ApprovalNotice =
  | 'forbidden'
  | 'not_found'
  | 'illegal_transition'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'missingComment'
  | 'missingPerson'
  | 'notWaiting'
  | 'generic';

export interface ApprovalCardModel {
  readonly story: Story;
  /** Show the decision actions: only for the routed approver while the story is pending. */
  readonly actionable: boolean;
  /**
   * Teams user ids whose clients refresh the card on view, so each gets their own version;
   * only used while the story is pending.
   */
  readonly refreshUserIds: readonly string[];
  /** Display name of who decided, once decided. */
  readonly deciderName?: string;
  readonly notice?: ApprovalNotice;
  /** Sent again because the story has waited (a reminder of the policy). */
  readonly reminder?: boolean;
  /** Just handed on by this user, to this person. */
  readonly reassignedTo?: string;
}

/**
 * A story as its approver and others see it (journey 4): the story, then either the decision
 * actions (the approver, pending) or its status, who decided and their comment.
 */
export function approvalCard(model: ApprovalCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  const pending = story.status === 'pending';
  const actions: CardElement[] = [];
  const url = safeWebUrl(story.sourceUrl);
  if (url) actions.push({ type: 'Action.OpenUrl', title: t('story.source'), url });
  if (model.actionable && pending) actions.unshift(...decisionActions(story, t));
  // While the story waits for a decision, the approver is told what the personal data check finds.
  const personalData = pending ? findStoryPersonalData(story) : [];

  return adaptiveCard(
    [
      ...(model.notice ? [notice(t(`errors.${model.notice}`))] : []),
      ...(model.reassignedTo
        ? [
            textBlock(t('approval.reassigned', { name: escapeMarkdown(model.reassignedTo) }), {
              weight: 'Bolder',
              color: 'Good',
            }),
          ]
        : []),
      ...(model.reminder && model.actionable && pending
        ? [textBlock(t('approval.reminder'), { weight: 'Bolder', color: 'Attention' })]
        : []),
      ...(model.actionable && pending
        ? [
            textBlock(t('approval.heading'), { isSubtle: true, weight: 'Bolder' }),
            ...progressLines(story, t),
          ]
        : []),
      storyTitle(story),
      toldBy(story, t),
      ...(model.actionable && pending ? [] : statusBlock(model, t)),
      ...(personalData.length > 0
        ? [personalDataNotice(personalData, t('personalData.approvalNotice'), t)]
        : []),
      ...storyParts(story, t),
      ...section(t('story.lesson'), story.lesson),
      ...customerQuote(story, t),
      ...customerAccount(story, t),
      storyFacts(
        story,
        t,
        story.featured.length > 0
          ? [
              {
                title: t('story.featured'),
                // Approvers see everyone featured; those still asked are marked.
                value: story.featured
                  .map((p) => {
                    const name = escapeMarkdown(p.displayName);
                    return p.awaiting ? t('featured.awaiting', { name }) : name;
                  })
                  .join(', '),
              },
            ]
          : [],
      ),
    ],
    {
      actions,
      ...(pending && model.refreshUserIds.length > 0
        ? {
            refresh: {
              action: {
                type: 'Action.Execute',
                verb: CARD_VERBS.refresh,
                data: { storyId: story.id },
              },
              userIds: model.refreshUserIds,
            },
          }
        : {}),
    },
  );
}

function decisionActions(story: Story, t: Translate): CardElement[] {
  const decide = (decision: string, title: string): CardElement => ({
    type: 'Action.Execute',
    verb: CARD_VERBS.decide,
    title,
    data: { storyId: story.id, decision },
  });
  const commentInput = (id: string, label: string, placeholder: string, required: boolean) => ({
    type: 'Input.Text',
    id,
    label,
    placeholder,
    isMultiline: true,
    maxLength: LIMITS.comment.max,
    ...(required ? { isRequired: true, errorMessage: t('errors.missingComment') } : {}),
  });
  return [
    { ...decide('approve', t('approval.approve')), style: 'positive' },
    {
      type: 'Action.ShowCard',
      title: t('approval.requestChanges'),
      card: {
        type: 'AdaptiveCard',
        body: [
          commentInput(
            CHANGES_COMMENT_INPUT,
            t('approval.changesLabel'),
            t('approval.changesPlaceholder'),
            true,
          ),
        ],
        actions: [decide('changes', t('approval.sendChanges'))],
      },
    },
    {
      type: 'Action.ShowCard',
      title: t('approval.reject'),
      card: {
        type: 'AdaptiveCard',
        body: [
          commentInput(
            REJECT_REASON_INPUT,
            t('approval.rejectLabel'),
            t('approval.rejectPlaceholder'),
            false,
          ),
        ],
        actions: [{ ...decide('reject', t('approval.sendReject')), style: 'destructive' }],
      },
    },
    {
      // Teams' own people picker (a Data.Query on the organisation's users): it gives the
      // chosen person's Entra object id, the id the app routes by.
      type: 'Action.ShowCard',
      title: t('approval.reassign'),
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: REASSIGN_TO_INPUT,
            label: t('approval.reassignLabel'),
            placeholder: t('approval.reassignPlaceholder'),
            isRequired: true,
            errorMessage: t('errors.missingPerson'),
            choices: [],
            'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
          },
          commentInput(
            REASSIGN_COMMENT_INPUT,
            t('approval.reassignCommentLabel'),
            t('approval.reassignCommentPlaceholder'),
            false,
          ),
        ],
        actions: [
          {
            type: 'Action.Execute',
            verb: CARD_VERBS.reassign,
            title: t('approval.sendReassign'),
            data: { storyId: story.id },
          },
        ],
      },
    },
  ];
}

/**
 * Where the approval stands: the stage of a multi-stage policy, and in an `all` stage who has
 * approved so far — so every copy of the card tells the same, true state.
 */
function progressLines(story: Story, t: Translate): CardElement[] {
  const { approval } = story;
  const lines: CardElement[] = [];
  if (approval.plan.stages.length > 1) {
    lines.push(
      textBlock(
        t('approval.stage', {
          stage: approval.stage.index + 1,
          stages: approval.plan.stages.length,
        }),
        { spacing: 'None', isSubtle: true },
      ),
    );
  }
  const approved = approval.stage.slots.filter((s) => s.approvedAt !== undefined);
  if (approval.stage.mode === 'all' && approved.length > 0) {
    const names = approved.map((s) => escapeMarkdown(s.displayName)).join(', ');
    lines.push(textBlock(t('approval.approvedSoFar', { names }), { spacing: 'None' }));
  }
  return lines;
}

function statusBlock(model: ApprovalCardModel, t: Translate): CardElement[] {
  const { story } = model;
  const color =
    story.status === 'published' ? 'Good' : story.status === 'pending' ? 'Default' : 'Warning';
  const lines = [textBlock(t(`status.${story.status}`), { weight: 'Bolder', color })];
  if (story.status === 'pending') {
    const names = waitingSlots(story.approval)
      .map((s) => escapeMarkdown(s.displayName))
      .join(', ');
    lines.push(textBlock(t('approval.waitingFor', { names }), { spacing: 'None' }));
    lines.push(...progressLines(story, t));
  }
  if (story.status !== 'pending' && model.deciderName) {
    lines.push(
      textBlock(t('status.decidedBy', { name: escapeMarkdown(model.deciderName) }), {
        spacing: 'None',
      }),
    );
  }
  if (story.status !== 'pending' && story.decisionComment) {
    lines.push(
      textBlock(t('status.comment', { comment: escapeMarkdown(story.decisionComment) }), {
        spacing: 'None',
      }),
    );
  }
  return [{ type: 'Container', style: 'emphasis', spacing: 'Medium', items: lines }];
}
