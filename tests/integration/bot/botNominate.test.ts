import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

const bot = useBotHarness('perFile');

/** The one card of an expectReplies answer. */
function replyCard(body: unknown): CardJson {
  const activities = (body as { activities?: { attachments?: { content: CardJson }[] }[] })
    .activities;
  const [card] = (activities ?? []).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
  if (!card) throw new Error(`no card in ${JSON.stringify(body)}`);
  return card;
}

/** The employee's message in their personal chat, answered in the HTTP body. */
async function say(text: string, fields: Record<string, unknown> = {}): Promise<CardJson> {
  const answer = await bot.post(
    activityFrom(bot, users.employee, { text, deliveryMode: 'expectReplies', ...fields }),
  );
  expect(answer.status).toBe(200);
  return replyCard(answer.body);
}

const featuredInput = (card: CardJson) =>
  card.body?.find((e) => e.id === 'featured') as
    { value?: string; choices: { title: string; value: string }[] } | undefined;

const botMention = {
  type: 'mention',
  text: '<at>Story Wall</at>',
  mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
};

describe('nominate a colleague in chat (journey 2)', () => {
  it('answers "nominate <name>" with the story form featuring that colleague', async () => {
    const card = await say('nominate Tomi');
    expect(cardTexts(card)).toContain(
      'You are nominating **Tomi Kuljettaja**. Tell what they did for the customer; you can add more colleagues under Featured colleagues.',
    );
    expect(featuredInput(card)?.value).toBe(DEMO_USER_IDS.driver);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.submit' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.check' }),
    ]);

    // Sent as it came, the form tells a story that features the nominee.
    const submitted = await bot.post(
      cardAction(
        bot,
        users.employee,
        'story.submit',
        formData({ featured: featuredInput(card)?.value }),
      ),
    );
    expect(cardTexts(invokeCard(submitted.body))[0]).toBe('Thank you for your story!');
    expect(bot.store.stories.all().at(-1)?.featured).toEqual([
      { id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' },
    ]);
  });

  it('takes an @mention in Finnish, leaving the bot’s own mention out', async () => {
    const card = await say('<at>Story Wall</at> ehdota <at>Mikko Manager</at>', {
      locale: 'fi-FI',
      entities: [
        botMention,
        {
          type: 'mention',
          text: '<at>Mikko Manager</at>',
          mentioned: {
            id: `29:${DEMO_USER_IDS.manager}`,
            name: 'Mikko Manager',
            aadObjectId: DEMO_USER_IDS.manager,
          },
        },
      ],
    });
    expect(cardTexts(card)[0]).toBe('Kerro tarina');
    expect(cardTexts(card)).toContain(
      'Ehdotat kollegaa **Mikko Manager**. Kerro, mitä hän teki asiakkaan hyväksi. Voit lisätä muita kohdassa Mainitut kollegat.',
    );
    expect(featuredInput(card)?.value).toBe(DEMO_USER_IDS.manager);
  });

  it('finds a mentioned person by name when Teams sends no object id', async () => {
    const card = await say('nominate <at>Anna Naulakko</at>', {
      entities: [
        {
          type: 'mention',
          text: '<at>Anna Naulakko</at>',
          mentioned: { id: '29:some-teams-id', name: 'Anna Naulakko' },
        },
      ],
    });
    expect(featuredInput(card)?.value).toBe(DEMO_USER_IDS.cloakroom);
  });

  it('says nobody was found, featuring nobody', async () => {
    const card = await say('nominate Zoe *Nobody*');
    expect(cardTexts(card)).toContain(
      'I could not find anyone called “Zoe \\*Nobody\\*”. Pick your colleague under Featured colleagues.',
    );
    expect(featuredInput(card)?.value).toBeUndefined();
  });

  it('refuses a self-nomination with a note, the form still open', async () => {
    const card = await say('nominate Emma Employee');
    expect(cardTexts(card)).toContain(
      'You cannot nominate yourself, but your story is welcome: pick the colleagues who took part under Featured colleagues, or leave it empty.',
    );
    expect(featuredInput(card)?.value).toBeUndefined();
    expect(featuredInput(card)?.choices.map((c) => c.value)).not.toContain(DEMO_USER_IDS.employee);
  });

  it('asks for a name after a bare "nominate"', async () => {
    const card = await say('nominate');
    expect(cardTexts(card)).toContain(
      'Who would you like to nominate? Pick them under Featured colleagues, or type **nominate** and their name.',
    );
  });

  it('lists the matches of an ambiguous name first, choosing none', async () => {
    await bot.store.users.upsert({
      tenantId: DEMO_TENANT_ID,
      id: '00000000-0000-4000-8000-000000000201',
      displayName: 'Anna Anttila',
      roles: ['employee'],
    });
    const card = await say('nominate anna');
    expect(cardTexts(card)).toContain(
      'Several colleagues match “anna”: Anna Anttila, Anna Naulakko. Pick the right one under Featured colleagues.',
    );
    const input = featuredInput(card);
    expect(input?.value).toBeUndefined();
    expect(input?.choices.slice(0, 2).map((c) => c.title)).toEqual([
      'Anna Anttila',
      'Anna Naulakko',
    ]);
  });

  it('points to the personal chat when asked in a group chat', async () => {
    const answer = await bot.post(
      activityFrom(bot, users.employee, {
        text: '<at>Story Wall</at> nominate Tomi',
        entities: [botMention],
        deliveryMode: 'expectReplies',
        conversation: {
          id: '19:group-chat-1@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: DEMO_TENANT_ID,
        },
      }),
    );
    const texts = (answer.body as { activities?: { text?: string }[] }).activities?.map(
      (a) => a.text,
    );
    expect(texts?.[0]).toContain('personal chat');
  });
});
