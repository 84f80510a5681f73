import { TurnContext, type Activity } from 'botbuilder';
import type {
  Actor,
  ConversationStore,
  Locale,
  People,
  User,
  UserDirectory,
} from '../domain/index.js';
import { localeOf } from './i18n.js';
import { isRecord } from './guards.js';

/** What the bot needs to know about an activity's sender. */
export interface TurnUser {
  readonly actor: Actor;
  readonly user: User;
  /** The person's language: every message and card of this turn is in it. */
  readonly locale: Locale;
}

export interface TurnDeps {
  readonly localMode: boolean;
  readonly localTenantId: string;
  readonly users: UserDirectory;
  /** Who a person is and their roles: the same as the tab's API sees (see `createPeople`). */
  readonly people: People;
  readonly conversations: ConversationStore;
}

/**
 * Who sent the activity, from the authenticated activity only. Teams always sends the tenant and
 * the sender's Entra object id; their absence is accepted only in local mode (the Agents
 * Playground sends neither reliably), where the channel id of the sender stands in and the
 * tenant is always the local one. A person met for the first time is enrolled (named from the
 * directory where it can). Null: the sender cannot be identified.
 */
export async function resolveTurnUser(
  activity: Activity,
  deps: Pick<TurnDeps, 'localMode' | 'localTenantId' | 'people'>,
): Promise<TurnUser | null> {
  const clientLocale = localeOf(activity.locale);
  // Local mode is one demo organisation, as in the API: whatever tenant a local chat client
  // claims (the Agents Playground invents one), its people meet the demo people there.
  const tenantId = deps.localMode
    ? deps.localTenantId
    : (nonEmpty(activity.conversation?.tenantId) ?? channelTenantId(activity.channelData));
  const userId =
    nonEmpty(activity.from?.aadObjectId) ?? (deps.localMode ? nonEmpty(activity.from?.id) : null);
  if (!tenantId || !userId) return null;

  const name = nonEmpty(activity.from?.name);
  const found = await deps.people.actorOf(tenantId, userId, 'card', {
    ...(name ? { displayName: name } : {}),
    locale: clientLocale,
  });
  if (!found) return null;
  // One language per person, whatever the client says on this activity: the one the directory
  // gave, or they chose with a command in it (see `parseCommand`); the client's for a person
  // without one. Cards sent to them later, and the answers to those cards, speak it too.
  return { actor: found.actor, user: found.user, locale: found.user.locale ?? clientLocale };
}

/** True in a one-to-one chat with the bot (Teams says 'personal'; some clients say nothing). */
export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

/**
 * Keeps the sender's conversation reference, so outbox handlers can message them later. Only
 * personal chats are kept: a reference is a way to reach this person one-to-one.
 */
export async function rememberConversation(
  context: TurnContext,
  turn: TurnUser,
  deps: Pick<TurnDeps, 'conversations'>,
): Promise<void> {
  if (!isPersonal(context.activity)) return;
  // Without the message id: the reference is for reaching the person, not replying to a message.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(
    context.activity,
  );
  await deps.conversations.put(turn.actor.tenantId, turn.actor.userId, JSON.stringify(reference));
}

function channelTenantId(channelData: unknown): string | null {
  if (!isRecord(channelData) || !isRecord(channelData.tenant)) return null;
  const id = channelData.tenant.id;
  return typeof id === 'string' ? nonEmpty(id) : null;
}

function nonEmpty(value: string | undefined | null): string | null {
  return value && value.trim() !== '' ? value : null;
}
