import { ActivityTypes, type TurnContext } from 'botbuilder';
import { isRecord } from './guards.js';

/**
 * The tenant an activity comes from, as Teams states it (the conversation's tenant, else the
 * channel data's); null when it states none. Read after botbuilder authenticated the activity.
 */
export function tenantOf(context: TurnContext): string | null {
  const { activity } = context;
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation;
  const data: unknown = activity.channelData;
  if (isRecord(data) && isRecord(data.tenant) && typeof data.tenant.id === 'string') {
    return data.tenant.id || null;
  }
  return null;
}

/**
 * Wraps the bot's turn logic so that it serves only `tenantIds` (the tenants the API accepts):
 * an activity from another tenant is not answered, remembered or acted on, and an invoke from one
 * is answered 403 (Teams waits for an invoke's answer). In local mode an activity that states no
 * tenant (the Agents Playground) is served; outside it, such an activity is not.
 */
export function serveOnly(
  tenantIds: readonly string[] | undefined,
  localMode: boolean,
  logic: (context: TurnContext) => Promise<void>,
  onRefused: (tenantId: string | null, context: TurnContext) => void,
): (context: TurnContext) => Promise<void> {
  if (!tenantIds || tenantIds.length === 0) return logic;
  const allowed = new Set(tenantIds);
  return async (context) => {
    const tenantId = tenantOf(context);
    if (tenantId === null ? localMode : allowed.has(tenantId)) return logic(context);
    onRefused(tenantId, context);
    if (context.activity.type === (ActivityTypes.Invoke as string)) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
  };
}
