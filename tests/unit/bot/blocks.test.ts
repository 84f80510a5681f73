import { describe, expect, it } from 'vitest';
import type { CardElement } from '../../../src/bot/cards/adaptiveCard.js';
import {
  categoryLabel,
  citation,
  customerAccount,
  customerQuote,
  featuredLine,
  lessonBox,
  section,
  storyFacts,
  storyParts,
  storyTitle,
  toldBy,
} from '../../../src/bot/cards/blocks.js';
import { featuredNoticeCard } from '../../../src/bot/cards/messageCards.js';
import { storyResultCard } from '../../../src/bot/cards/storyResultCard.js';
import { translator } from '../../../src/bot/i18n.js';
import { ERASED_NAME, PSEUDONYM_PREFIX, type Locale } from '../../../src/domain/index.js';
import { buildStory } from '../../support/factories.js';

/** Markdown a person might type to make a card say something else. */
const HOSTILE = '**Bold** [click](https://evil.example) # Head _x_ `code` > quote';
/** The same text as a card must carry it: every markdown character escaped. */
const ESCAPED =
  '\\*\\*Bold\\*\\* \\[click\\]\\(https://evil.example\\) \\# Head \\_x\\_ \\`code\\` \\> quote';

const en = translator('en');
const fi = translator('fi');

/** Every TextBlock text and FactSet value of some blocks, nested containers included. */
function texts(blocks: readonly CardElement[]): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
    if (typeof record.value === 'string') out.push(record.value);
    Object.values(record).forEach(visit);
  };
  visit(blocks);
  return out;
}

const hostileStory = buildStory({
  title: HOSTILE,
  authorName: HOSTILE,
  situation: HOSTILE,
  action: HOSTILE,
  outcome: HOSTILE,
  lesson: HOSTILE,
  team: HOSTILE,
  category: HOSTILE,
  customerQuote: HOSTILE,
  accountName: HOSTILE,
  featured: [{ id: 'f1', displayName: HOSTILE }],
});

describe('card blocks escape what people typed', () => {
  it.each<[string, (t: typeof en) => CardElement[]]>([
    ['section', () => section('Title', HOSTILE)],
    ['storyTitle', () => [storyTitle(hostileStory)]],
    ['toldBy', (t) => [toldBy(hostileStory, t)]],
    ['storyParts', (t) => storyParts(hostileStory, t)],
    ['customerQuote', (t) => customerQuote(hostileStory, t)],
    ['customerAccount', (t) => customerAccount(hostileStory, t)],
    ['lessonBox', (t) => [lessonBox(HOSTILE, t)]],
    ['featuredLine', (t) => featuredLine(hostileStory, t)],
    ['storyFacts', (t) => [storyFacts(hostileStory, t)]],
    ['citation', (t) => citation(HOSTILE, t)],
  ])('%s', (_, build) => {
    for (const t of [en, fi]) {
      const all = texts(build(t)).join('\n');
      expect(all).toContain(ESCAPED);
      // Nothing of the typed markdown is left unescaped.
      expect(all.replaceAll(ESCAPED, '')).not.toMatch(/(?<!\\)[*[\]`#>]/);
    }
  });
});

describe('card blocks speak the card language', () => {
  const story = buildStory({
    situation: 'S',
    action: 'A',
    outcome: 'O',
    lesson: 'L',
    team: 'Sales',
    category: 'care',
    customerQuote: 'Thanks',
  });

  it('in English', () => {
    expect(texts([toldBy(story, en)])).toEqual([`Told by ${story.authorName}`]);
    expect(texts(storyParts(story, en))).toEqual([
      'Situation',
      'S',
      'What was done',
      'A',
      "Customer's reaction",
      'O',
    ]);
    expect(texts(customerQuote(story, en))).toEqual(['Customer praise', '“Thanks”']);
    expect(texts([lessonBox('L', en)])).toEqual(['Lesson', 'L']);
    expect(texts([storyFacts(story, en)])).toEqual(['Sales', en('category.care')]);
    expect(texts(citation('Well told', en))).toEqual(['Why the editors chose it', '“Well told”']);
  });

  it('in Finnish', () => {
    expect(texts([toldBy(story, fi)])).toEqual([fi('story.toldBy', { author: story.authorName })]);
    expect(texts(storyParts(story, fi))).toEqual([
      fi('story.situation'),
      'S',
      fi('story.action'),
      'A',
      fi('story.outcome'),
      'O',
    ]);
    expect(texts([lessonBox('L', fi)])).toEqual([fi('story.lesson'), 'L']);
    expect(texts([storyFacts(story, fi)])).toEqual(['Sales', fi('category.care')]);
    expect(fi('story.toldBy', { author: 'X' })).not.toBe(en('story.toldBy', { author: 'X' }));
  });

  it('names a known category in the card language, and shows an unknown one escaped', () => {
    expect(categoryLabel('care', fi)).toBe(fi('category.care'));
    expect(categoryLabel('care', fi)).not.toBe(categoryLabel('care', en));
    expect(categoryLabel('old_*value*', en)).toBe('old\\_\\*value\\*');
  });

  it('leaves out a quote, featured line or citation that is not there', () => {
    const plain = buildStory({ featured: [] });
    expect(customerQuote({}, en)).toEqual([]);
    expect(customerQuote({ customerQuote: '' }, en)).toEqual([]);
    expect(featuredLine(plain, en)).toEqual([]);
    expect(citation(undefined, en)).toEqual([]);
  });

  it('names only the featured colleagues everyone may see', () => {
    const story = buildStory({
      featured: [
        { id: 'a', displayName: 'Shown' },
        { id: 'b', displayName: 'Asked', awaiting: true },
      ],
    });
    expect(texts(featuredLine(story, en)).join()).toContain('Shown');
    expect(texts(featuredLine(story, en)).join()).not.toContain('Asked');
  });
});

describe('the customer account block', () => {
  /** The `Action.OpenUrl`s anywhere in some blocks. */
  function links(blocks: readonly CardElement[]): { title: unknown; url: unknown }[] {
    const out: { title: unknown; url: unknown }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.OpenUrl') out.push({ title: record.title, url: record.url });
      Object.values(record).forEach(visit);
    };
    visit(blocks);
    return out;
  }

  it.each<Locale>(['en', 'fi'])('names the account and links its CRM record in %s', (locale) => {
    const t = translator(locale);
    const blocks = customerAccount(
      { accountName: 'Nordic Events Oy', crmUrl: 'https://crm.example.com/accounts/42' },
      t,
    );
    expect(texts(blocks)).toEqual([t('story.account'), 'Nordic Events Oy']);
    expect(links(blocks)).toEqual([
      { title: t('story.openInCrm'), url: 'https://crm.example.com/accounts/42' },
    ]);
    // The link is a button of the block, never a markdown link in its text.
    expect(texts(blocks).join()).not.toContain('crm.example.com');
  });

  it('speaks each language in its own words', () => {
    expect(fi('story.account')).not.toBe(en('story.account'));
    expect(fi('story.openInCrm')).not.toBe(en('story.openInCrm'));
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://crm.example.com/42',
    'not a url',
    '',
  ])('shows the name but never links %j', (crmUrl) => {
    const blocks = customerAccount({ accountName: 'Acme', crmUrl }, en);
    expect(texts(blocks)).toEqual([en('story.account'), 'Acme']);
    expect(links(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('ActionSet');
  });

  it('links a CRM record without a name, and is left out when there is neither', () => {
    const onlyLink = customerAccount({ crmUrl: 'http://crm.example.com/a?id=1&x=2' }, en);
    expect(texts(onlyLink)).toEqual([en('story.account')]);
    expect(links(onlyLink)).toEqual([
      { title: en('story.openInCrm'), url: 'http://crm.example.com/a?id=1&x=2' },
    ]);
    expect(customerAccount({}, en)).toEqual([]);
    expect(customerAccount({ accountName: '  ', crmUrl: 'javascript:alert(1)' }, en)).toEqual([]);
  });
});

describe('an erased author', () => {
  const erased = buildStory({
    authorId: `${PSEUDONYM_PREFIX}0001`,
    authorName: ERASED_NAME,
    status: 'published',
  });

  it.each<Locale>(['en', 'fi'])('is "a former colleague" in %s under the title', (locale) => {
    const t = translator(locale);
    expect(texts([toldBy(erased, t)])).toEqual([
      t('story.toldBy', { author: t('story.formerColleague') }),
    ]);
  });

  // These two cards used to show the stored English name whatever the reader's language.
  it('is named in Finnish on a Finnish "Find a story" result', () => {
    const shown = texts(storyResultCard(erased, 'fi').body);
    expect(shown).toContain(fi('story.toldBy', { author: fi('story.formerColleague') }));
    expect(shown.join('\n')).not.toContain(ERASED_NAME);
  });

  it("is named in Finnish on a Finnish colleague's featured notice", () => {
    const shown = texts(featuredNoticeCard({ story: erased, state: 'published' }, 'fi').body);
    expect(shown.join('\n')).toContain(fi('story.formerColleague'));
    expect(shown.join('\n')).not.toContain(ERASED_NAME);
  });
});
