import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from '../config.js';
import type {
  AwardStore,
  Clock,
  ConversationStore,
  DigestDelivery,
  Logger,
  PostedCards,
  SettingsStore,
  StoryRepository,
  StoryService,
  People,
  UserDirectory,
} from '../domain/index.js';
import { proactiveConnectorOptions } from './connectorTransport.js';
import { createDigestDelivery } from './digestDelivery.js';
import { localeOf, translator } from './i18n.js';
import { createOutboxHandlers, type BotOutboxHandlers } from './outboxHandlers.js';
import { serveOnly } from './tenantGate.js';
import { processBotHttp, type BotHttpRequest, type BotHttpResponse } from './processBotHttp.js';
import { StoryBot } from './storyBot.js';

/** What the bot is built from; `server.ts` passes the shared service and stores. */
export interface BotOptions {
  /** appId '' only in local mode. */
  config: BotConfig;
  /** AUTH_MODE=local. */
  localMode: boolean;
  /** Tenant for activities that carry none (Agents Playground). */
  localTenantId: string;
  /**
   * The tenants served (ENTRA_TENANT_ID, as for the API); absent serves every tenant. Activities
   * from any other tenant are dropped, and invokes from them answered 403.
   */
  tenantIds?: readonly string[];
  service: StoryService;
  /** Read-only use in outbox handlers (load the story). */
  stories: StoryRepository;
  users: UserDirectory;
  /** Who a person is and their roles, as the tab's API sees them. */
  people: People;
  conversations: ConversationStore;
  /** Every card posted for a story, so a change updates them (`cards.refresh`). */
  postedCards: PostedCards;
  /** The tenant's publication channel, set by an admin in that channel. */
  settings: SettingsStore;
  /** Read only: the story of the month's announcement and notes show the award. */
  awards: Pick<AwardStore, 'get'>;
  clock: Clock;
  logger: Logger;
}

/** The bot as the HTTP app and the outbox relay see it. */
export interface Bot {
  /** POST /api/messages: runs botbuilder's CloudAdapter.process and returns what it wrote. */
  handle(request: BotHttpRequest): Promise<BotHttpResponse>;
  /** Outbox handlers of every bot side effect (all kinds but 'story.project' and 'story.purge'). */
  outboxHandlers: BotOutboxHandlers;
  /** How the scheduled digests reach the channel and the team leads. */
  digests: DigestDelivery;
}

export type { BotHttpRequest, BotHttpResponse, BotOutboxHandlers };

/** Builds the Teams bot: its HTTP entry point and its outbox handlers. */
export function createBot(options: BotOptions): Bot {
  const { config, logger } = options;
  // An empty app id makes botbuilder accept unauthenticated requests: only ever in local mode.
  if (!options.localMode && config.appId.trim() === '') {
    throw new Error('The bot needs an app id outside local mode: an empty one disables its auth.');
  }
  const auth = authOptions(config);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(auth));
  // Outbound sends get their own adapter: a transport that surfaces 429s to the outbox, and no
  // onTurnError, so a failed send reaches the relay (and is retried) instead of being swallowed.
  const proactive = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      auth,
      undefined,
      undefined,
      undefined,
      proactiveConnectorOptions(),
    ),
  );

  adapter.onTurnError = async (context, error) => {
    const { activity } = context;
    logger.error(
      {
        err: error,
        activityType: activity.type,
        activityName: activity.name,
        channelId: activity.channelId,
        conversationId: activity.conversation?.id,
        tenantId: activity.conversation?.tenantId,
      },
      'bot turn failed',
    );
    try {
      await context.sendActivity(translator(localeOf(activity.locale))('errors.generic'));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology for a failed turn');
    }
  };

  const bot = new StoryBot(options);
  const logic = serveOnly(
    options.tenantIds,
    options.localMode,
    (context: TurnContext) => bot.run(context),
    // Warn, not error: anyone who installs the app in another tenant can send these.
    (tenantId, context) =>
      logger.warn(
        { tenantId, activityType: context.activity.type },
        'activity from a tenant that is not served; ignored',
      ),
  );

  const proactiveDeps = {
    adapter: proactive,
    appId: config.appId,
    ...(config.serviceUrl ? { serviceUrl: config.serviceUrl } : {}),
    conversations: options.conversations,
    logger,
  };

  return {
    async handle(request) {
      const recorded = await processBotHttp(adapter, request, logic);
      // botbuilder puts exception messages in 5xx bodies; the caller gets the status only.
      if (recorded.status >= 500) delete recorded.body;
      return recorded;
    },
    outboxHandlers: createOutboxHandlers({
      ...proactiveDeps,
      stories: options.stories,
      users: options.users,
      postedCards: options.postedCards,
      settings: options.settings,
      awards: options.awards,
    }),
    digests: createDigestDelivery({ ...proactiveDeps, users: options.users }),
  };
}

function authOptions(config: BotConfig): ConfigurationBotFrameworkAuthenticationOptions {
  if (config.appId === '') {
    // Local mode: no credentials at all. (The configured app type may be UserAssignedMSI, which
    // botbuilder refuses without an app id.)
    return { MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' };
  }
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.appTenantId ? { MicrosoftAppTenantId: config.appTenantId } : {}),
  };
}
