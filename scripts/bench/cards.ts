import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import { DEV_USER_HEADER, type StoryDto } from '../../src/shared/dto.js';
import type { AppProcess, Counts } from './appProcess.js';
import { expectJson } from './http.js';
import { summarize, type Summary } from './stats.js';

const MANAGER = { id: DEMO_USER_IDS.manager, name: 'Mikko Manager' };

/**
 * `POST /api/stories` as the demo employee, one at a time: `warmup` unmeasured, then `samples`
 * measured. Every story is stored pending and routed to the demo manager (whose approval card
 * the outbox relay then sends to the mock connector, concurrently, as in production).
 */
export async function measureSubmit(
  app: AppProcess,
  samples: number,
  warmup: number,
): Promise<{ summary: Summary; storyIds: string[]; storageCallsEach: number }> {
  const times: number[] = [];
  const storyIds: string[] = [];
  await app.resetCounts();
  for (let i = 0; i < warmup + samples; i++) {
    const response = await expectJson(`${app.url}/api/stories`, 201, { body: storyInput(i) });
    storyIds.push((response.body as StoryDto).id);
    if (i >= warmup) times.push(response.ms);
  }
  const counts = await settledCounts(app);
  return {
    summary: summarize(times),
    storyIds,
    storageCallsEach: Math.round((counts.calls / storyIds.length) * 10) / 10,
  };
}

/**
 * The storage counts once the outbox relay's work after the last request has finished (no new
 * call for 300 ms): what one request costs in all, its side effects included.
 */
async function settledCounts(app: AppProcess): Promise<Counts> {
  let last = await app.readCounts();
  for (;;) {
    await new Promise((done) => setTimeout(done, 300));
    const now = await app.readCounts();
    if (now.calls === last.calls) return now;
    last = now;
  }
}

function storyInput(i: number) {
  return {
    title: `A spare umbrella at the door, visit ${i}`,
    situation: 'A guest arrived soaked; the forecast had promised sun all day long.',
    action: 'Our receptionist lent her own umbrella and dried his coat in the back office.',
    outcome: 'He left a glowing review and asked for her by name on his next visit.',
    lesson: 'Small kindness is remembered longest, and it costs almost nothing.',
    team: 'Customer service',
    category: 'care',
    featured: [DEMO_USER_IDS.driver],
    consent: true,
    locale: 'en',
  };
}

/** Where a card action is sent from: the manager's personal chat, or a team's channel. */
type Conversation = 'personal' | 'channel';

const CONVERSATIONS: Record<Conversation, object> = {
  personal: {
    id: `a:personal-${MANAGER.id}`,
    conversationType: 'personal',
    isGroup: false,
    tenantId: DEMO_TENANT_ID,
  },
  channel: {
    id: '19:bench-channel@thread.tacv2;messageid=1',
    conversationType: 'channel',
    isGroup: true,
    tenantId: DEMO_TENANT_ID,
  },
};

/** An `adaptiveCard/action` invoke (Action.Execute) from the demo manager, as Teams sends it. */
function cardInvoke(
  serviceUrl: string,
  sequence: number,
  conversation: Conversation,
  verb: string,
  data: Record<string, string>,
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-activity-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${MANAGER.id}`, name: MANAGER.name, aadObjectId: MANAGER.id },
    recipient: { id: '28:story-wall-bot', name: 'Story Wall' },
    conversation: CONVERSATIONS[conversation],
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: 'manual',
    },
  };
}

async function invoke(origin: string, activity: object): Promise<number> {
  const response = await expectJson(`${origin}/api/messages`, 200, { body: activity });
  const body = response.body as { statusCode?: number; type?: string };
  if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`invoke: not a card answer: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return response.ms;
}

/** A card action measured against the floor, and what it cost storage per action. */
export interface CardActionResult {
  readonly app: Summary;
  readonly floor: Summary;
  /** All storage calls per action, the relay's work after it included. */
  readonly storageCallsEach: number;
  /** Calls the answer waited for (the turn's user, the story, the commit, ...). */
  readonly requestCalls: number;
  /** Calls of the outbox relay the action started (its side effects and repairs). */
  readonly relayCalls: number;
  /** Calls of the inline projection that follows a card's answer (not awaited by it). */
  readonly projectionCalls: number;
  /** Calls per action by table and kind (`createCallCounter`'s keys), the timers' included. */
  readonly byTable: Readonly<Record<string, number>>;
}

/**
 * Interleaved A/B of one card action per story: A sends it to the app's `/api/messages`
 * (CloudAdapter, the card handler, the storage writes), B the same invoke to the floor bot;
 * the order alternates. Storage calls are counted once the relay has settled and split by who
 * made them (the scheduler's timer calls are left out).
 */
async function measureCardAction(
  app: AppProcess,
  storyIds: readonly string[],
  warmup: number,
  activity: (storyId: string, sequence: number) => object,
): Promise<CardActionResult> {
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  let sequence = 0;
  await app.resetCounts();
  for (const [i, storyId] of storyIds.entries()) {
    const a = () => invoke(app.url, activity(storyId, ++sequence));
    const b = () => invoke(app.floorUrl, activity(storyId, ++sequence));
    let pair: [number, number];
    if (i % 2 === 0) {
      const aMs = await a();
      pair = [aMs, await b()];
    } else {
      const bMs = await b();
      pair = [await a(), bMs];
    }
    if (i >= warmup) {
      appTimes.push(pair[0]);
      floorTimes.push(pair[1]);
    }
  }
  const counts = await settledCounts(app);
  const each = (n: number) => Math.round((n / storyIds.length) * 10) / 10;
  return {
    app: summarize(appTimes),
    floor: summarize(floorTimes),
    storageCallsEach: each(counts.calls - counts.timerCalls),
    requestCalls: each(
      counts.calls - counts.timerCalls - counts.relayCalls - counts.projectionCalls,
    ),
    relayCalls: each(counts.relayCalls),
    projectionCalls: each(counts.projectionCalls),
    byTable: Object.fromEntries(
      Object.entries(counts.byTable)
        .map(([key, n]) => [key, each(n)] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]),
    ),
  };
}

/** Every story is checked afterwards, so a fast refusal cannot pass for the action. */
async function expectStories(
  app: AppProcess,
  storyIds: readonly string[],
  what: string,
  holds: (story: StoryDto) => boolean,
): Promise<void> {
  for (const storyId of storyIds) {
    const story = await expectJson(`${app.url}/api/stories/${storyId}`, 200, {
      headers: { [DEV_USER_HEADER]: MANAGER.id },
    });
    const dto = story.body as StoryDto;
    if (!holds(dto)) throw new Error(`${what}: story ${storyId} is ${JSON.stringify(dto)}`);
  }
}

/**
 * The approval card's "Approve" (verb `story.decide`) from the manager's personal chat on each
 * pending story, against the floor bot; afterwards every story must be published.
 */
export async function measureInvoke(
  app: AppProcess,
  serviceUrl: string,
  pending: readonly string[],
  warmup: number,
): Promise<CardActionResult> {
  const result = await measureCardAction(app, pending, warmup, (storyId, sequence) =>
    cardInvoke(serviceUrl, sequence, 'personal', 'story.decide', {
      storyId,
      decision: 'approve',
    }),
  );
  await expectStories(app, pending, 'invoke', (story) => story.status === 'published');
  return result;
}

/**
 * The channel card's "Vote" (verb `story.vote`) by the manager on each published story, from a
 * channel, against the floor bot; afterwards every story must count the vote.
 */
export async function measureVote(
  app: AppProcess,
  serviceUrl: string,
  published: readonly string[],
  warmup: number,
): Promise<CardActionResult> {
  const result = await measureCardAction(app, published, warmup, (storyId, sequence) =>
    cardInvoke(serviceUrl, sequence, 'channel', 'story.vote', { storyId }),
  );
  await expectStories(app, published, 'vote', (story) => story.voteCount === 1);
  return result;
}
