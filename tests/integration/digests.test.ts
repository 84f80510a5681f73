import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../src/demo/demoUsers.js';
import {
  WEEKDAYS,
  type DigestsDto,
  type ScheduledJobsDto,
  type SettingsDto,
  type StoryDto,
} from '../../src/shared/dto.js';
import { movableClock } from '../support/fakes.js';
import { apiClient } from '../support/http.js';
import { startMockConnector, type MockConnector } from '../support/mockConnector.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startTestApp, type TestApp } from '../support/startApp.js';
import { activityFrom, cardTexts } from './bot/harness.js';

/**
 * The digests end to end, on real storage and the app's own scheduler driven by a movable clock:
 * off by default; once an admin turns them on in Settings, the weekly digest reaches the company
 * channel once however many instances tick, the monthly summary reaches the team lead (the
 * authors' manager) in chat, and each run is listed in the tenant's history of scheduled jobs —
 * in local mode, without Teams, with what it would have sent.
 */

const { employee, manager, editor, admin, driver, service } = DEMO_USER_IDS;
const adminUser = demoUsers().find((u) => u.id === admin)!;
const DAY = 24 * 60 * 60 * 1000;
const CHANNEL = '19:general@thread.tacv2';
const WEEKLY_TITLE = 'Stories of the week';
const MONTHLY_TITLE = 'Tiimisi kuukauden tarinat';

type Api = ReturnType<typeof apiClient>;

async function tell(api: Api, title: string): Promise<StoryDto> {
  const created = await api.post<StoryDto>(
    '/api/stories',
    {
      title,
      situation: 'A guest lost her phone somewhere in the hall during the gala dinner.',
      action: 'I searched the hall with a torch after the guests had left.',
      outcome: 'She had it back at breakfast and wrote to thank the whole team.',
      lesson: 'Looking once more is cheap and worth a lot.',
      team: 'Venue services',
      category: 'care',
      featured: [],
      consent: true,
    },
    { user: employee },
  );
  expect(created.status).toBe(201);
  return created.body;
}

/** Emma tells a story and Mikko approves it: published now. */
async function publish(api: Api, title: string): Promise<StoryDto> {
  const story = await tell(api, title);
  const decided = await api.post(
    `/api/stories/${story.id}/decision`,
    { decision: 'approve' },
    { user: manager },
  );
  expect(decided.status).toBe(200);
  return story;
}

async function vote(api: Api, story: StoryDto, voters: readonly string[]): Promise<void> {
  for (const voter of voters) {
    expect((await api.post(`/api/stories/${story.id}/vote`, {}, { user: voter })).status).toBe(200);
  }
}

/** Tomorrow at 09:00 UTC, and its day of the week and of the month. */
function tomorrowAtNine(now: Date): {
  at: Date;
  weekday: DigestsDto['weekly']['day'];
  day: number;
} {
  const at = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9, 0),
  );
  return { at, weekday: WEEKDAYS[(at.getUTCDay() + 6) % 7] ?? 'monday', day: at.getUTCDate() };
}

/** An admin saves the settings with `digests` changed as `change` says. */
async function saveDigests(api: Api, change: (digests: DigestsDto) => DigestsDto) {
  const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
  const saved = await api.call<SettingsDto>('PUT', '/api/settings', {
    user: admin,
    body: {
      version: read.version,
      approval: read.approval,
      roles: read.roles,
      digests: change(read.digests),
    },
  });
  expect(saved.status).toBe(200);
  return saved.body;
}

const jobs = async (api: Api) =>
  (await api.get<ScheduledJobsDto>('/api/scheduled-jobs', { user: admin })).body;

describe('digests through the scheduler, with two app instances', () => {
  const clock = movableClock();
  let connector: MockConnector;
  let first: TestApp;
  let second: TestApp;
  let api: Api;

  /** Both instances look for due work at once, and then once more each. */
  async function tickBoth(): Promise<void> {
    await Promise.all([first.server.scheduler.tick(), second.server.scheduler.tick()]);
    await first.server.scheduler.tick();
    await second.server.scheduler.tick();
  }

  const cardsTitled = (heading: string) =>
    connector
      .activities()
      .filter((a) => a.kind === 'sendActivity')
      .map((a) => ({ activity: a, texts: cardTexts(a.body.attachments?.[0]?.content) }))
      .filter(({ texts }) => texts[0] === heading);

  beforeAll(async () => {
    connector = await startMockConnector();
    const env = {
      TABLE_PREFIX: uniqueTablePrefix(),
      SCHEDULER_INTERVAL_SECONDS: '0',
      BOT_SERVICE_URL: connector.serviceUrl,
    };
    const connectionString = inject('azurite').connectionString;
    first = await startTestApp({ connectionString, clock, env });
    second = await startTestApp({ connectionString, clock, env, seed: false });
    api = apiClient(first.url);

    // An admin makes the team channel the publication channel, as in Teams.
    const answer = await fetch(new URL('/api/messages', first.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        activityFrom({ connector }, adminUser, {
          text: '<at>Story Wall</at> post stories here',
          deliveryMode: 'expectReplies',
          conversation: {
            id: `${CHANNEL};messageid=1`,
            conversationType: 'channel',
            isGroup: true,
            tenantId: DEMO_TENANT_ID,
          },
          channelData: {
            tenant: { id: DEMO_TENANT_ID },
            team: { id: '19:team@thread.tacv2' },
            channel: { id: CHANNEL },
          },
          entities: [
            {
              type: 'mention',
              text: '<at>Story Wall</at>',
              mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
            },
          ],
        }),
      ),
    });
    expect(answer.status).toBe(200);
    // Past the demo stories: the digests below see only this test's stories.
    clock.advance(40 * DAY);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await connector?.close();
  });

  it('sends nothing while the digests are off, as they are by default', async () => {
    const settings = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    expect(settings.digests.weekly.enabled).toBe(false);
    expect(settings.digests.monthly.enabled).toBe(false);

    await publish(api, 'Published while the digests are off');
    clock.advance(8 * DAY);
    await tickBoth();
    expect(cardsTitled(WEEKLY_TITLE)).toEqual([]);
    expect(cardsTitled(MONTHLY_TITLE)).toEqual([]);
    expect(await jobs(api)).toEqual({ items: [], upcoming: [] });
  });

  it('posts the weekly digest to the channel once, most votes first', async () => {
    const [a, b, c] = [
      await publish(api, 'The night boat'),
      await publish(api, 'The borrowed jacket'),
      await publish(api, 'A button sewn on'),
    ];
    if (!a || !b || !c) throw new Error('stories not told');
    await vote(api, b, [editor, admin, driver]);
    await vote(api, a, [service]);

    const next = tomorrowAtNine(clock.now());
    const saved = await saveDigests(api, (digests) => ({
      ...digests,
      weekly: { enabled: true, day: next.weekday, time: '09:00' },
      timeZone: 'UTC',
    }));
    expect(saved.digests.weekly).toEqual({ enabled: true, day: next.weekday, time: '09:00' });
    expect((await jobs(api)).upcoming).toEqual([
      { job: 'digest.weekly', at: next.at.toISOString() },
    ]);

    // A minute before: not yet.
    clock.advance(next.at.getTime() - clock.now().getTime() - 60_000);
    await tickBoth();
    expect(cardsTitled(WEEKLY_TITLE)).toEqual([]);

    clock.advance(2 * 60_000);
    await tickBoth();
    const posted = cardsTitled(WEEKLY_TITLE);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.activity.conversationId).toBe(CHANNEL);
    const texts = posted[0]?.texts ?? [];
    const order = [b, a, c].map((story) => texts.indexOf(story.title));
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(texts.join('\n')).not.toContain('Published while the digests are off');

    const history = await jobs(api);
    expect(history.items).toEqual([
      expect.objectContaining({
        job: 'digest.weekly',
        scheduledFor: next.at.toISOString(),
        outcome: 'sent',
        stories: 3,
        recipients: 1,
        delivered: 1,
        titles: [b.title, a.title, c.title],
      }),
    ]);
    expect(history.items[0]?.finishedAt).toEqual(expect.any(String));
    expect(history.upcoming).toEqual([
      { job: 'digest.weekly', at: new Date(next.at.getTime() + 7 * DAY).toISOString() },
    ]);
    // Another look later finds nothing more to send.
    await tickBoth();
    expect(cardsTitled(WEEKLY_TITLE)).toHaveLength(1);
  });

  it('sends the team lead a monthly summary of their team’s stories, in chat', async () => {
    // The other instance read the settings a moment ago: its short-lived cache holds them, from
    // before the monthly summary is turned on.
    const before = await apiClient(second.url).get<SettingsDto>('/api/settings', { user: admin });
    expect(before.body.digests.monthly.enabled).toBe(false);
    const next = tomorrowAtNine(clock.now());
    await saveDigests(api, (digests) => ({
      ...digests,
      monthly: { enabled: true, day: next.day, time: '09:00' },
    }));
    clock.advance(next.at.getTime() - clock.now().getTime() + 60_000);
    // That instance runs it: it reads the settings as saved, not its cached copy.
    await second.server.scheduler.tick();
    await tickBoth();

    const sent = cardsTitled(MONTHLY_TITLE);
    expect(sent).toHaveLength(1);
    // Mikko's personal chat with the bot (opened for his approval cards), in his language.
    const chat = connector
      .conversationsCreated()
      .find((call) => (call.body as { members?: { id: string }[] }).members?.[0]?.id === manager);
    expect(sent[0]?.activity.conversationId).toBe(chat?.conversationId);
    const texts = sent[0]?.texts.join('\n') ?? '';
    for (const title of [
      'The night boat',
      'The borrowed jacket',
      'A button sewn on',
      'Published while the digests are off',
    ]) {
      expect(texts).toContain(title);
    }

    const [latest] = (await jobs(api)).items;
    expect(latest).toMatchObject({
      job: 'digest.monthly',
      scheduledFor: next.at.toISOString(),
      outcome: 'sent',
      stories: 4,
      recipients: 1,
      delivered: 1,
      unreachable: 0,
      failed: 0,
    });
    expect(cardsTitled(WEEKLY_TITLE)).toHaveLength(1);
  });
});

describe('digests in local mode, without Teams', () => {
  const clock = movableClock();
  let app: TestApp;
  let api: Api;

  beforeAll(async () => {
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      clock,
      env: { SCHEDULER_INTERVAL_SECONDS: '0' },
    });
    api = apiClient(app.url);
    clock.advance(40 * DAY);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records each run with what it would have sent', async () => {
    const story = await publish(api, 'Shared where there is no channel');
    const next = tomorrowAtNine(clock.now());
    await saveDigests(api, () => ({
      weekly: { enabled: true, day: next.weekday, time: '09:00' },
      monthly: { enabled: true, day: next.day, time: '09:00' },
      timeZone: 'UTC',
    }));
    clock.advance(next.at.getTime() - clock.now().getTime() + 60_000);
    await app.server.scheduler.tick();

    const { items } = await jobs(api);
    expect(items).toHaveLength(2);
    expect(items.find((run) => run.job === 'digest.weekly')).toMatchObject({
      outcome: 'no_channel',
      stories: 1,
      recipients: 0,
      delivered: 0,
      titles: [story.title],
    });
    expect(items.find((run) => run.job === 'digest.monthly')).toMatchObject({
      outcome: 'unreachable',
      stories: 1,
      recipients: 1,
      delivered: 0,
      unreachable: 1,
    });
    // Only admins read the history.
    const refused = await api.get('/api/scheduled-jobs', { user: employee });
    expect(refused.status).toBe(403);
  });
});
