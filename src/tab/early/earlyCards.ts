import type { LocaleDto, PersonDto, StoryDto, WallPageDto } from '../../shared/dto.js';
import { PSEUDONYM_PREFIX } from '../../shared/dto.js';
import { fill, type EarlyKey, type EarlyStrings } from './strings.js';

/** Cards the first script draws: as many as the app's wall puts in its first commit. */
export const EARLY_CARDS = 12;

export interface EarlyCardsInput {
  page: WallPageDto;
  language: LocaleDto;
  strings: EarlyStrings;
  /** The styles (earlyCss.ts), and the `--token: value;` colours of the light and dark theme. */
  css: string;
  theme: { light: string; dark: string };
  /** A channel tab (`?channel=1`): the compact header without the tagline. */
  channel: boolean;
}

type Attrs = Record<string, string>;

/** The counts' plural rules and the dates' format of the early cards, in one language. */
interface EarlyFormats {
  readonly plural: Intl.PluralRules;
  readonly dates: Intl.DateTimeFormat;
}

const formats = new Map<LocaleDto, EarlyFormats>();

/**
 * The early cards' formats of `language`, made once per page. The first date format a renderer
 * makes loads its locale data, which takes Chromium tens of milliseconds; `firstPage.ts` makes
 * them while the wall's request is out, so the cards are not drawn that much later.
 */
export function earlyFormats(language: LocaleDto): EarlyFormats {
  let made = formats.get(language);
  if (!made) {
    made = {
      plural: new Intl.PluralRules(language),
      dates: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    };
    formats.set(language, made);
  }
  return made;
}

/** An element with attributes and children; every text goes in as a text node. */
function el(tag: string, className: string, attrs: Attrs = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Fluent's initials: the first letters of the first and the last word, brackets left out. */
function initials(name: string): string {
  let depth = 0;
  let outside = '';
  for (const ch of name) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += ch;
  }
  const words = outside
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word !== '');
  const first = words[0]?.charAt(0) ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.charAt(0) ?? '') : '';
  return (first + last).toUpperCase();
}

function avatar(name: string, size: 24 | 28): HTMLElement {
  return el('span', `swe-avatar swe-avatar-${size}`, { 'aria-hidden': 'true' }, initials(name));
}

/**
 * Draws the header and the first stories of the wall from the first page, before the app's
 * bundle has arrived: the same structure, names and styles as the app's first commit, every user
 * text as text. Nothing here acts yet: the header's buttons and the reactions are disabled, as
 * the app's are until it knows the reader; "Read the whole story" is a real link (`?story=`,
 * which the app opens as the story's detail). Returns the element it added before `root`.
 */
export function drawEarlyWall(root: HTMLElement, input: EarlyCardsInput): HTMLElement {
  const { page, language, strings } = input;
  const t = (key: EarlyKey, values: Record<string, string | number> = {}) =>
    fill(strings[key], values);
  const { plural, dates } = earlyFormats(language);
  const count = (base: 'wall.count' | 'story.votes' | 'story.learnedCount', n: number) =>
    t(`${base}_${plural.select(n) === 'one' ? 'one' : 'other'}`, { count: n });
  const personName = (person: PersonDto) =>
    person.id.startsWith(PSEUDONYM_PREFIX) ? t('privacyData.formerColleague') : person.displayName;
  const categoryKey = (category: string): EarlyKey | undefined => {
    const key = `category.${category}`;
    return key in strings ? (key as EarlyKey) : undefined;
  };

  const style = el('style', '');
  style.textContent =
    `.swe{${input.theme.light}}` +
    `@media (prefers-color-scheme: dark){.swe{${input.theme.dark}}}` +
    input.css;

  const button = (label: string) =>
    el('button', 'swe-button', { type: 'button', disabled: '' }, label);
  const header = el(
    'header',
    'swe-header',
    {},
    el(
      'div',
      input.channel ? 'swe-header-inner swe-compact' : 'swe-header-inner',
      {},
      el(
        'div',
        'swe-brand',
        {},
        el('h1', 'swe-h1', {}, t('app.title')),
        ...(input.channel ? [] : [el('span', 'swe-caption swe-tagline', {}, t('app.tagline'))]),
      ),
      el(
        'div',
        'swe-actions',
        { role: 'toolbar', 'aria-label': t('app.actions') },
        button(t('app.myStories')),
        button(t('app.awards')),
        button(t('app.collections')),
        button(t('app.hallOfFame')),
        button(t('app.share')),
      ),
    ),
  );

  const stories = page.items.slice(0, EARLY_CARDS);
  const list = el('ul', 'swe-grid', { 'aria-labelledby': 'early-wall-heading' });
  stories.forEach((story, index) => list.append(el('li', 'swe-item', {}, card(story, index))));

  function card(story: StoryDto, index: number): HTMLElement {
    const titleId = `early-story-title-${index}`;
    const date = story.publishedAt ?? story.createdAt;
    const parsed = new Date(date);
    const category = categoryKey(story.category);
    const text = (tag: string, extra: string, value: string) =>
      el(tag, `swe-text ${extra}`.trim(), {}, value);
    const parts: Node[] = [
      el(
        'div',
        'swe-meta',
        {},
        el('span', 'swe-badge swe-badge-tint', {}, category ? t(category) : story.category),
        el('span', 'swe-badge swe-badge-outline', {}, story.team),
        el(
          'span',
          'swe-caption swe-date',
          {},
          el(
            'time',
            '',
            { datetime: date },
            Number.isNaN(parsed.getTime()) ? '' : dates.format(parsed),
          ),
        ),
      ),
      el('h3', 'swe-title', { id: titleId }, story.title),
      el(
        'dl',
        'swe-steps',
        {},
        ...(
          [
            ['story.situation', story.situation],
            ['story.action', story.action],
            ['story.outcome', story.outcome],
          ] as const
        ).map(([label, value]) =>
          el('div', 'swe-step', {}, el('dt', 'swe-label', {}, t(label)), text('dd', '', value)),
        ),
      ),
      el(
        'div',
        'swe-lesson',
        {},
        el('span', 'swe-label swe-lesson-label', {}, t('story.lesson')),
        text('p', 'swe-lesson-text', story.lesson),
      ),
    ];
    if (story.customerQuote) {
      parts.push(
        el(
          'figure',
          'swe-figure',
          {},
          el('figcaption', 'swe-label', {}, t('story.customerPraise')),
          text('blockquote', 'swe-quote', story.customerQuote),
        ),
      );
    }
    if (story.accountName) {
      parts.push(
        el(
          'div',
          'swe-step',
          {},
          el('span', 'swe-label', {}, t('story.account')),
          el('span', '', {}, story.accountName),
        ),
      );
    }
    if (story.featured.length > 0) {
      const labelId = `early-featured-${index}`;
      parts.push(
        el(
          'div',
          'swe-step',
          {},
          el('span', 'swe-label', { id: labelId }, t('story.featured')),
          el(
            'ul',
            'swe-featured',
            { 'aria-labelledby': labelId },
            ...story.featured.map((person) =>
              el(
                'li',
                'swe-person',
                {},
                avatar(person.displayName, 24),
                el('span', '', {}, person.displayName),
                ...(person.awaitingConfirmation
                  ? [el('span', 'swe-awaiting', {}, `(${t('story.featuredAwaiting')})`)]
                  : []),
              ),
            ),
          ),
        ),
      );
    }
    const source = webUrl(story.sourceUrl);
    if (source) {
      parts.push(
        el(
          'a',
          'swe-link',
          { href: source, target: '_blank', rel: 'noopener noreferrer' },
          t('story.source'),
        ),
      );
    }
    const detail = new URL(window.location.href);
    detail.searchParams.set('story', story.id);
    parts.push(
      el(
        'a',
        // The app's is a button, whose line height is the font's own.
        'swe-link swe-read-more',
        { href: `${detail.pathname}${detail.search}`, 'aria-describedby': titleId },
        t('story.readMore'),
      ),
    );

    const author = personName(story.author);
    const reactions = el('div', 'swe-reactions');
    const reaction = (label: string, counted: string | undefined) => {
      reactions.append(
        el(
          'button',
          'swe-button swe-button-small',
          counted === undefined
            ? { type: 'button', disabled: '', 'aria-label': `${label}: ${story.title}` }
            : {
                type: 'button',
                disabled: '',
                'aria-label': t('story.reactionLabel', {
                  label,
                  title: story.title,
                  votes: counted,
                }),
              },
          label,
        ),
      );
      if (counted !== undefined) {
        reactions.append(el('span', 'swe-reaction-count', { 'aria-hidden': 'true' }, counted));
      }
    };
    reaction(
      t('story.vote'),
      story.voteCount === undefined ? undefined : count('story.votes', story.voteCount),
    );
    reaction(
      t('story.learn'),
      story.learnedCount === undefined
        ? undefined
        : count('story.learnedCount', story.learnedCount),
    );
    parts.push(
      el(
        'div',
        'swe-footer',
        {},
        el(
          'div',
          'swe-author',
          {},
          avatar(author, 28),
          el('span', 'swe-caption', {}, t('story.sharedBy', { name: author })),
        ),
        el('span', 'swe-spacer'),
        reactions,
      ),
    );
    return el(
      'article',
      'swe-card',
      { 'aria-labelledby': titleId, 'data-testid': 'early-story-card', 'data-story-id': story.id },
      ...parts,
    );
  }

  const wall = el(
    'div',
    'swe',
    { id: 'early-wall', 'data-testid': 'early-wall' },
    style,
    el(
      'div',
      'swe-page',
      {},
      header,
      el(
        'main',
        'swe-main',
        {},
        el(
          'section',
          'swe-wall',
          { 'aria-labelledby': 'early-wall-heading' },
          el('div', 'swe-filters'),
          el(
            'div',
            'swe-summary',
            {},
            el('h2', 'swe-h2', { id: 'early-wall-heading' }, t('wall.heading')),
            el('span', 'swe-count', { role: 'status' }, count('wall.count', page.items.length)),
          ),
          list,
        ),
      ),
    ),
  );
  root.hidden = true;
  root.before(wall);
  document.documentElement.lang = language;
  return wall;
}

/** The link of a story only when it is an http(s) address (as `safeWebUrl` in format.ts). */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
