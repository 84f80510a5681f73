import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { Story } from '../../../src/domain/index.js';
import {
  cardAction,
  cardTexts,
  chooseFinnish,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

const bot = useBotHarness('perTest');
const ids = DEMO_USER_IDS;
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const stored = async (story: Story) => (await bot.store.stories.get(ref(story)))?.value;

/** The employee's story, sent back by the manager with a comment; the outbox relayed. */
async function sentBack(): Promise<Story> {
  invokeCard(
    (
      await bot.post(
        cardAction(bot, users.employee, 'story.submit', formData({ customerQuote: 'Thanks!' })),
      )
    ).body,
  );
  const story = bot.store.stories.all().at(-1)!;
  invokeCard(
    (
      await bot.post(
        cardAction(bot, users.manager, 'story.decide', {
          storyId: story.id,
          decision: 'changes',
          changesComment: 'Add what the guest *said*',
        }),
      )
    ).body,
  );
  await bot.relay.relay(ref(story));
  return (await stored(story))!;
}

const input = (card: CardJson, id: string) =>
  card.body?.find((e) => e.id === id) as { value?: string } | undefined;

describe('edit and resubmit from chat (journey 10)', () => {
  it('takes the author from the decision notice through the form back to the approver', async () => {
    const story = await sentBack();
    expect(story.status).toBe('changes_requested');

    // The author's notice offers the edit, carrying the story id only.
    const notice = bot.connector
      .activities()
      .map((a) => (a.body.attachments?.[0]?.content ?? {}) as CardJson)
      .find((card) => cardTexts(card).some((t) => t.includes('asked for changes')));
    const edit = notice?.actions?.[0];
    expect(edit).toEqual({
      type: 'Action.Execute',
      verb: 'story.edit',
      title: 'Edit and resubmit',
      data: { storyId: story.id },
    });

    // Pressed: the form, filled from the stored story, with the request above it.
    const form = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.edit', { storyId: story.id }))).body,
    );
    expect(cardTexts(form).slice(0, 3)).toEqual([
      'Edit your story',
      'Make the changes asked for and send the story again. Fields marked with * are required.',
      'Mikko Manager wrote: Add what the guest \\*said\\*',
    ]);
    expect(input(form, 'title')?.value).toBe('The borrowed jacket');
    expect(input(form, 'lesson')?.value).toBe(story.lesson);
    expect(input(form, 'category')?.value).toBe('care');
    expect(input(form, 'featured')?.value).toBe(ids.driver);
    expect(input(form, 'customerQuote')?.value).toBe('Thanks!');
    expect(input(form, 'sourceUrl')?.value).toBeUndefined();
    expect(input(form, 'consent')?.value).toBe('true');
    expect(form.actions).toEqual([
      expect.objectContaining({ verb: 'story.resubmit', data: { storyId: story.id } }),
      expect.objectContaining({ verb: 'story.check', data: { storyId: story.id } }),
    ]);

    // Sent again, edited: pending again, routed to the manager, who gets a new approval card.
    const before = bot.connector.activities().length;
    const answer = await bot.post(
      cardAction(bot, users.employee, 'story.resubmit', {
        ...formData({ customerQuote: 'Thanks!', outcome: 'The guest said: best evening ever.' }),
        storyId: story.id,
      }),
    );
    expect(cardTexts(invokeCard(answer.body)).slice(0, 2)).toEqual([
      'Your story was sent again!',
      '“The borrowed jacket” is now waiting for approval by Mikko Manager.',
    ]);
    expect(await stored(story)).toMatchObject({
      status: 'pending',
      outcome: 'The guest said: best evening ever.',
      // Approval starts again at the first stage, with the manager the only one asked.
      approval: { stage: { index: 0, slots: [{ userId: ids.manager }] } },
    });
    expect((await stored(story))?.decisionComment).toBeUndefined();
    expect(bot.store.stories.all().filter((s) => s.authorId === ids.employee)).toHaveLength(1);
    await bot.relay.relay(ref(story));
    const [approval] = (await bot.connector.waitForActivities(before + 1)).slice(before);
    expect(cardTexts(approval?.body.attachments?.[0]?.content)).toContain(
      'Tarina odottaa päätöstäsi',
    );
  });

  it('resubmits once: a second press finds the story no longer waiting for changes', async () => {
    const story = await sentBack();
    const resubmit = () =>
      bot.post(
        cardAction(bot, users.employee, 'story.resubmit', { ...formData(), storyId: story.id }),
      );
    invokeCard((await resubmit()).body);
    const again = invokeCard((await resubmit()).body);
    expect(cardTexts(again)).toEqual([
      'This story is not waiting for changes any more, so it cannot be edited here. It may have been sent again already.',
    ]);
    const audit = await bot.store.stories.audit(ref(story));
    expect(audit.filter((e) => e.action === 'resubmitted')).toHaveLength(1);
    // Nor can it be opened for editing now.
    const form = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.edit', { storyId: story.id }))).body,
    );
    expect(cardTexts(form)[0]).toContain('not waiting for changes');
  });

  it('shows the form again, values kept, when the edit is invalid, and changes nothing', async () => {
    const story = await sentBack();
    // In the author's language, which she chose to be Finnish.
    await chooseFinnish(bot, users.employee);
    const answer = await bot.post(
      cardAction(
        bot,
        users.employee,
        'story.resubmit',
        { ...formData({ title: 'x' }), storyId: story.id },
        'fi-FI',
      ),
    );
    const form = invokeCard(answer.body);
    expect(cardTexts(form)).toContain('Tarkista nämä kentät: Otsikko.');
    expect(cardTexts(form)[0]).toBe('Muokkaa tarinaasi');
    expect(input(form, 'title')?.value).toBe('x');
    expect(form.actions?.[0]).toMatchObject({
      verb: 'story.resubmit',
      data: { storyId: story.id },
    });
    expect(await stored(story)).toEqual(story);
  });

  it('names a domain refusal on the form being edited (a quote needs consent)', async () => {
    const story = await sentBack();
    const form = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.employee, 'story.resubmit', {
            ...formData({ customerQuote: 'Thanks!', consent: 'false' }),
            storyId: story.id,
          }),
        )
      ).body,
    );
    expect(cardTexts(form)).toContain('Please check these fields: Consent.');
    expect(form.actions?.[0]).toMatchObject({ verb: 'story.resubmit' });
    expect((await stored(story))?.status).toBe('changes_requested');
  });

  it('lets nobody but the author open or resubmit the story', async () => {
    const story = await sentBack();
    // The approver can see the story, but it is not theirs to edit.
    const form = invokeCard(
      (await bot.post(cardAction(bot, users.manager, 'story.edit', { storyId: story.id }))).body,
    );
    // In the manager's language, Finnish.
    expect(cardTexts(form)).toEqual(['Vain tarinan kertoja voi muokata sitä.']);
    const forged = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.resubmit', {
            ...formData({ title: 'Taken over' }),
            storyId: story.id,
          }),
        )
      ).body,
    );
    expect(cardTexts(forged)).toEqual(['Vain tarinan kertoja voi muokata sitä.']);
    // Someone who may not even see it learns nothing of it.
    const outsider = { id: ids.cloakroom, displayName: 'Anna Naulakko' };
    const hidden = invokeCard(
      (await bot.post(cardAction(bot, outsider, 'story.edit', { storyId: story.id }))).body,
    );
    // Anna's language is Finnish.
    expect(cardTexts(hidden)).toEqual(['En löytänyt tarinaa. Se on ehkä poistettu.']);
    expect(await stored(story)).toEqual(story);
  });

  it('refuses a story that was never sent back, and a malformed id', async () => {
    invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
    const pending = bot.store.stories.all().at(-1)!;
    const form = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.edit', { storyId: pending.id }))).body,
    );
    expect(cardTexts(form)[0]).toContain('not waiting for changes');
    for (const verb of ['story.edit', 'story.resubmit']) {
      const bad = invokeCard(
        (await bot.post(cardAction(bot, users.employee, verb, { ...formData(), storyId: '../x' })))
          .body,
      );
      expect(cardTexts(bad)).toEqual(['I could not find that story. It may have been removed.']);
    }
  });
});
