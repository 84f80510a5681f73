import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createStoryService, type Story, type StoryDraft } from '../../../src/domain/index.js';
import { buildActor, buildStoryDraft } from '../../support/factories.js';
import {
  cardTexts,
  chooseFinnish,
  extensionInvoke,
  formData,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

const bot = useBotHarness('perTest');

const LINK = 'https://teams.microsoft.com/l/message/19:group-chat-1@thread.v2/1762074000000';

/** A customer's thanks as Teams sends it to a message action: HTML, written by the driver. */
function messagePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '1762074000000',
    messageType: 'message',
    body: {
      contentType: 'html',
      content:
        '<div><p>Thank you &amp; <b>Tomi</b> for the <a href="https://x.example">jacket</a>!' +
        '</p><script>alert("stolen")</script><p>We&nbsp;were &lt;freezing&gt;.</p></div>',
    },
    from: { user: { id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' } },
    linkToMessage: LINK,
    ...overrides,
  };
}

function fetchTask(payload: Record<string, unknown>, locale?: string) {
  return extensionInvoke(
    bot,
    users.employee,
    'composeExtension/fetchTask',
    { commandId: 'shareAsStory', commandContext: 'message', messagePayload: payload },
    locale,
  );
}

function submitAction(data: Record<string, unknown>, locale?: string) {
  return extensionInvoke(
    bot,
    users.employee,
    'composeExtension/submitAction',
    { commandId: 'shareAsStory', commandContext: 'message', data },
    locale,
  );
}

function search(parameters: { name: string; value: string }[], skip = 0, locale?: string) {
  return extensionInvoke(
    bot,
    users.employee,
    'composeExtension/query',
    { commandId: 'findStory', parameters, queryOptions: { skip, count: 25 } },
    locale,
  );
}
const initialRun = [{ name: 'initialRun', value: 'true' }];
const typed = (value: string) => [{ name: 'query', value }];

interface TaskBody {
  task?: {
    type?: string;
    value?: {
      title?: string;
      width?: string;
      height?: string;
      card?: { contentType?: string; content?: CardJson };
    };
  };
}

/** The form card of a `continue` task answer, checking its envelope. */
function taskCard(body: unknown): { card: CardJson; title: string | undefined } {
  const { task } = body as TaskBody;
  expect(task).toMatchObject({ type: 'continue', value: { width: 'large', height: 'large' } });
  expect(task?.value?.card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return { card: task?.value?.card?.content ?? {}, title: task?.value?.title };
}

const input = (card: CardJson, id: string) => card.body?.find((e) => e.id === id);

interface SearchBody {
  composeExtension?: {
    type?: string;
    text?: string;
    attachmentLayout?: string;
    attachments?: {
      contentType?: string;
      content?: CardJson;
      preview?: { contentType?: string; content?: { title?: string; text?: string } };
    }[];
  };
}

/** The story titles of a search answer, checking each result's card and preview. */
function resultTitles(body: unknown): string[] {
  const result = (body as SearchBody).composeExtension;
  expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  return (result?.attachments ?? []).map((attachment) => {
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    const title = attachment.preview?.content?.title ?? '';
    expect(cardTexts(attachment.content)[0]).toBe(title);
    return title;
  });
}

/** Publishes a story by the employee, approved by the manager a minute after the last one. */
async function publish(overrides: Partial<StoryDraft>): Promise<Story> {
  const service = createStoryService(bot.store.deps);
  bot.store.clock.advance(60_000);
  const story = await service.submitStory(buildActor(users.employee), buildStoryDraft(overrides));
  return service.decideStory(buildActor(users.manager), story.id, 'approve');
}

describe('"Share as story" on a message', () => {
  it('opens the story form pre-filled from an HTML message, with no markup left', async () => {
    const answer = await bot.post(fetchTask(messagePayload()));
    expect(answer.status).toBe(200);
    const { card, title } = taskCard(answer.body);
    expect(title).toBe('Share as story');
    expect(input(card, 'situation')).toMatchObject({
      type: 'Input.Text',
      value: 'Thank you & Tomi for the jacket!\n\nWe were <freezing>.',
    });
    // The writer is proposed as the featured colleague; the message link is the source.
    expect(input(card, 'featured')).toMatchObject({ value: DEMO_USER_IDS.driver });
    expect(input(card, 'sourceUrl')).toMatchObject({ value: LINK });
    expect(input(card, 'title')).not.toHaveProperty('value');
    // In a dialog only Action.Submit reaches the bot.
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Send for approval' }),
      { type: 'Action.Submit', title: 'Check my story', data: { verb: 'story.check' } },
    ]);
    const json = JSON.stringify(answer.body);
    for (const markup of [
      '<script',
      'alert',
      'stolen',
      '<b>',
      '<p>',
      '&amp;',
      '&nbsp;',
      'x.example',
    ]) {
      expect(json).not.toContain(markup);
    }
  });

  it('proposes nobody for one’s own or an unknown writer’s message, and links only https', async () => {
    const own = await bot.post(
      fetchTask(
        messagePayload({
          from: { user: { id: DEMO_USER_IDS.employee, displayName: 'Emma Employee' } },
          linkToMessage: 'http://teams.microsoft.com/l/message/1',
        }),
      ),
    );
    const ownCard = taskCard(own.body).card;
    expect(input(ownCard, 'featured')).not.toHaveProperty('value');
    expect(input(ownCard, 'sourceUrl')).not.toHaveProperty('value');

    const stranger = await bot.post(
      fetchTask(messagePayload({ from: { user: { id: 'not-in-the-directory' } } })),
    );
    expect(input(taskCard(stranger.body).card, 'featured')).not.toHaveProperty('value');
  });

  it('stores the submitted story as pending for the manager; the relay sends the approval card', async () => {
    const { verb: _verb, ...data } = formData({ sourceUrl: LINK });
    const answer = await bot.post(submitAction(data));
    expect(answer.status).toBe(200);
    // An empty answer closes the dialog.
    expect(answer.body).toEqual({});
    const [story] = bot.store.stories.all();
    expect(story).toMatchObject({
      status: 'pending',
      authorId: DEMO_USER_IDS.employee,
      approval: {
        stage: { index: 0, slots: [{ userId: DEMO_USER_IDS.manager }] },
        asked: [DEMO_USER_IDS.manager],
      },
      featured: [{ id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' }],
      sourceUrl: LINK,
      locale: 'en',
    });

    await bot.relay.relay({ tenantId: DEMO_TENANT_ID, storyId: story!.id });
    const [created] = bot.connector.conversationsCreated();
    expect(created?.body).toMatchObject({ members: [{ id: DEMO_USER_IDS.manager }] });
    const [sent] = await bot.connector.waitForActivities(1);
    const card = sent?.body.attachments?.[0]?.content as CardJson;
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Tarina odottaa päätöstäsi', 'The borrowed jacket']),
    );
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'story.decide',
      data: { storyId: story!.id, decision: 'approve' },
    });
  });

  it('answers invalid data with the form again, values kept and errors named, storing nothing', async () => {
    const { verb: _verb, ...data } = formData({ title: 'x', category: 'nope' });
    const answer = await bot.post(submitAction(data));
    expect(answer.status).toBe(200);
    const { card } = taskCard(answer.body);
    expect(cardTexts(card)).toContain('Please check these fields: Title, Category.');
    expect(input(card, 'title')).toMatchObject({ value: 'x' });
    expect(input(card, 'situation')).toMatchObject({ value: data.situation });
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Send for approval' }),
      { type: 'Action.Submit', title: 'Check my story', data: { verb: 'story.check' } },
    ]);
    expect(bot.store.stories.all()).toEqual([]);
    expect(bot.connector.calls).toEqual([]);
  });

  it('answers a command it does not know with a plain message', async () => {
    const answer = await bot.post(
      extensionInvoke(bot, users.employee, 'composeExtension/fetchTask', {
        commandId: 'somethingElse',
        commandContext: 'message',
      }),
    );
    expect(answer.body).toEqual({
      task: {
        type: 'message',
        value: 'Sorry, something went wrong on my side. Please try again in a moment.',
      },
    });
  });

  it('speaks Finnish to a person whose language is Finnish', async () => {
    await chooseFinnish(bot, users.employee);
    const opened = taskCard((await bot.post(fetchTask(messagePayload(), 'fi-FI'))).body);
    expect(opened.title).toBe('Jaa tarinana');
    expect(cardTexts(opened.card)[0]).toBe('Kerro tarina');

    const { verb: _verb, ...data } = formData({ lesson: '' });
    const refused = taskCard((await bot.post(submitAction(data, 'fi-FI'))).body);
    expect(cardTexts(refused.card)).toContain('Tarkista nämä kentät: Opetus.');
    expect(bot.store.stories.all()).toEqual([]);
  });
});

describe('"Find a story" search', () => {
  beforeEach(async () => {
    await publish({ title: 'The borrowed jacket' });
    await publish({
      title: 'A baby on the arm',
      situation: 'A mother could not follow the talk with a restless baby.',
      lesson: 'Caring for the whole family lets everyone listen.',
      team: 'Service team',
    });
    await publish({
      title: 'The loose button',
      situation: 'A guest’s coat had a loose button at the cloakroom.',
      action: 'The cloakroom worker sewed it back on, unasked.',
      lesson: 'Noticing small things is great service.',
      team: 'Venue services',
      featured: [],
    });
  });

  it('lists the newest published stories when it opens (initial run)', async () => {
    const answer = await bot.post(search(initialRun));
    expect(answer.status).toBe(200);
    expect(resultTitles(answer.body)).toEqual([
      'The loose button',
      'A baby on the arm',
      'The borrowed jacket',
    ]);
  });

  it('returns the published stories matching the text, not pending ones', async () => {
    const service = createStoryService(bot.store.deps);
    await service.submitStory(
      buildActor(users.employee),
      buildStoryDraft({ title: 'A pending button story' }),
    );
    const answer = await bot.post(search(typed('  BUTTON ')));
    expect(resultTitles(answer.body)).toEqual(['The loose button']);
    const [result] = (answer.body as SearchBody).composeExtension?.attachments ?? [];
    expect(cardTexts(result?.content)).toEqual([
      'The loose button',
      'Told by Emma Employee',
      'Lesson',
      'Noticing small things is great service.',
    ]);
    expect(result?.preview?.content?.text).toBe('Noticing small things is great service.');
  });

  it('says so when nothing matches', async () => {
    const answer = await bot.post(search(typed('submarine')));
    expect(answer.body).toEqual({
      composeExtension: {
        type: 'message',
        text: 'No stories match your search. Try other words.',
      },
    });
  });

  it('pages with skip: the next stories, then an empty list', async () => {
    for (let i = 1; i <= 9; i++) await publish({ title: `Story number ${i}` });
    const first = resultTitles((await bot.post(search(initialRun))).body);
    expect(first).toHaveLength(10);
    expect(first[0]).toBe('Story number 9');
    const second = resultTitles((await bot.post(search(initialRun, 10))).body);
    expect(second).toEqual(['A baby on the arm', 'The borrowed jacket']);
    expect(resultTitles((await bot.post(search(initialRun, 20))).body)).toEqual([]);
  });

  it('speaks Finnish to a person whose language is Finnish', async () => {
    await chooseFinnish(bot, users.employee);
    const found = await bot.post(search(typed('jacket'), 0, 'fi-FI'));
    const [result] = (found.body as SearchBody).composeExtension?.attachments ?? [];
    expect(cardTexts(result?.content)).toEqual(
      expect.arrayContaining(['Kertoja: Emma Employee', 'Opetus']),
    );
    const none = await bot.post(search(typed('sukellusvene'), 0, 'fi-FI'));
    expect((none.body as SearchBody).composeExtension?.text).toBe(
      'Haullasi ei löytynyt tarinoita. Kokeile muita sanoja.',
    );
  });
});

describe('"Find a story" on an empty wall', () => {
  it('says the wall has no stories yet', async () => {
    const answer = await bot.post(search(initialRun));
    expect((answer.body as SearchBody).composeExtension).toEqual({
      type: 'message',
      text: 'There are no stories on the wall yet.',
    });
  });
});
