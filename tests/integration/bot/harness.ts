import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createBot, type Bot, type BotOptions } from '../../../src/bot/index.js';
import type { BotConfig } from '../../../src/config.js';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  createOutboxRelay,
  createPeople,
  createStoryService,
  PermanentFailure,
  relayHandlers,
  type ActionLimiter,
  type DigestDelivery,
  type Directory,
  type OutboxRelay,
  type User,
} from '../../../src/domain/index.js';
import { fakeAwards } from '../../support/erasureFakes.js';
import { recordingLogger } from '../../support/factories.js';
import { buildStoryDeps, fakeConversations, fakePostedCards } from '../../support/fakes.js';
import { lateBound } from '../../support/lateBound.js';
import { startMockConnector, type MockConnector } from '../../support/mockConnector.js';

/**
 * The bot as Teams reaches it: the real CloudAdapter behind a Fastify `POST /api/messages` on
 * loopback, story dependencies on fakes, and a mock Bot Connector as every activity's serviceUrl.
 */
export interface BotHarness {
  readonly url: string;
  readonly connector: MockConnector;
  readonly store: ReturnType<typeof buildStoryDeps>;
  readonly conversations: ReturnType<typeof fakeConversations>;
  readonly postedCards: ReturnType<typeof fakePostedCards>;
  readonly settings: ReturnType<typeof buildStoryDeps>['settings'];
  /** The winners of the story of the month, shared by the bot and the relay. */
  readonly awards: ReturnType<typeof fakeAwards>;
  readonly relay: OutboxRelay;
  /** The bot's outbox handlers, to run one message again as a retry would. */
  readonly outboxHandlers: Bot['outboxHandlers'];
  /** How the bot sends the scheduled digests (to the channel, to team leads). */
  readonly digests: DigestDelivery;
  readonly logger: ReturnType<typeof recordingLogger>;
  /** POSTs an activity (JSON) to the bot; returns status and parsed body. */
  post(
    activity: object,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const users = {
  employee: demoUser(DEMO_USER_IDS.employee),
  manager: demoUser(DEMO_USER_IDS.manager),
  driver: demoUser(DEMO_USER_IDS.driver),
};

export function demoUser(id: string): User {
  const user = demoUsers().find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return user;
}

/** Starts the harness; `config` overrides the local-mode bot config (e.g. an app id). */
export async function startBotHarness(
  overrides: Partial<Pick<BotOptions, 'localMode' | 'tenantIds'>> & {
    config?: Partial<BotConfig>;
    /** Per-person action budgets; none by default. */
    limits?: ActionLimiter;
    /** Wraps the directory (the demo one over the fake people), e.g. to make it fail. */
    directory?: (demo: Directory) => Directory;
  } = {},
): Promise<BotHarness> {
  const connector = await startMockConnector();
  const demo = buildStoryDeps(demoUsers());
  const store = overrides.directory
    ? { ...demo, deps: { ...demo.deps, directory: overrides.directory(demo.deps.directory) } }
    : demo;
  const conversations = fakeConversations();
  const postedCards = fakePostedCards();
  const settings = store.settings;
  const awards = fakeAwards();
  const logger = recordingLogger();
  const service = createStoryService(store.deps, overrides.limits);
  const bot = createBot({
    config: {
      appId: '',
      appType: 'MultiTenant',
      serviceUrl: connector.serviceUrl,
      ...overrides.config,
    },
    localMode: overrides.localMode ?? true,
    ...(overrides.tenantIds ? { tenantIds: overrides.tenantIds } : {}),
    localTenantId: DEMO_TENANT_ID,
    service,
    stories: store.stories,
    users: store.users,
    people: createPeople(store.deps),
    conversations,
    postedCards,
    settings,
    awards,
    clock: store.clock,
    logger,
  });
  const relay = createOutboxRelay({
    outbox: store.stories,
    clock: store.clock,
    logger,
    handlers: relayHandlers(
      {
        ...bot.outboxHandlers,
        // This harness's stories raise no webhook events (no subscriptions are wired).
        'webhook.deliver': () => Promise.reject(new PermanentFailure('No webhooks here.')),
      },
      {
        ...store.deps,
        personalData: store.stories,
        postedCards,
        awards,
      },
    ),
  });

  const app: FastifyInstance = Fastify();
  app.post('/api/messages', async (request, reply) => {
    const answer = await bot.handle({
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    reply.status(answer.status).headers(answer.headers);
    return answer.body === undefined ? reply.send() : reply.send(answer.body);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  return {
    url,
    connector,
    store,
    conversations,
    postedCards,
    settings,
    awards,
    relay,
    outboxHandlers: bot.outboxHandlers,
    digests: bot.digests,
    logger,
    async post(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        // A plain-text answer (botbuilder's 401) stays text.
      }
      return { status: response.status, body };
    },
    async close() {
      await app.close();
      await connector.close();
    },
  };
}

/**
 * Starts the harness before each test (`'perTest'`) or once for the file (`'perFile'`) and closes
 * it after; returns the running harness, for use inside tests and hooks.
 */
export function useBotHarness(lifetime: 'perTest' | 'perFile'): Omit<BotHarness, 'close'> {
  let harness: BotHarness | undefined;
  const start = async () => {
    harness = await startBotHarness();
  };
  const stop = async () => {
    await harness?.close();
    harness = undefined;
  };
  if (lifetime === 'perTest') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return lateBound(() => {
    if (!harness) throw new Error('The bot harness runs only inside tests and their hooks.');
    return harness;
  });
}

let sequence = 0;

/** A Teams activity from `user` in their personal chat with the bot. */
export function activityFrom(
  harness: Pick<BotHarness, 'connector'>,
  user: Pick<User, 'id' | 'displayName'>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'message',
    id: `activity-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: harness.connector.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${user.id}`, name: user.displayName, aadObjectId: user.id },
    recipient: { id: '28:story-wall-bot', name: 'Story Wall' },
    conversation: {
      id: `a:personal-${user.id}`,
      conversationType: 'personal',
      isGroup: false,
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  };
}

/**
 * `user` writes a Finnish command ("ohje"), which makes Finnish their language for everything the
 * bot sends them, whatever their client says.
 */
export async function chooseFinnish(
  harness: Pick<BotHarness, 'connector' | 'post'>,
  user: Pick<User, 'id' | 'displayName'>,
): Promise<void> {
  await harness.post(activityFrom(harness, user, { text: 'ohje', deliveryMode: 'expectReplies' }));
}

/** An `adaptiveCard/action` invoke (Action.Execute) from `user`. */
export function cardAction(
  harness: Pick<BotHarness, 'connector'>,
  user: Pick<User, 'id' | 'displayName'>,
  verb: string,
  data: Record<string, unknown>,
  locale = 'en-US',
): Record<string, unknown> {
  return activityFrom(harness, user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/**
 * A message extension invoke (`composeExtension/...`) from `user`, from a group chat: a message
 * extension runs in whatever conversation holds the message, not in the chat with the bot.
 */
export function extensionInvoke(
  harness: Pick<BotHarness, 'connector'>,
  user: Pick<User, 'id' | 'displayName'>,
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction' | 'composeExtension/query',
  value: Record<string, unknown>,
  locale = 'en-US',
): Record<string, unknown> {
  return activityFrom(harness, user, {
    type: 'invoke',
    name,
    locale,
    conversation: {
      id: '19:group-chat-1@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: DEMO_TENANT_ID,
    },
    value,
  });
}

/** Valid story form data, as Teams sends it (strings; the verb mixed in). */
export function formData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    verb: 'story.submit',
    title: 'The borrowed jacket',
    situation: 'A guest had forgotten his jacket and the evening was cold.',
    action: 'The driver lent the guest his own jacket for the evening.',
    outcome: 'The guest thanked the company in a social-media post.',
    lesson: 'Small personal gestures are remembered longest.',
    team: 'Logistics',
    category: 'care',
    featured: DEMO_USER_IDS.driver,
    customerQuote: '',
    sourceUrl: '',
    consent: 'true',
    ...overrides,
  };
}

/** The Adaptive Card of an invoke response, checking its envelope. */
export function invokeCard(body: unknown): CardJson {
  const response = body as { statusCode?: number; type?: string; value?: CardJson };
  if (response.statusCode !== 200 || response.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`not a card invoke response: ${JSON.stringify(body)}`);
  }
  return response.value ?? {};
}

export interface CardJson {
  body?: { type: string; text?: string; id?: string; [key: string]: unknown }[];
  actions?: { type: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** All TextBlock texts of a card, nested containers and show-cards included. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return texts;
}
