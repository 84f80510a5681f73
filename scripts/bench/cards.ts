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

/** An `adaptiveCard/action` invoke (Action.Execute) from the demo manager, as Teams sends it. */
function approveInvoke(serviceUrl: string, storyId: string, sequence: number) {
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
    conversation: {
      id: `a:personal-${MANAGER.id}`,
      conversationType: 'personal',
      isGroup: false,
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'story.decide',
        data: { storyId, decision: 'approve' },
      },
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

/**
 * Interleaved A/B of the approval card action: A approves a fresh pending story through the
 * app's `/api/messages` (CloudAdapter, the card handler, the decision's storage writes and
 * projections); B sends the same invoke to the floor bot. Afterwards every A story is checked
 * to be published, so a fast refusal cannot pass for a decision.
 */
export async function measureInvoke(
  app: AppProcess,
  serviceUrl: string,
  pending: readonly string[],
  warmup: number,
): Promise<{ app: Summary; floor: Summary; storageCallsEach: number }> {
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  let sequence = 0;
  await app.resetCounts();
  for (const [i, storyId] of pending.entries()) {
    const a = () => invoke(app.url, approveInvoke(serviceUrl, storyId, ++sequence));
    const b = () => invoke(app.floorUrl, approveInvoke(serviceUrl, storyId, ++sequence));
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
  for (const storyId of pending) {
    const story = await expectJson(`${app.url}/api/stories/${storyId}`, 200, {
      headers: { [DEV_USER_HEADER]: MANAGER.id },
    });
    const status = (story.body as StoryDto).status;
    if (status !== 'published') throw new Error(`invoke: story ${storyId} is ${status}`);
  }
  return {
    app: summarize(appTimes),
    floor: summarize(floorTimes),
    storageCallsEach: Math.round((counts.calls / pending.length) * 10) / 10,
  };
}
