import {
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { handleCardAction, type CardActionDeps } from './cardActions.js';
import { cardMessage } from './activities.js';
import { ADAPTIVE_CARD_TYPE } from './cards/adaptiveCard.js';
import { helpCard } from './cards/helpCard.js';
import { MY_STORIES_SHOWN, myStoriesCard } from './cards/myStoriesCard.js';
import { noticeCard } from './cards/messageCards.js';
import { storyFormCard } from './cards/storyFormCard.js';
import { NOMINEE_MAX_LENGTH, parseCommand } from './commands.js';
import { localeOf, translator } from './i18n.js';
import { fetchShareTask, findStories, noticeTask, submitShareAction } from './messageExtension.js';
import { messageTask, searchMessage } from './messageExtensionResponses.js';
import { findNominee, nominationFormModel, type NomineeRequest } from './nomination.js';
import { choosePublicationChannel } from './publicationChannel.js';
import { storyFormModel } from './storySubmission.js';
import { isPersonal, rememberConversation, resolveTurnUser, type TurnUser } from './turn.js';

/**
 * The Story Wall bot: chat commands in English and Finnish, the welcome card, the Universal
 * Actions of its cards, and the message extension ("Share as story", "Find a story"). Every
 * handler awaits its work, so errors reach the adapter's `onTurnError` instead of floating away;
 * invokes catch their own, because Teams waits for an answer in the invoke response.
 */
export class StoryBot extends TeamsActivityHandler {
  constructor(private readonly deps: CardActionDeps) {
    super();

    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });

    this.onConversationUpdate(async (context, next) => {
      await this.greet(context);
      await next();
    });

    // Installed: the person is enrolled now, by their id if the event carries no name (the
    // welcome comes with the conversation update of the same install).
    this.onInstallationUpdateAdd(async (context, next) => {
      await resolveTurnUser(context.activity, this.deps);
      await next();
    });

    // Removed from a personal chat: the chat cannot be written to any more, and adding the app
    // again is a new install that is welcomed again.
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetChat(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await handleCardAction(context, invokeValue, this.deps);
    } catch (error) {
      // Answer the card anyway (Teams waits for it); the cause goes to the log, not the user.
      this.deps.logger.error(
        {
          err: error,
          verb: invokeValue.action.verb,
          conversationId: context.activity.conversation?.id,
          tenantId: context.activity.conversation?.tenantId,
        },
        'card action failed',
      );
      const card = noticeCard({ notice: 'generic' }, localeOf(context.activity.locale));
      return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card };
    }
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    try {
      return await fetchShareTask(context, action, this.deps);
    } catch (error) {
      this.logInvokeError(context, error, action.commandId, 'message extension fetchTask failed');
      return messageTask(translator(localeOf(context.activity.locale))('errors.generic'));
    }
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    try {
      return await submitShareAction(context, action, this.deps);
    } catch (error) {
      this.logInvokeError(context, error, action.commandId, 'message extension submit failed');
      return noticeTask('generic', localeOf(context.activity.locale));
    }
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    try {
      return await findStories(context, query, this.deps);
    } catch (error) {
      this.logInvokeError(context, error, query.commandId, 'message extension query failed');
      return searchMessage(translator(localeOf(context.activity.locale))('errors.generic'));
    }
  }

  private logInvokeError(
    context: TurnContext,
    error: unknown,
    commandId: string | undefined,
    message: string,
  ): void {
    this.deps.logger.error(
      {
        err: error,
        commandId,
        conversationId: context.activity.conversation?.id,
        tenantId: context.activity.conversation?.tenantId,
      },
      message,
    );
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    let turn = await this.identify(context);
    if (!turn) {
      const t = translator(localeOf(context.activity.locale));
      await context.sendActivity(t('errors.unauthenticated'));
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    // A command written in a language is the person's choice of it, from now on.
    if (command.name !== 'unknown' && command.locale !== turn.locale) {
      await this.deps.people.setLocale(turn.actor.tenantId, turn.actor.userId, command.locale);
      turn = { ...turn, locale: command.locale };
    }
    const t = translator(turn.locale);
    switch (command.name) {
      case 'help':
        await context.sendActivity(cardMessage(helpCard({ welcome: false }, turn.locale)));
        return;
      case 'share': {
        if (!isPersonal(context.activity)) {
          await context.sendActivity(t('hint.personalOnly'));
          return;
        }
        const model = await storyFormModel(turn, this.deps);
        await context.sendActivity(cardMessage(storyFormCard(model, turn.locale)));
        return;
      }
      case 'nominate': {
        if (!isPersonal(context.activity)) {
          await context.sendActivity(t('hint.personalOnly'));
          return;
        }
        const mentioned = mentionedPerson(context.activity);
        const request: NomineeRequest = {
          ...(command.nominee ? { query: command.nominee } : {}),
          ...(mentioned ? { mentioned } : {}),
        };
        const nomination = await findNominee(turn, request, this.deps);
        const model = await nominationFormModel(turn, nomination, this.deps);
        await context.sendActivity(cardMessage(storyFormCard(model, turn.locale)));
        return;
      }
      case 'myStories': {
        const page = await this.deps.service.listMyStories(turn.actor, {
          limit: MY_STORIES_SHOWN + 1,
        });
        const stories = page.items.slice(0, MY_STORIES_SHOWN);
        const more = page.items.length > MY_STORIES_SHOWN || page.nextCursor !== null;
        await context.sendActivity(cardMessage(myStoriesCard({ stories, more }, turn.locale)));
        return;
      }
      case 'postHere':
        await context.sendActivity(await choosePublicationChannel(context, turn, this.deps));
        return;
      default:
        await context.sendActivity(t('hint.unknown'));
    }
  }

  /**
   * Welcomes the person who added the bot to a personal chat, with the help card — once per
   * install: a chat the bot already keeps (the same conversation) is not welcomed again, however
   * many conversation updates arrive.
   */
  private async greet(context: TurnContext): Promise<void> {
    if (!isPersonal(context.activity)) return;
    const botId = context.activity.recipient?.id;
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    const turn = await resolveTurnUser(context.activity, this.deps);
    if (!turn) return;
    const known = botAdded
      ? await this.deps.conversations.get(turn.actor.tenantId, turn.actor.userId)
      : null;
    await rememberConversation(context, turn, this.deps);
    if (!botAdded || sameConversation(known, context.activity.conversation?.id)) return;
    await context.sendActivity(cardMessage(helpCard({ welcome: true }, turn.locale)));
  }

  /** Forgets the personal chat of a person who removed the app from it. */
  private async forgetChat(context: TurnContext): Promise<void> {
    if (!isPersonal(context.activity)) return;
    const turn = await resolveTurnUser(context.activity, this.deps);
    if (turn) await this.deps.conversations.remove(turn.actor.tenantId, turn.actor.userId);
  }

  /** The sender, with their conversation reference kept for later proactive messages. */
  private async identify(context: TurnContext): Promise<TurnUser | null> {
    const turn = await resolveTurnUser(context.activity, this.deps);
    if (turn) await rememberConversation(context, turn, this.deps);
    return turn;
  }
}

/** Whether a kept conversation reference is of the conversation `id`. */
function sameConversation(reference: string | null, id: string | undefined): boolean {
  if (reference === null || !id) return false;
  try {
    const parsed = JSON.parse(reference) as { conversation?: { id?: unknown } };
    return parsed.conversation?.id === id;
  } catch {
    return false;
  }
}

/**
 * The first person mentioned in a message, not the bot: Teams sends a mention entity per `<at>`
 * with the person's name, and sometimes their object id. Untrusted like any text of the message.
 */
function mentionedPerson(activity: Activity): NomineeRequest['mentioned'] | undefined {
  const botId = activity.recipient?.id;
  for (const mention of TurnContext.getMentions(activity)) {
    const who = mention.mentioned as Partial<typeof mention.mentioned> | undefined;
    if (!who || who.id === botId) continue;
    const name = (who.name ?? mention.text?.replace(/<\/?at[^<>]*>/gi, '') ?? '')
      .trim()
      .slice(0, NOMINEE_MAX_LENGTH);
    const id = typeof who.aadObjectId === 'string' ? who.aadObjectId.trim() : '';
    if (!name && !id) continue;
    return id ? { aadObjectId: id, name } : { name };
  }
  return undefined;
}
