import type { TokenCredential } from '@azure/identity';
import {
  AzureKeyCredential,
  odata,
  SearchClient,
  SearchIndexClient,
  type SearchIndex as AzureIndexDefinition,
} from '@azure/search-documents';
import { DomainError } from '../domain/errors.js';
import type { SearchIndex, SearchQuery, SearchResult } from '../domain/ports.js';
import { searchableText } from '../domain/search.js';
import type { Story } from '../domain/story.js';
import { teamKey } from '../domain/teams.js';
import { words } from './textAnalysis.js';

/** One story in the Azure AI Search index: a tombstone (`removed`) keeps a removed story's revision. */
interface StoryDocument {
  key: string;
  tenantId: string;
  storyId: string;
  removed: boolean;
  revision: number;
  title_fi: string;
  title_en: string;
  body_fi: string;
  body_en: string;
  team: string;
  teamKey: string;
  category: string;
  month: string;
  account: string | null;
  language: string;
  publishedAt: Date | null;
  voteCount: number;
}

export interface AzureSearchOptions {
  /** `https://<service>.search.windows.net` (a loopback stub in tests). */
  readonly endpoint: string;
  readonly indexName: string;
  /** An admin key, or the app's managed identity (role "Search Index Data Contributor"). */
  readonly credential: { key: string } | TokenCredential;
  /** How long one call to the service may take, retries included. */
  readonly deadlineMs?: number;
}

/** The Azure adapter, plus what the app does with it at start-up. */
export interface AzureSearchIndex extends SearchIndex {
  /**
   * Creates the index or brings its definition up to date. When it had to be created, every
   * story `source` yields (the wall table) is uploaded before `ready()` turns true, so a new
   * service starts with the wall's stories; otherwise it is ready at once. Resolves with the
   * stories uploaded.
   */
  start(source: () => AsyncIterable<Story>): Promise<number>;
}

const DEFAULT_DEADLINE_MS = 4_000;
const UPLOAD_BATCH = 500;

/**
 * The index definition: the texts each in a Finnish (`fi.microsoft`) and an English
 * (`en.microsoft`) field, since a reader searches in either language whatever the story's; the
 * team with the standard analyzer; the filter fields filterable and never searchable; a scoring
 * profile that weighs the title as the embedded index does. People's names are never indexed.
 */
export function indexDefinition(name: string): AzureIndexDefinition {
  const text = (field: string, analyzerName: string) => ({
    name: field,
    type: 'Edm.String' as const,
    searchable: true,
    filterable: false,
    sortable: false,
    facetable: false,
    hidden: true,
    analyzerName,
  });
  const keyword = (field: string) => ({
    name: field,
    type: 'Edm.String' as const,
    searchable: false,
    filterable: true,
    sortable: false,
    facetable: false,
    hidden: true,
  });
  return {
    name,
    fields: [
      { name: 'key', type: 'Edm.String', key: true, searchable: false, filterable: true },
      keyword('tenantId'),
      { name: 'storyId', type: 'Edm.String', searchable: false, filterable: false },
      { name: 'removed', type: 'Edm.Boolean', filterable: true, hidden: true },
      { name: 'revision', type: 'Edm.Int64', filterable: false },
      text('title_fi', 'fi.microsoft'),
      text('title_en', 'en.microsoft'),
      text('body_fi', 'fi.microsoft'),
      text('body_en', 'en.microsoft'),
      text('team', 'standard.lucene'),
      keyword('teamKey'),
      keyword('category'),
      keyword('month'),
      keyword('account'),
      keyword('language'),
      { name: 'publishedAt', type: 'Edm.DateTimeOffset', filterable: true, sortable: true },
      { name: 'voteCount', type: 'Edm.Int32', filterable: false, sortable: true },
    ],
    scoringProfiles: [
      {
        name: 'story',
        textWeights: { weights: { title_fi: 3, title_en: 3, team: 1.5 } },
      },
    ],
    defaultScoringProfile: 'story',
  };
}

/** The document key: the tenant and story ids, base64url (letters, digits, `-` and `_` only). */
export function documentKey(tenantId: string, storyId: string): string {
  return Buffer.from(`${tenantId}\n${storyId}`, 'utf8').toString('base64url');
}

/**
 * The words of a query as a Lucene query with no operator of the reader's: only letters and
 * digits reach it (`words`), each word required, the last also as a prefix (a search typed so
 * far). The analyzers of each field stem the words ("asiakkaalle" finds "asiakas").
 */
export function searchText(text: string): string | null {
  const list = words(text);
  if (list.length === 0) return null;
  return list
    .map((word, index) =>
      index === list.length - 1 && word.length >= 3 ? `+(${word} OR ${word}*)` : `+${word}`,
    )
    .join(' ');
}

/**
 * The OData filter of a search: the tenant always first, tombstones out, then each filter the
 * query has, every value escaped by the SDK's `odata` tag.
 */
export function searchFilter(query: SearchQuery): string {
  const clauses = [odata`tenantId eq ${query.tenantId}`, 'removed eq false'];
  if (query.team !== undefined) clauses.push(odata`teamKey eq ${teamKey(query.team)}`);
  if (query.category !== undefined) clauses.push(odata`category eq ${query.category}`);
  if (query.month !== undefined) clauses.push(odata`month eq ${query.month}`);
  if (query.account !== undefined) {
    clauses.push(odata`account eq ${query.account.trim().toLowerCase()}`);
  }
  if (query.language !== undefined) clauses.push(odata`language eq ${query.language}`);
  return clauses.join(' and ');
}

const ORDER_BY: Record<SearchQuery['order'], string[] | undefined> = {
  // By score, the service's default.
  relevance: undefined,
  newest: ['publishedAt desc'],
  votes: ['voteCount desc', 'publishedAt desc'],
};

/**
 * The search port on Azure AI Search, for scale-out (docs/adr/0009-search-port.md): one index
 * shared by every instance and tenant, each document carrying its tenant, and every search
 * filtered by the tenant it is asked for — a search cannot name another. Fed through the same
 * `searchableWall` as the embedded index (inline after a commit, repaired by the outbox's
 * `story.project`); a write reads the held revision first and leaves a newer one alone, and a
 * removal leaves a tombstone with its revision, so writes may land in any order.
 */
export function createAzureSearchIndex(options: AzureSearchOptions): AzureSearchIndex {
  const credential =
    'key' in options.credential
      ? new AzureKeyCredential(options.credential.key)
      : options.credential;
  const { hostname } = new URL(options.endpoint);
  // Plain http only to this machine: a stub in tests.
  const clientOptions = { allowInsecureConnection: ['127.0.0.1', 'localhost'].includes(hostname) };
  const documents = new SearchClient<StoryDocument>(
    options.endpoint,
    options.indexName,
    credential,
    clientOptions,
  );
  const indexes = new SearchIndexClient(options.endpoint, credential, clientOptions);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  let ready = false;

  /** Runs one call to the service within the deadline; a failure is `unavailable` (503). */
  async function call<T>(operation: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await run(AbortSignal.timeout(deadlineMs));
    } catch (error) {
      throw new DomainError('unavailable', `Search is unavailable (${operation}).`, {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The revision the index holds of a story (indexed or removed); null when it has none. */
  async function heldRevision(key: string): Promise<number | null> {
    return call('search.get', async (abortSignal) => {
      try {
        const held = await documents.getDocument(key, { abortSignal });
        return typeof held.revision === 'number' ? held.revision : null;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return null;
        throw error;
      }
    });
  }

  async function upload(batch: StoryDocument[]): Promise<void> {
    await call('search.index', (abortSignal) =>
      documents.mergeOrUploadDocuments(batch, { abortSignal, throwOnAnyFailure: true }),
    );
  }

  return {
    ready: () => ready,

    async put(story) {
      if (story.status !== 'published' || !story.publishedAt) return;
      const key = documentKey(story.tenantId, story.id);
      const held = await heldRevision(key);
      if (held !== null && held >= story.revision) return;
      await upload([documentOf(story, story.publishedAt)]);
    },

    async remove(story) {
      const key = documentKey(story.tenantId, story.id);
      const held = await heldRevision(key);
      if (held !== null && held > story.revision) return;
      await upload([tombstoneOf(story)]);
    },

    async search(query): Promise<SearchResult> {
      const text = searchText(query.text);
      if (text === null) return { hits: [], total: 0 };
      return call('search.query', async (abortSignal) => {
        const orderBy = ORDER_BY[query.order];
        const response = await documents.search(text, {
          abortSignal,
          queryType: 'full',
          searchMode: 'all',
          filter: searchFilter(query),
          ...(orderBy ? { orderBy } : {}),
          skip: query.offset,
          top: query.limit,
          includeTotalCount: true,
          select: ['storyId', 'publishedAt'],
        });
        const hits: { storyId: string; publishedAt: Date }[] = [];
        for await (const result of response.results) {
          if (hits.length >= query.limit) break;
          const { storyId, publishedAt } = result.document;
          if (typeof storyId !== 'string' || publishedAt === null) continue;
          hits.push({ storyId, publishedAt: new Date(publishedAt) });
        }
        return { hits, total: response.count ?? hits.length };
      });
    },

    async start(source) {
      const existing = await call('search.getIndex', async (abortSignal) => {
        try {
          return await indexes.getIndex(options.indexName, { abortSignal });
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) return null;
          throw error;
        }
      });
      await call('search.createOrUpdateIndex', (abortSignal) =>
        indexes.createOrUpdateIndex(indexDefinition(options.indexName), { abortSignal }),
      );
      let uploaded = 0;
      if (!existing) {
        let batch: StoryDocument[] = [];
        for await (const story of source()) {
          if (story.status !== 'published' || !story.publishedAt) continue;
          batch.push(documentOf(story, story.publishedAt));
          if (batch.length === UPLOAD_BATCH) {
            await upload(batch);
            uploaded += batch.length;
            batch = [];
          }
        }
        if (batch.length > 0) await upload(batch);
        uploaded += batch.length;
      }
      ready = true;
      return uploaded;
    },
  };
}

function documentOf(story: Story, publishedAt: Date): StoryDocument {
  const text = searchableText(story);
  return {
    key: documentKey(story.tenantId, story.id),
    tenantId: story.tenantId,
    storyId: story.id,
    removed: false,
    revision: story.revision,
    title_fi: text.title,
    title_en: text.title,
    body_fi: text.body,
    body_en: text.body,
    team: text.team,
    teamKey: teamKey(story.team),
    category: story.category,
    month: publishedAt.toISOString().slice(0, 7),
    account: story.accountName !== undefined ? story.accountName.trim().toLowerCase() : null,
    language: story.locale,
    publishedAt,
    voteCount: story.voteCount,
  };
}

/** What is left of a removed story: its keys and revision, no text, never found. */
function tombstoneOf(story: Story): StoryDocument {
  return {
    key: documentKey(story.tenantId, story.id),
    tenantId: story.tenantId,
    storyId: story.id,
    removed: true,
    revision: story.revision,
    title_fi: '',
    title_en: '',
    body_fi: '',
    body_en: '',
    team: '',
    teamKey: '',
    category: '',
    month: '',
    account: null,
    language: '',
    publishedAt: null,
    voteCount: 0,
  };
}
