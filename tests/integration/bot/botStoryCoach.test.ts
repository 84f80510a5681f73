import { describe, expect, it } from 'vitest';
import type { Story } from '../../../src/domain/index.js';
import { STRONG_STORIES, THIN_STORY, type CoachStory } from '../../support/coachStories.js';
import {
  cardAction,
  cardTexts,
  chooseFinnish,
  extensionInvoke,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

/**
 * "Check my story" on the bot's story form: the same form comes back with the values as typed and
 * the story coach's reading at the top; nothing is stored, nothing is sent, and sending stays
 * possible whatever the coach says. In chat, in the message extension's dialog, and on the form
 * of a story sent back for changes.
 */

const bot = useBotHarness('perTest');

/** Story form data as Teams sends it, with the texts of `story`. */
const storyData = (story: CoachStory, extra: Record<string, unknown> = {}) => {
  const { locale: _, ...texts } = story;
  const { verb: _verb, ...data } = formData({ ...texts, ...extra });
  return data;
};
const check = async (data: Record<string, unknown>, locale?: string) =>
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.check', data, locale))).body);
const input = (card: CardJson, id: string) =>
  card.body?.find((e) => e.id === id) as { value?: string } | undefined;
/** The texts of the coach's container, which comes right after the form's heading. */
const coachTexts = (card: CardJson) => {
  expect(card.body?.[1]).toMatchObject({ type: 'Container' });
  return cardTexts(card.body?.[1]);
};

describe('"Check my story" in chat', () => {
  it('answers a thin story with the form, its values and the coach’s hints, storing nothing', async () => {
    const form = await check(storyData(THIN_STORY));

    expect(cardTexts(form)[0]).toBe('Share a story');
    expect(coachTexts(form)).toEqual([
      'Story coach',
      'Quality: **Weak** (28/100)',
      '**Title:** Vague words (“great”, “something”, “nice”) say little. Say what exactly happened.',
      '**Situation:** Too short to retell: add a few words on who, where and what exactly.',
      '**What was done:** Too short to retell: add a few words on who, where and what exactly.',
      "**Customer's reaction:** Too short to retell: add a few words on who, where and what exactly.",
      "**Customer's reaction:** Say how the customer reacted: what did they say or do?",
      '**Lesson:** Too short to retell: add a few words on who, where and what exactly.',
      '**Whole story:** Add one concrete detail: a time, a number, a place or the customer’s own words.',
      'Nothing has been sent yet. Improve the story if you like, then send it for approval.',
    ]);
    for (const field of ['title', 'situation', 'action', 'outcome', 'lesson'] as const) {
      expect(input(form, field)?.value).toBe(THIN_STORY[field]);
    }
    expect(input(form, 'team')?.value).toBe('Logistics');
    expect(input(form, 'category')?.value).toBe('care');
    expect(input(form, 'consent')?.value).toBe('true');
    expect(form.actions?.map((a) => a['verb'])).toEqual(['story.submit', 'story.check']);
    expect(bot.store.stories.all()).toEqual([]);
    expect(bot.connector.calls).toEqual([]);

    // The coach advises; the same story is sent as it is.
    const thanks = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.employee, 'story.submit', {
            ...storyData(THIN_STORY),
            verb: 'story.submit',
          }),
        )
      ).body,
    );
    expect(cardTexts(thanks)[0]).toBe('Thank you for your story!');
    expect(bot.store.stories.all()).toHaveLength(1);
  });

  it('calls a full story strong, with nothing to add', async () => {
    const form = await check(storyData(STRONG_STORIES.jacketEn));
    expect(coachTexts(form)).toEqual([
      'Story coach',
      'Quality: **Strong** (100/100)',
      'Nothing to add: this story teaches. Others can retell it and learn from it.',
      'Nothing has been sent yet. Improve the story if you like, then send it for approval.',
    ]);
    expect(form.body?.[1]).toMatchObject({ style: 'good' });
  });

  it('speaks the person’s language and reads a Finnish story', async () => {
    await chooseFinnish(bot, users.employee);
    const { lesson: _, ...rest } = STRONG_STORIES.buttonFi;
    const form = await check(storyData({ ...rest, lesson: '' }));
    expect(cardTexts(form)[0]).toBe('Kerro tarina');
    expect(coachTexts(form)).toEqual([
      'Tarinavalmentaja',
      'Laatu: **Hyvä** (75/100)',
      '**Opetus:** Vielä kirjoittamatta. Mitä kaikki voivat oppia tästä?',
      'Mitään ei ole vielä lähetetty. Paranna tarinaa halutessasi ja lähetä se sitten hyväksyttäväksi.',
    ]);
    expect(form.actions?.at(-1)).toMatchObject({ title: 'Tarkista tarinani' });
  });

  it('keeps user text out of the coach’s markdown and reads only the form’s strings', async () => {
    const hostile = '[click](https://evil.example) **now** <at>all</at>';
    const form = await check({
      ...storyData(THIN_STORY),
      situation: hostile,
      lesson: { toString: 'When we notice, we act.' },
      outcome: 42,
      storyTitle: 'not a form input',
    });
    expect(JSON.stringify(form.body?.[1])).not.toMatch(/evil|click|<at>/);
    expect(input(form, 'situation')?.value).toBe(hostile);
    expect(input(form, 'lesson')?.value).toBeUndefined();
    expect(coachTexts(form)).toContain(
      '**Lesson:** Not written yet. What can everyone learn from this?',
    );
    expect(coachTexts(form)).toContain(
      "**Customer's reaction:** Not written yet. How did the customer react?",
    );
  });
});

describe('"Check my story" elsewhere', () => {
  it('keeps the dialog of "Share as story" open with the coach’s reading', async () => {
    const answer = await bot.post(
      extensionInvoke(bot, users.employee, 'composeExtension/submitAction', {
        commandId: 'shareAsStory',
        commandContext: 'message',
        data: { ...storyData(THIN_STORY), verb: 'story.check' },
      }),
    );
    const card = (answer.body as { task?: { value?: { card?: { content?: CardJson } } } }).task
      ?.value?.card?.content;
    expect(cardTexts(card?.body?.[1])).toContain('Quality: **Weak** (28/100)');
    expect(input(card!, 'lesson')?.value).toBe(THIN_STORY.lesson);
    expect(card?.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Send for approval' }),
      { type: 'Action.Submit', title: 'Check my story', data: { verb: 'story.check' } },
    ]);
    expect(bot.store.stories.all()).toEqual([]);
  });

  it('keeps a story sent back for changes in its edit form, for its author only', async () => {
    invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
    const story: Story = bot.store.stories.all().at(-1)!;
    await bot.post(
      cardAction(bot, users.manager, 'story.decide', {
        storyId: story.id,
        decision: 'changes',
        changesComment: 'Say how the guest reacted.',
      }),
    );

    const form = await check(storyData(STRONG_STORIES.jacketEn, { storyId: story.id }));
    expect(cardTexts(form)[0]).toBe('Edit your story');
    expect(coachTexts(form)).toContain('Quality: **Strong** (100/100)');
    expect(cardTexts(form)).toContain('Mikko Manager wrote: Say how the guest reacted.');
    expect(input(form, 'outcome')?.value).toBe(STRONG_STORIES.jacketEn.outcome);
    expect(form.actions?.map((a) => [a['verb'], a['data']])).toEqual([
      ['story.resubmit', { storyId: story.id }],
      ['story.check', { storyId: story.id }],
    ]);
    expect(bot.store.stories.all().at(-1)).toMatchObject({
      status: 'changes_requested',
      outcome: story.outcome,
    });

    const other = invokeCard(
      (
        await bot.post(
          cardAction(
            bot,
            users.driver,
            'story.check',
            storyData(THIN_STORY, { storyId: story.id }),
          ),
        )
      ).body,
    );
    // The driver's language is Finnish.
    expect(cardTexts(other)).toEqual(['Vain tarinan kertoja voi muokata sitä.']);
  });
});
