import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement } from '../../../src/bot/cards/adaptiveCard.js';
import { approvalCard } from '../../../src/bot/cards/approvalCard.js';
import { helpCard } from '../../../src/bot/cards/helpCard.js';
import {
  decisionNoticeCard,
  featuredNoticeCard,
  noticeCard,
  thanksCard,
} from '../../../src/bot/cards/messageCards.js';
import { storyFormCard } from '../../../src/bot/cards/storyFormCard.js';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { CATEGORIES, coachStory } from '../../../src/shared/dto.js';
import { STRONG_STORIES, THIN_STORY } from '../../support/coachStories.js';
import { buildStory, pendingApproval } from '../../support/factories.js';

const people = demoUsers()
  .filter((u) => u.id !== DEMO_USER_IDS.employee)
  .map((u) => ({ id: u.id, displayName: u.displayName }));

/** Every element of a card, nested containers and show-cards included. */
function elements(card: { body?: readonly CardElement[]; actions?: readonly CardElement[] }) {
  const out: CardElement[] = [];
  const visit = (items: readonly unknown[] | undefined) => {
    for (const item of items ?? []) {
      const element = item as CardElement & {
        items?: CardElement[];
        card?: { body?: CardElement[]; actions?: CardElement[] };
      };
      out.push(element);
      visit(element.items);
      visit(element.card?.body);
      visit(element.card?.actions);
    }
  };
  visit(card.body);
  visit(card.actions);
  return out;
}
const byId = (card: AdaptiveCard, id: string) => elements(card).find((e) => e.id === id);
const texts = (card: AdaptiveCard) =>
  elements(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => e.text as string);

describe('help card', () => {
  it('explains the bot and its commands (en, welcome)', () => {
    expect(helpCard({ welcome: true }, 'en')).toMatchSnapshot();
  });

  it('speaks Finnish', () => {
    expect(texts(helpCard({ welcome: false }, 'fi')).join('\n')).toContain('kerro tarina');
  });

  it('names the nominate command in both languages', () => {
    expect(texts(helpCard({ welcome: false }, 'en')).at(-1)).toContain('- **nominate** *name*');
    expect(texts(helpCard({ welcome: false }, 'fi')).at(-1)).toContain('- **ehdota** *nimi*');
  });
});

describe('story form card', () => {
  it('matches the English snapshot', () => {
    expect(storyFormCard({ people }, 'en')).toMatchSnapshot();
  });

  it('matches the Finnish snapshot', () => {
    expect(storyFormCard({ people }, 'fi')).toMatchSnapshot();
  });

  it('is Adaptive Card 1.5 with Action.Execute to send and to check, and the people picker', () => {
    const card = storyFormCard({ people }, 'en');
    expect(card.version).toBe('1.5');
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.submit' }),
      { type: 'Action.Execute', verb: 'story.check', title: 'Check my story' },
    ]);
    expect(byId(card, 'featured')).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    expect(byId(card, 'title')).toMatchObject({ isRequired: true, maxLength: 120 });
    expect(byId(card, 'consent')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true' });
    const categories = byId(card, 'category')?.choices as { value: string }[];
    expect(categories.map((c) => c.value)).toEqual([...CATEGORIES]);
  });

  it('shows the values again and names the invalid fields in the user’s language', () => {
    const card = storyFormCard(
      {
        people,
        values: { title: 'x', featured: DEMO_USER_IDS.driver, consent: 'true' },
        invalid: ['title', 'lesson'],
      },
      'fi',
    );
    expect(texts(card)).toContain('Tarkista nämä kentät: Otsikko, Opetus.');
    expect(byId(card, 'title')).toMatchObject({ value: 'x' });
    expect(byId(card, 'featured')).toMatchObject({ value: DEMO_USER_IDS.driver });
    expect(byId(card, 'consent')).toMatchObject({ value: 'true' });
  });

  it('explains a domain refusal without losing the values', () => {
    const card = storyFormCard({ people, values: { title: 'Kept' }, error: 'no_approver' }, 'en');
    expect(texts(card).join('\n')).toContain('no approver is set up for you');
    expect(byId(card, 'title')).toMatchObject({ value: 'Kept' });
  });
});

describe('story form checked by the story coach', () => {
  const { locale: _, ...thin } = THIN_STORY;

  it('shows the quality, the parts and each hint at the top, values kept (snapshot)', () => {
    const card = storyFormCard({ people, values: thin, coach: coachStory(THIN_STORY) }, 'en');
    expect(card).toMatchSnapshot();
    const coach = card.body[1];
    expect(coach).toMatchObject({ type: 'Container', style: 'attention' });
    expect(texts({ ...card, body: [coach!] })).toEqual([
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
    expect(coach?.items).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Situation', value: 'Needs work' },
        { title: 'What was done', value: 'Needs work' },
        { title: "Customer's reaction", value: 'Needs work' },
        { title: 'Lesson', value: 'Needs work' },
      ],
    });
    expect(byId(card, 'situation')).toMatchObject({ value: thin.situation });
    expect(card.actions?.map((a) => a.verb)).toEqual(['story.submit', 'story.check']);
  });

  it('speaks Finnish, and says a strong story has nothing to add (snapshot)', () => {
    const story = STRONG_STORIES.babyFi;
    const card = storyFormCard({ people, values: story, coach: coachStory(story) }, 'fi');
    expect(card.body[1]).toMatchSnapshot();
    expect(card.body[1]).toMatchObject({ style: 'good' });
    expect(texts({ ...card, body: [card.body[1]!] })).toEqual([
      'Tarinavalmentaja',
      'Laatu: **Vahva** (100/100)',
      'Ei lisättävää: tämä tarina opettaa. Muut voivat kertoa sen eteenpäin ja oppia siitä.',
      'Mitään ei ole vielä lähetetty. Paranna tarinaa halutessasi ja lähetä se sitten hyväksyttäväksi.',
    ]);
  });

  it('names the part a missing one should tell, and never repeats the story’s own words', () => {
    const hostile = '[click](https://evil.example) **now** <b>x</b>';
    const values = { ...thin, situation: hostile, outcome: thin.action, lesson: '' };
    const card = storyFormCard({ people, values, coach: coachStory(values) }, 'en');
    const coachText = texts({ ...card, body: [card.body[1]!] });
    expect(coachText).toContain('**Lesson:** Not written yet. What can everyone learn from this?');
    expect(coachText).toContain(
      "**Customer's reaction:** The same text as “What was done”. Tell this part in its own words.",
    );
    expect(JSON.stringify(card.body[1])).not.toMatch(/evil|click|<b>/);
    // The typed text goes back only as the input's value, which is never markdown.
    expect(byId(card, 'situation')).toMatchObject({ type: 'Input.Text', value: hostile });
  });
});

describe('story form opened by a nomination', () => {
  it('says who is nominated, with them chosen (snapshot)', () => {
    const card = storyFormCard(
      {
        people,
        values: { featured: DEMO_USER_IDS.driver },
        nomination: { kind: 'featured', name: 'Tomi Kuljettaja' },
      },
      'en',
    );
    expect(card).toMatchSnapshot();
    expect(texts(card)[2]).toBe(
      'You are nominating **Tomi Kuljettaja**. Tell what they did for the customer; you can add more colleagues under Featured colleagues.',
    );
    expect(byId(card, 'featured')).toMatchObject({ value: DEMO_USER_IDS.driver });
  });

  it('lists the matches of an ambiguous name, escaped, and shortens a long list', () => {
    const names = ['Mikko *One*', 'Mikko Two', 'Mikko 3', 'Mikko 4', 'Mikko 5', 'Mikko 6'];
    const card = storyFormCard(
      { people, nomination: { kind: 'ambiguous', query: 'Mikko_', names } },
      'en',
    );
    expect(texts(card)).toContain(
      'Several colleagues match “Mikko\\_”: Mikko \\*One\\*, Mikko Two, Mikko 3, Mikko 4, Mikko 5, …. Pick the right one under Featured colleagues.',
    );
    expect(byId(card, 'featured')).not.toHaveProperty('value');
  });

  it.each([
    [
      { kind: 'notFound', query: '[Zoe](https://evil.example)' },
      'en',
      'I could not find anyone called “\\[Zoe\\]\\(https://evil.example\\)”. Pick your colleague under Featured colleagues.',
    ],
    [
      { kind: 'notFound', query: 'Zoe' },
      'fi',
      'En löytänyt ketään nimellä ”Zoe”. Valitse kollega kohdassa Mainitut kollegat.',
    ],
    [
      { kind: 'self' },
      'en',
      'You cannot nominate yourself, but your story is welcome: pick the colleagues who took part under Featured colleagues, or leave it empty.',
    ],
    [
      { kind: 'unnamed' },
      'fi',
      'Kenet haluat ehdottaa? Valitse hänet kohdassa Mainitut kollegat tai kirjoita **ehdota** ja hänen nimensä.',
    ],
  ] as const)('explains %j (%s)', (nomination, locale, text) => {
    const card = storyFormCard({ people, nomination }, locale);
    expect(texts(card)[2]).toBe(text);
    expect(byId(card, 'featured')).not.toHaveProperty('value');
  });
});

describe('story form editing a story sent back for changes', () => {
  const resubmit = {
    storyId: 'story-0001',
    deciderName: 'Mikko *Manager*',
    comment: 'Add what the guest _said_',
  };

  it('is titled for editing, shows the request and resubmits the story (snapshot)', () => {
    const card = storyFormCard(
      { people, values: { title: 'The borrowed jacket', consent: 'true' }, resubmit },
      'en',
    );
    expect(card).toMatchSnapshot();
    expect(texts(card).slice(0, 3)).toEqual([
      'Edit your story',
      'Make the changes asked for and send the story again. Fields marked with * are required.',
      'Mikko \\*Manager\\* wrote: Add what the guest \\_said\\_',
    ]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: 'story.resubmit',
        title: 'Send again for approval',
        style: 'positive',
        data: { storyId: 'story-0001' },
      },
      {
        type: 'Action.Execute',
        verb: 'story.check',
        title: 'Check my story',
        data: { storyId: 'story-0001' },
      },
    ]);
    expect(byId(card, 'title')).toMatchObject({ value: 'The borrowed jacket' });
  });

  it('speaks Finnish, and names no one when the decider is unknown', () => {
    const card = storyFormCard(
      { people, resubmit: { storyId: 'story-0001', comment: 'Lisää opetus' } },
      'fi',
    );
    expect(texts(card).slice(0, 3)).toEqual([
      'Muokkaa tarinaasi',
      'Tee pyydetyt muutokset ja lähetä tarina uudelleen. Tähdellä (*) merkityt kentät ovat pakollisia.',
      'Kommentti: Lisää opetus',
    ]);
    expect(card.actions?.[0]).toMatchObject({ title: 'Lähetä uudelleen hyväksyttäväksi' });
  });
});

describe('approval card', () => {
  const story = buildStory({
    title: 'The *borrowed* jacket',
    customerQuote: 'Best service [ever](https://evil.example)!',
    sourceUrl: 'https://example.com/post',
  });

  it('gives the approver the decision actions and a refresh for them (snapshot)', () => {
    const card = approvalCard({ story, actionable: true, refreshUserIds: ['29:manager'] }, 'en');
    expect(card).toMatchSnapshot();
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'story.refresh', data: { storyId: story.id } },
      userIds: ['29:manager'],
    });
    const verbs = elements(card)
      .filter((e) => e.type === 'Action.Execute')
      .map((e) => [e.verb, e.data]);
    expect(verbs).toEqual([
      ['story.decide', { storyId: story.id, decision: 'approve' }],
      ['story.decide', { storyId: story.id, decision: 'changes' }],
      ['story.decide', { storyId: story.id, decision: 'reject' }],
      ['story.reassign', { storyId: story.id }],
    ]);
  });

  it('shows others the status and no decision actions (snapshot)', () => {
    const card = approvalCard({ story, actionable: false, refreshUserIds: [] }, 'en');
    expect(card).toMatchSnapshot();
    expect(elements(card).some((e) => e.type === 'Action.Execute')).toBe(false);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the source', url: 'https://example.com/post' },
    ]);
  });

  it('shows a decided story with status, who decided and the comment (snapshot, fi)', () => {
    const decided = buildStory({
      status: 'changes_requested',
      decidedBy: DEMO_USER_IDS.manager,
      decisionComment: 'Lisää _asiakkaan_ reaktio',
    });
    const card = approvalCard(
      { story: decided, actionable: true, refreshUserIds: ['29:x'], deciderName: 'Mikko Manager' },
      'fi',
    );
    expect(card).toMatchSnapshot();
    expect(card.refresh).toBeUndefined();
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Muutoksia pyydetty',
        'Päättäjä: Mikko Manager',
        'Kommentti: Lisää \\_asiakkaan\\_ reaktio',
      ]),
    );
  });

  it('tells everyone the stage, who approved so far and who is still waited for', () => {
    const at = new Date('2026-11-03T09:00:00Z');
    const base = pendingApproval(DEMO_USER_IDS.manager);
    const inStage = buildStory({
      approval: {
        ...base,
        plan: {
          ...base.plan,
          stages: [
            { approvers: { kind: 'manager' }, mode: 'any' },
            { approvers: { kind: 'role', role: 'editor' }, mode: 'all' },
          ],
        },
        stage: {
          index: 1,
          mode: 'all',
          startedAt: at,
          slots: [
            { userId: DEMO_USER_IDS.editor, displayName: 'Eeva *Editor*', approvedAt: at },
            { userId: DEMO_USER_IDS.admin, displayName: 'Aaron Admin' },
          ],
        },
      },
    });
    const others = approvalCard({ story: inStage, actionable: false, refreshUserIds: [] }, 'en');
    expect(texts(others)).toEqual(
      expect.arrayContaining([
        'Waiting for Aaron Admin',
        'Stage 2 of 2',
        'Approved so far: Eeva \\*Editor\\*',
      ]),
    );
    const approver = approvalCard({ story: inStage, actionable: true, refreshUserIds: [] }, 'en');
    expect(texts(approver)).toEqual(
      expect.arrayContaining(['Stage 2 of 2', 'Approved so far: Eeva \\*Editor\\*']),
    );
  });

  it('escapes user text and never links it', () => {
    const card = approvalCard({ story, actionable: false, refreshUserIds: [] }, 'en');
    expect(texts(card)).toContain('The \\*borrowed\\* jacket');
    expect(texts(card)).toContain('“Best service \\[ever\\]\\(https://evil.example\\)\\!”');
  });

  it('names the customer account and links its CRM record beside the story (en, fi)', () => {
    const withAccount = buildStory({
      accountName: 'Nordic [Events](https://evil.example) Oy',
      crmUrl: 'https://crm.example.com/accounts/42',
    });
    for (const [locale, label, open] of [
      ['en', 'Customer account', 'Open the account in the CRM'],
      ['fi', 'Asiakkuus', 'Avaa asiakkuus CRM:ssä'],
    ] as const) {
      // The approver and everyone else see the account alike.
      for (const actionable of [true, false]) {
        const card = approvalCard({ story: withAccount, actionable, refreshUserIds: [] }, locale);
        expect(texts(card)).toEqual(
          expect.arrayContaining([label, 'Nordic \\[Events\\]\\(https://evil.example\\) Oy']),
        );
        expect(
          elements(card)
            .filter((e) => e.type === 'ActionSet')
            .flatMap((e) => e.actions as unknown[]),
        ).toEqual([
          { type: 'Action.OpenUrl', title: open, url: 'https://crm.example.com/accounts/42' },
        ]);
      }
    }
    const plain = approvalCard({ story, actionable: true, refreshUserIds: [] }, 'en');
    expect(texts(plain)).not.toContain('Customer account');
  });

  it('emits only http(s) source links', () => {
    const card = approvalCard(
      {
        story: buildStory({
          sourceUrl: 'javascript:alert(1)',
          accountName: 'Acme',
          crmUrl: 'javascript:alert(2)',
        }),
        actionable: false,
        refreshUserIds: [],
      },
      'en',
    );
    expect(card.actions).toBeUndefined();
    expect(texts(card)).toContain('Acme');
    expect(JSON.stringify(card)).not.toContain('javascript:');
  });

  it('puts an error notice above the story', () => {
    const card = approvalCard(
      { story, actionable: false, refreshUserIds: [], notice: 'forbidden' },
      'fi',
    );
    expect(texts(card)[0]).toBe('Vain tarinan hyväksyjä voi päättää siitä.');
  });
});

describe('message cards', () => {
  const story = buildStory();

  it('thanks the author and names the approver', () => {
    expect(thanksCard({ story, approverName: 'Mikko Manager' }, 'en')).toMatchSnapshot();
  });

  it('tells the author of each decision in their language', () => {
    const published = buildStory({ status: 'published', decidedBy: DEMO_USER_IDS.manager });
    expect(
      texts(
        decisionNoticeCard({ story: published, decision: 'approve', deciderName: 'Mikko' }, 'en'),
      ),
    ).toContain(
      'Your story “The borrowed jacket” was approved and is now on the story wall. Thank you!',
    );
    const changes = buildStory({ status: 'changes_requested', decisionComment: 'Add the outcome' });
    expect(
      texts(
        decisionNoticeCard({ story: changes, decision: 'changes', deciderName: 'Mikko' }, 'fi'),
      ),
    ).toEqual([
      'The borrowed jacket',
      'Mikko pyysi muutoksia tarinaasi ”The borrowed jacket”.',
      'Mikko kirjoitti: Add the outcome',
    ]);
    expect(
      decisionNoticeCard(
        { story: buildStory({ status: 'rejected' }), decision: 'reject', deciderName: null },
        'en',
      ),
    ).toMatchSnapshot();
  });

  it('tells a featured colleague of the published story, with its lesson (snapshot)', () => {
    const published = buildStory({ status: 'published', publishedAt: new Date(0) });
    const card = featuredNoticeCard({ story: published, state: 'published' }, 'en');
    expect(card).toMatchSnapshot();
    // One action: the colleague may take their name off; only the story id travels with it.
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: 'story.unfeature',
        title: 'Remove my name',
        data: { storyId: published.id },
      },
    ]);
    expect(texts(card)).toEqual([
      'You are featured in a story!',
      'Emma Employee told a story featuring you: “The borrowed jacket”. It is now on the story wall for everyone to learn from.',
      'Lesson',
      'Small personal gestures are remembered longest.',
      'Thank you for going beyond what the customer expected!',
      'You decide: you can take your name off this story at any time.',
    ]);
  });

  it('tells a featured colleague in Finnish, the story’s text escaped', () => {
    const published = buildStory({
      status: 'published',
      title: '**Takki** [lainaan](https://evil.example)',
      authorName: 'Emma_E',
      lesson: '# Pienet eleet',
    });
    expect(texts(featuredNoticeCard({ story: published, state: 'published' }, 'fi'))).toEqual([
      'Sinut mainitaan tarinassa!',
      'Emma\\_E kertoi tarinan, jossa sinut mainitaan: ”\\*\\*Takki\\*\\* \\[lainaan\\]\\(https://evil.example\\)”. Se on nyt tarinaseinällä kaikkien opiksi.',
      'Opetus',
      '\\# Pienet eleet',
      'Kiitos, että ylitit asiakkaan odotukset!',
      'Sinä päätät: voit poistaa nimesi tästä tarinasta milloin tahansa.',
    ]);
  });

  it('tells a featured colleague who took their name off, without an action', () => {
    const published = buildStory({ status: 'published', title: 'Takki' });
    const card = featuredNoticeCard({ story: published, state: 'removed' }, 'fi');
    expect(texts(card)).toEqual([
      'Takki',
      'Nimesi ei ole enää tarinassa ”Takki”. Tarina näkyy kaikkialla ilman sinua.',
    ]);
    expect(card.actions ?? []).toEqual([]);
  });

  it('asks a featured colleague to confirm, with Confirm and Remove my name', () => {
    const pending = buildStory({ status: 'pending', title: 'Takki' });
    const card = featuredNoticeCard({ story: pending, state: 'ask' }, 'en');
    expect(texts(card).slice(0, 2)).toEqual([
      'May your name be shown in a story?',
      'Emma Employee told a story featuring you: “Takki”. Your name is shown to the company only once you confirm.',
    ]);
    expect(card.actions?.map((a) => [a.verb, a.title, a.data])).toEqual([
      ['story.confirmFeatured', 'Confirm', { storyId: pending.id }],
      ['story.unfeature', 'Remove my name', { storyId: pending.id }],
    ]);
    // Already on the wall: it says so, in Finnish too.
    const published = buildStory({ status: 'published', title: 'Takki' });
    expect(texts(featuredNoticeCard({ story: published, state: 'ask' }, 'fi'))[1]).toBe(
      'Emma Employee kertoi tarinan, jossa sinut mainitaan: ”Takki”. Tarina on tarinaseinällä; nimesi näkyy siinä vasta, kun hyväksyt sen.',
    );
  });

  it('thanks a colleague who confirmed, still offering to take the name off', () => {
    const published = buildStory({ status: 'published', title: 'Takki' });
    const card = featuredNoticeCard({ story: published, state: 'confirmed' }, 'fi');
    expect(texts(card)).toEqual([
      'Takki',
      'Kiitos! Nimesi näkyy tarinassa ”Takki”. Voit silti poistaa sen milloin tahansa.',
    ]);
    expect(card.actions?.map((a) => a.verb)).toEqual(['story.unfeature']);
  });

  it('offers the author to edit and resubmit a story sent back for changes (snapshot)', () => {
    const changes = buildStory({ status: 'changes_requested', decisionComment: 'Add the outcome' });
    const card = decisionNoticeCard(
      { story: changes, decision: 'changes', deciderName: 'Mikko' },
      'en',
    );
    expect(card).toMatchSnapshot();
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: 'story.edit',
        title: 'Edit and resubmit',
        data: { storyId: changes.id },
      },
    ]);
    const fi = decisionNoticeCard({ story: changes, decision: 'changes', deciderName: null }, 'fi');
    expect(fi.actions?.[0]).toMatchObject({ title: 'Muokkaa ja lähetä uudelleen' });
  });

  it('offers no edit after an approval or a rejection', () => {
    for (const decision of ['approve', 'reject'] as const) {
      expect(decisionNoticeCard({ story, decision, deciderName: null }, 'en').actions).toBe(
        undefined,
      );
    }
  });

  it('thanks the author for a story sent again', () => {
    const card = thanksCard({ story, approverName: 'Mikko', resubmitted: true }, 'fi');
    expect(texts(card).slice(0, 2)).toEqual([
      'Tarinasi lähetettiin uudelleen!',
      '”The borrowed jacket” odottaa nyt hyväksyntää: Mikko.',
    ]);
  });

  it.each([
    ['notAuthor', 'en', 'Only the author of this story can edit it.'],
    [
      'notEditable',
      'fi',
      'Tarina ei enää odota muutoksia, joten sitä ei voi muokata täällä. Se on ehkä jo lähetetty uudelleen.',
    ],
  ] as const)('explains %s', (notice, locale, text) => {
    expect(texts(noticeCard({ notice }, locale))).toEqual([text]);
  });

  it('shows a bare notice in the user’s language', () => {
    expect(texts(noticeCard({ notice: 'not_found' }, 'fi'))).toEqual([
      'En löytänyt tarinaa. Se on ehkä poistettu.',
    ]);
  });
});
