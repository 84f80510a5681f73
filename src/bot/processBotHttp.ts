import type {
  CloudAdapter,
  Request as BotRequest,
  Response as BotResponse,
  TurnContext,
} from 'botbuilder';
import { isRecord } from './guards.js';

/** The parts of the HTTP request to `/api/messages` that botbuilder reads. */
export interface BotHttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What botbuilder wrote: status, headers and body (an invoke or expectReplies answer). */
export interface BotHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Runs one HTTP request through `adapter.process` and returns what botbuilder wrote to it. */
export async function processBotHttp(
  adapter: CloudAdapter,
  request: BotHttpRequest,
  logic: (context: TurnContext) => Promise<void>,
): Promise<BotHttpResponse> {
  // botbuilder writes to a restify/express-like response; this one records instead, so any HTTP
  // framework can send the answer.
  const recorded: BotHttpResponse = { status: 200, headers: {} };
  const response: BotResponse = {
    socket: null,
    status(code: unknown) {
      if (typeof code === 'number') recorded.status = code;
      return response;
    },
    header(name: unknown, value: unknown) {
      if (typeof name === 'string') recorded.headers[name.toLowerCase()] = String(value);
      return response;
    },
    send(body: unknown) {
      recorded.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  const botRequest: BotRequest = {
    method: request.method,
    headers: request.headers,
    // CloudAdapter answers 400 itself when the body is not a JSON object.
    ...(isRecord(request.body) ? { body: request.body } : {}),
  };
  await adapter.process(botRequest, response, logic);
  return recorded;
}
