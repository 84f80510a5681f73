import {
  publicFeatured,
  type Collection,
  type CollectionView,
  type Story,
} from '../domain/index.js';
import type { CollectionDto, CollectionSummaryDto } from '../shared/dto.js';
import { toCsv, type CsvCell } from './csv.js';
import { escapeMarkdown, escapeMarkdownLine } from './markdown.js';
import { presentStory, type StoryView } from './presenters.js';

/** A collection in the list. */
export function presentCollectionSummary(collection: Collection): CollectionSummaryDto {
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    storyCount: collection.storyIds.length,
    updatedAt: collection.updatedAt.toISOString(),
    version: collection.version,
  };
}

/** A collection with the stories on the wall, in order, as `view` lets its reader see them. */
export function presentCollection(
  collection: Collection,
  stories: readonly Story[],
  view: StoryView,
): CollectionDto {
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    stories: stories.map((story) => presentStory(story, view)),
    createdAt: collection.createdAt.toISOString(),
    updatedAt: collection.updatedAt.toISOString(),
    version: collection.version,
  };
}

/** The columns of a collection's CSV, in order; the names are stable for scripts that read them. */
const COLLECTION_COLUMNS = [
  'position',
  'id',
  'title',
  'team',
  'category',
  'told_by',
  'featured',
  'published_at',
  'situation',
  'action',
  'outcome',
  'lesson',
  'customer_quote',
  'source_url',
] as const;

/**
 * A collection as CSV: one story a row, in the collection's order. Only the featured colleagues
 * who may be named to everyone, and no vote counts: a file leaves the app.
 */
export function collectionCsv(view: CollectionView): string {
  const rows: CsvCell[][] = view.stories.map((story, index) => [
    index + 1,
    story.id,
    story.title,
    story.team,
    story.category,
    story.authorName,
    featuredNames(story).join('; '),
    story.publishedAt?.toISOString() ?? '',
    story.situation,
    story.action,
    story.outcome,
    story.lesson,
    story.customerQuote ?? '',
    story.sourceUrl ?? '',
  ]);
  return toCsv(COLLECTION_COLUMNS, rows);
}

/**
 * A collection as a Markdown document for training material: its title and description, then
 * each story in order with what happened and its lesson. Every piece of user text is escaped
 * (`escapeMarkdown`), so a story cannot add links, images, HTML or headings of its own. The
 * headings are English: the file is for people, and the section names are the app's own terms.
 */
export function collectionMarkdown(view: CollectionView): string {
  const { collection } = view;
  const parts: string[] = [`# ${escapeMarkdownLine(collection.title)}`];
  if (collection.description) parts.push(escapeMarkdown(collection.description));
  view.stories.forEach((story, index) => {
    const featured = featuredNames(story);
    const meta = [
      `Told by ${story.authorName}`,
      ...(featured.length > 0 ? [`featuring ${featured.join(', ')}`] : []),
      story.team,
      ...(story.publishedAt ? [story.publishedAt.toISOString().slice(0, 10)] : []),
    ];
    parts.push(
      `## ${index + 1}. ${escapeMarkdownLine(story.title)}`,
      `_${escapeMarkdownLine(meta.join(' · '))}_`,
      `**Situation**\n\n${escapeMarkdown(story.situation)}`,
      `**What was done**\n\n${escapeMarkdown(story.action)}`,
      `**How the customer reacted**\n\n${escapeMarkdown(story.outcome)}`,
      `**Lesson**\n\n${escapeMarkdown(story.lesson)}`,
    );
    if (story.customerQuote) {
      const quote = escapeMarkdown(story.customerQuote)
        .split('\n')
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
      parts.push(`**In the customer's words**\n\n${quote}`);
    }
    if (story.sourceUrl) parts.push(`Source: ${escapeMarkdownLine(story.sourceUrl)}`);
  });
  if (view.stories.length === 0) parts.push('_No stories yet._');
  return `${parts.join('\n\n')}\n`;
}

function featuredNames(story: Story): string[] {
  return publicFeatured(story).map((person) => person.displayName);
}
