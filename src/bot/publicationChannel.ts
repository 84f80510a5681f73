import { TurnContext, type Activity } from 'botbuilder';
import { hasRole, type Clock, type SettingsStore } from '../domain/index.js';
import { isRecord } from './guards.js';
import { translator } from './i18n.js';
import type { TurnUser } from './turn.js';

export interface PublicationChannelDeps {
  readonly settings: SettingsStore;
  readonly clock: Clock;
}

/**
 * "post stories here" in a team channel (journey 5): an admin makes this channel the tenant's
 * publication channel. Returns the reply: a confirmation, or why nothing changed (not an admin,
 * not a team channel). Roles come from the user directory, never from the message.
 */
export async function choosePublicationChannel(
  context: TurnContext,
  turn: TurnUser,
  deps: PublicationChannelDeps,
): Promise<string> {
  const t = translator(turn.locale);
  const reference = channelReference(context.activity);
  if (!reference) return t('channel.channelOnly');
  if (!hasRole(turn.actor, 'admin')) return t('channel.adminOnly');
  await deps.settings.setPublicationChannel(turn.actor.tenantId, {
    reference: JSON.stringify(reference),
    locale: turn.locale,
    setBy: turn.actor.userId,
    setAt: deps.clock.now(),
  });
  return t('channel.set');
}

/**
 * The reference of the channel itself, not of the thread the command was written in: Teams
 * gives a channel message the conversation id `<channel>;messageid=<post>`, and posting there
 * would answer that post. Null outside a team channel.
 */
export function channelReference(activity: Activity): Record<string, unknown> | null {
  const conversation = activity.conversation;
  if (conversation?.conversationType !== 'channel') return null;
  const channelData: unknown = activity.channelData;
  const fromData =
    isRecord(channelData) && isRecord(channelData.channel) ? channelData.channel.id : undefined;
  const channelId =
    typeof fromData === 'string' && fromData !== '' ? fromData : conversation.id.split(';')[0];
  if (!channelId) return null;
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return {
    ...reference,
    conversation: { ...conversation, id: channelId, conversationType: 'channel' },
  };
}
