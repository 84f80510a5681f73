import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement } from '../../../src/bot/cards/adaptiveCard.js';
import { storyFormCard } from '../../../src/bot/cards/storyFormCard.js';
import { storyResultCard } from '../../../src/bot/cards/storyResultCard.js';
import { escapeHtml, htmlToPlainText, truncate } from '../../../src/bot/html.js';
import {
  cardTask,
  messageTask,
  searchMessage,
  searchResults,
  THUMBNAIL_CARD_TYPE,
} from '../../../src/bot/messageExtensionResponses.js';
import { prefillFromMessage } from '../../../src/bot/messagePrefill.js';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { LIMITS } from '../../../src/shared/dto.js';
import { buildStory } from '../../support/factories.js';

const people = demoUsers()
  .filter((u) => u.id !== DEMO_USER_IDS.employee)
  .map((u) => ({ id: u.id, displayName: u.displayName }));

const texts = (card: AdaptiveCard) =>
  JSON.stringify(card.body)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)
    ?.map((m) => JSON.parse(m.slice(7)) as string) ?? [];
const byId = (card: AdaptiveCard, id: string) => card.body.find((e: CardElement) => e.id === id);

const published = (overrides: Parameters<typeof buildStory>[0] = {}) =>
  buildStory({
    status: 'published',
    publishedAt: new Date('2026-11-03T10:00:00Z'),
    decidedBy: DEMO_USER_IDS.manager,
    ...overrides,
  });

describe('prefillFromMessage', () => {
  const link = 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1700000000000';

  it('turns the HTML body into plain text: tags, scripts and entities gone', () => {
    const prefill = prefillFromMessage({
      body: {
        contentType: 'html',
        content:
          '<div><p>Thank you &amp; <b>Tomi</b> for the <a href="https://x.example">jacket</a>!</p>' +
          '<script>alert("x")</script><style>p { color: red }</style>' +
          '<p>We&nbsp;were <img src="https://x.example/i.png" alt="cold"> freezing &lt;3</p></div>',
      },
      from: { user: { id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' } },
      linkToMessage: link,
    });
    expect(prefill).toEqual({
      situation: 'Thank you & Tomi for the jacket!\n\nWe were freezing <3',
      authorId: DEMO_USER_IDS.driver,
      sourceUrl: link,
    });
  });

  it('keeps a body declared as plain text as it is', () => {
    expect(
      prefillFromMessage({ body: { contentType: 'text', content: '  a <b> is\r\nnot a tag  ' } }),
    ).toEqual({ situation: 'a <b> is\nnot a tag' });
  });

  it('cuts a long message to the situation limit, with an ellipsis', () => {
    const long = `<p>${'word '.repeat(1000)}</p>`;
    const situation = prefillFromMessage({
      body: { contentType: 'html', content: long },
    }).situation;
    expect(situation).toHaveLength(LIMITS.situation.max);
    expect(situation?.endsWith('…')).toBe(true);
  });

  it('links only https messages and features only people, not apps', () => {
    expect(
      prefillFromMessage({
        linkToMessage: 'http://teams.microsoft.com/l/message/1',
        from: { application: { id: 'bot-id', displayName: 'Some bot' } },
      }),
    ).toEqual({});
    expect(prefillFromMessage({ linkToMessage: 'javascript:alert(1)' })).toEqual({});
    expect(prefillFromMessage({ linkToMessage: 'not a url', from: { user: { id: '' } } })).toEqual(
      {},
    );
  });

  it('reads nothing from something that is not a message', () => {
    expect(prefillFromMessage(undefined)).toEqual({});
    expect(prefillFromMessage('<p>x</p>')).toEqual({});
    expect(prefillFromMessage({ body: { contentType: 'html', content: 42 } })).toEqual({});
  });
});

describe('html helpers', () => {
  it('never lets markup through htmlToPlainText', () => {
    const text = htmlToPlainText(
      '<p onclick="x()">Hi</p><script>steal()</script><iframe></iframe>',
    );
    expect(text).toBe('Hi');
  });

  it('escapes HTML for thumbnail card text', () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;',
    );
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abc😀def', 5)).toBe('abc…');
  });
});

describe('story form in a dialog', () => {
  it('submits with Action.Submit, keeping every input of the chat form (snapshot)', () => {
    const card = storyFormCard(
      {
        people,
        host: 'dialog',
        values: {
          situation: 'Thank you & Tomi for the jacket!',
          featured: DEMO_USER_IDS.driver,
          sourceUrl: 'https://teams.microsoft.com/l/message/1',
        },
      },
      'en',
    );
    expect(card).toMatchSnapshot();
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Send for approval', style: 'positive' },
      { type: 'Action.Submit', title: 'Check my story', data: { verb: 'story.check' } },
    ]);
    const chat = storyFormCard({ people }, 'en');
    expect(card.body.map((e) => e.id)).toEqual(chat.body.map((e) => e.id));
    expect(byId(card, 'situation')).toMatchObject({ value: 'Thank you & Tomi for the jacket!' });
  });

  it('is answered as a large task module titled in the user’s language (snapshot)', () => {
    const task = cardTask(storyFormCard({ people: [], host: 'dialog' }, 'fi'), 'fi');
    expect(task).toMatchSnapshot();
    expect(task.task).toMatchObject({
      type: 'continue',
      value: { title: 'Jaa tarinana', width: 'large', height: 'large' },
    });
  });

  it('answers with a plain message where no dialog can be shown', () => {
    expect(messageTask('Sorry')).toEqual({ task: { type: 'message', value: 'Sorry' } });
  });
});

describe('story search results', () => {
  const story = published({
    id: 'story-0002',
    title: 'The *borrowed* <b>jacket</b>',
    lesson: 'Small [gestures](https://evil.example) <script>x()</script> are remembered longest.',
    team: 'Logistics #1',
    authorName: 'Emma _Employee_',
  });

  it('shows title, author, lesson, team and category, escaped (snapshot, en)', () => {
    const card = storyResultCard(story, 'en');
    expect(card).toMatchSnapshot();
    expect(texts(card)).toEqual([
      'The \\*borrowed\\* <b\\>jacket</b\\>',
      'Told by Emma \\_Employee\\_',
      'Lesson',
      'Small \\[gestures\\]\\(https://evil.example\\) <script\\>x\\(\\)</script\\> are remembered longest.',
    ]);
    expect(card.body.at(-1)).toEqual({
      type: 'FactSet',
      spacing: 'Medium',
      facts: [
        { title: 'Team', value: 'Logistics \\#1' },
        { title: 'Category', value: 'Care' },
      ],
    });
    expect(card.actions).toBeUndefined();
  });

  it('speaks Finnish', () => {
    const card = storyResultCard(published(), 'fi');
    expect(texts(card)).toEqual(expect.arrayContaining(['Kertoja: Emma Employee', 'Opetus']));
    expect(card.body.at(-1)).toMatchObject({
      facts: [
        { title: 'Tiimi', value: 'Logistics' },
        { title: 'Kategoria', value: 'Välittäminen' },
      ],
    });
  });

  it('lists each story as an Adaptive Card with a thumbnail preview (snapshot)', () => {
    const response = searchResults([published(), story], 'en');
    expect(response).toMatchSnapshot();
    expect(response.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first, second] = response.composeExtension?.attachments ?? [];
    expect(first?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first?.preview).toEqual({
      contentType: THUMBNAIL_CARD_TYPE,
      content: {
        title: 'The borrowed jacket',
        text: 'Small personal gestures are remembered longest.',
      },
    });
    // Thumbnail text is HTML to Teams: user text in it is escaped, never markup.
    const preview = second?.preview?.content as { title: string; text: string };
    expect(preview.text).toBe(
      'Small [gestures](https://evil.example) &lt;script&gt;x()&lt;/script&gt; are remembered longest.',
    );
    expect(preview.text).not.toContain('<');
  });

  it('answers an empty search with a line of text', () => {
    expect(searchMessage('No stories')).toEqual({
      composeExtension: { type: 'message', text: 'No stories' },
    });
  });
});
