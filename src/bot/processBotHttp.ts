import type {
  CloudAdapter,
  Request as BotRequest,
  Response as BotResponse,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';

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

/**
 * The least a body must be for the bot to act on it: an activity with a type, a conversation and
 * the service to answer through. Checked before authentication and before botbuilder sees it, so
 * a body that is not an activity is a client's mistake (400) and never a failed turn that writes
 * an error to the log (anyone can send one; docs/SECURITY.md).
 */
const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});

const NOT_AN_ACTIVITY: BotHttpResponse = {
  status: 400,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: {
    error: {
      code: 'validation',
      message:
        'The body is not a Bot Framework activity: it needs type, serviceUrl and conversation.id.',
    },
  },
};

/** Runs one HTTP request through `adapter.process` and returns what botbuilder wrote to it. */
export async function processBotHttp(
  adapter: CloudAdapter,
  request: BotHttpRequest,
  logic: (context: TurnContext) => Promise<void>,
): Promise<BotHttpResponse> {
  // botbuilder writes to a restify/express-like response; this one records instead, so any HTTP
  // framework can send the answer.
  const activity = activityShape.safeParse(request.body);
  if (!activity.success) return structuredClone(NOT_AN_ACTIVITY);
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
    body: activity.data,
  };
  await adapter.process(botRequest, response, logic);
  return recorded;
}
