import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
} from 'botbuilder';
import Fastify from 'fastify';
import { processBotHttp } from '../../src/bot/processBotHttp.js';

/** A card of about the size of the approval card's answer. */
const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Approved', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'x'.repeat(900), wrap: true },
  ],
};

/** The floor of a card action: the same invoke dispatch, a handler that does no work at all. */
class FloorBot extends TeamsActivityHandler {
  protected override onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return Promise.resolve({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: CARD,
    });
  }
}

/**
 * `POST /api/messages` answered by botbuilder's CloudAdapter as `src/bot/index.ts` sets it up
 * (local mode: no app id, so no JWT check) and wraps it for Fastify, with a do-nothing handler.
 * What an invoke costs on this machine before the app does anything.
 */
export async function startFloorBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppType: 'MultiTenant',
    }),
  );
  const bot = new FloorBot();
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.post('/api/messages', async (request, reply) => {
    const recorded = await processBotHttp(
      adapter,
      { method: request.method, headers: request.headers, body: request.body },
      (context) => bot.run(context),
    );
    reply.status(recorded.status).headers(recorded.headers);
    return recorded.body === undefined ? reply.send() : reply.send(recorded.body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
