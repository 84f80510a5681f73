import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { z } from 'zod';
import {
  isPseudonym,
  PermanentFailure,
  type ConversationStore,
  type Logger,
} from '../domain/index.js';
import { retryAfterMsOf } from './connectorTransport.js';
import { isRecord } from './guards.js';

/** What proactive sends need. */
export interface ProactiveDeps {
  /** The adapter of outbound sends (its transport fails fast on 429; no onTurnError). */
  readonly adapter: CloudAdapter;
  readonly appId: string;
  /**
   * Where to create a conversation when nobody's stored reference says better; unset in local
   * mode without Teams, where a person who never talked to the bot cannot be reached.
   */
  readonly serviceUrl?: string;
  readonly conversations: ConversationStore;
  readonly logger: Logger;
}

/** A person to message one-to-one. */
export interface Recipient {
  readonly tenantId: string;
  /** Entra object id: the key of the user directory and of stored references. */
  readonly userId: string;
  readonly displayName: string;
}

// A stored reference is our own JSON, but storage is outside the process: check what we rely on.
const referenceSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
});

// botbuilder types `audience` as a string, but only a missing value selects the configured
// channel scope; an empty string would ask for a token with no audience.
const DEFAULT_AUDIENCE = undefined as unknown as string;

/** A stored conversation reference, or null when there is none or it is unusable. */
export function parseReference(json: string | null): Partial<ConversationReference> | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  // The checked fields are the ones botbuilder needs; the rest passes through as stored.
  return referenceSchema.safeParse(value).success
    ? (value as Partial<ConversationReference>)
    : null;
}

/** Where a proactive message went, so the card it carried can be updated later. */
export interface Delivery {
  /** The conversation reference it was sent through (JSON, as stored). */
  readonly reference: string;
  /** The id Teams gave the message; absent when the connector did not say. */
  readonly activityId?: string;
  /** The Teams user id the message was built for (`message(teamsUserId)`). */
  readonly teamsUserId: string;
}

/**
 * Sends `message(teamsUserId)` to a person in their personal chat with the bot; returns where it
 * went, or null when the person cannot be reached (local mode without Teams).
 *
 * With a stored conversation reference the bot continues that conversation. Without one it
 * creates the 1:1 conversation. Teams accepts two ids for the member there: the Teams user id
 * (`29:…`, specific to this bot, known only from an activity the person sent, which would have
 * given us a reference anyway) or the Entra object id. Microsoft's proactive-messaging docs: "to
 * create the conversation, you need an aadObjectId or userId, tenantId, and serviceUrl"; the
 * object id works in personal scope once the app is installed for that user. Our users are keyed
 * by object id, so that is the member id. Creating it again returns the same conversation, so a
 * retried message does not open a second chat; the new reference is stored before sending.
 *
 * `serviceUrlOf` names another person of the tenant whose reference's service URL (Teams'
 * regional endpoint for the tenant) is a better guess than the configured default.
 */
export async function sendToPerson(
  deps: ProactiveDeps,
  to: Recipient,
  message: (teamsUserId: string) => Partial<Activity>,
  serviceUrlOf?: string,
): Promise<Delivery | null> {
  // An erased person (a story's author kept as "a former colleague") is nobody to message.
  if (isPseudonym(to.userId)) return null;
  const stored = await deps.conversations.get(to.tenantId, to.userId);
  const reference = parseReference(stored);
  try {
    if (reference && stored) {
      const teamsUserId = reference.user?.id ?? to.userId;
      let activityId: string | undefined;
      await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
        activityId = (await context.sendActivity(message(teamsUserId)))?.id;
      });
      return { reference: stored, teamsUserId, ...(activityId ? { activityId } : {}) };
    }
    const neighbour = serviceUrlOf
      ? parseReference(await deps.conversations.get(to.tenantId, serviceUrlOf))
      : null;
    const serviceUrl = neighbour?.serviceUrl ?? deps.serviceUrl;
    if (!serviceUrl) {
      // Local mode without Teams: the message has no road; the tab still shows the same work.
      deps.logger.info(
        { tenantId: to.tenantId, userId: to.userId },
        'no conversation with this person and no Bot Connector configured; chat message skipped',
      );
      return null;
    }
    const bot = neighbour?.bot ?? { id: `28:${deps.appId}`, name: '' };
    const member = { id: to.userId, name: to.displayName, aadObjectId: to.userId };
    let delivery: Delivery | null = null;
    await deps.adapter.createConversationAsync(
      deps.appId,
      'msteams',
      serviceUrl,
      DEFAULT_AUDIENCE,
      {
        isGroup: false,
        bot,
        members: [member],
        tenantId: to.tenantId,
        channelData: { tenant: { id: to.tenantId } },
      },
      async (context) => {
        const { activityId: _activityId, ...created } = TurnContext.getConversationReference(
          context.activity,
        );
        const stored = {
          ...created,
          conversation: { ...context.activity.conversation, conversationType: 'personal' },
          user: member,
        };
        const json = JSON.stringify(stored);
        await deps.conversations.put(to.tenantId, to.userId, json);
        const activityId = (await context.sendActivity(message(to.userId)))?.id;
        delivery = {
          reference: json,
          teamsUserId: to.userId,
          ...(activityId ? { activityId } : {}),
        };
      },
    );
    return delivery;
  } catch (error) {
    throw asOutboxFailure(error);
  }
}

/**
 * Posts `activity` to the conversation of a stored reference (a channel); returns the new
 * message's id, if the connector gave one. An unusable reference is a `PermanentFailure`.
 */
export async function postToConversation(
  deps: ProactiveDeps,
  referenceJson: string,
  activity: Partial<Activity>,
): Promise<string | undefined> {
  const reference = parseReference(referenceJson);
  if (!reference) throw new PermanentFailure('The stored conversation reference is unusable.');
  let activityId: string | undefined;
  try {
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      activityId = (await context.sendActivity(activity))?.id;
    });
  } catch (error) {
    throw asOutboxFailure(error);
  }
  return activityId;
}

/**
 * Replaces a message the bot posted earlier (`updateActivity`) with `activity`. A message or
 * chat that is gone fails as a `PermanentFailure` (see `asOutboxFailure`).
 */
export async function updatePosted(
  deps: ProactiveDeps,
  referenceJson: string,
  activityId: string,
  activity: Partial<Activity>,
): Promise<void> {
  const reference = parseReference(referenceJson);
  if (!reference) throw new PermanentFailure('The stored conversation reference is unusable.');
  try {
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId });
    });
  } catch (error) {
    throw asOutboxFailure(error);
  }
}

/**
 * Deletes a message the bot posted earlier (`deleteActivity`): a card of an erased story, or an
 * erased person's own copy. A message or chat that is gone fails as a `PermanentFailure`, which
 * the caller takes as done.
 */
export async function deletePosted(
  deps: ProactiveDeps,
  referenceJson: string,
  activityId: string,
): Promise<void> {
  const reference = parseReference(referenceJson);
  if (!reference) throw new PermanentFailure('The stored conversation reference is unusable.');
  try {
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      await context.deleteActivity(activityId);
    });
  } catch (error) {
    throw asOutboxFailure(error);
  }
}

// Refusals that sending again cannot change: a malformed activity, a person who blocked the bot
// or removed the app, a conversation that is gone, an activity too large. A 401 is left to retry:
// it is a credentials problem of the deployment, mended by fixing the configuration.
const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 410, 413]);

/**
 * A connector failure as the outbox relay understands it: a 429 carries `retryAfterMs` (our
 * proactive transport already throws one; this also covers a 429 that reached us as an Azure
 * RestError), a refusal that cannot change is a `PermanentFailure`, anything else is retried.
 */
export function asOutboxFailure(error: unknown): unknown {
  if (!isRecord(error)) return error;
  if (typeof error.statusCode === 'number' && PERMANENT_STATUSES.has(error.statusCode)) {
    const reason = error instanceof Error ? error.message : 'refused';
    return new PermanentFailure(
      `Bot Connector refused the message (${error.statusCode}): ${reason}`,
      {
        cause: error,
      },
    );
  }
  if (error.statusCode !== 429 || typeof error.retryAfterMs === 'number') return error;
  const response = error.response;
  const header =
    isRecord(response) && isRecord(response.headers) && typeof response.headers.get === 'function'
      ? (response.headers.get as (name: string) => unknown).call(response.headers, 'retry-after')
      : undefined;
  const throttled = new Error('Bot Connector throttled the request', { cause: error });
  return Object.assign(throttled, {
    statusCode: 429,
    retryAfterMs: retryAfterMsOf(typeof header === 'string' ? header : undefined),
  });
}
