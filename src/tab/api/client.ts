import {
  type ApiKeysDto,
  type NewApiKeyDto,
  type AwardDto,
  type AwardsDto,
  type CategoryId,
  type LocaleDto,
  type WallSortDto,
  type CollectionDto,
  type CollectionExportFormatDto,
  type CollectionsDto,
  type CollectionSummaryDto,
  type DelegationDto,
  type DelegationsDto,
  type DevUsersDto,
  type ErasureReceiptDto,
  type HistoryDto,
  type InsightsDto,
  type MeDto,
  type ModerationQueueDto,
  type MyReactionsDto,
  type MyStoriesPageDto,
  type PeopleDto,
  type PersonalDataExportDto,
  type PersonDto,
  type TeamSuggestionsDto,
  type NeverFeaturedSuggestionsDto,
  type ScheduledJobsDto,
  type SettingsDto,
  type ShortlistDto,
  type StoryDto,
  type StoryListDto,
  type WallPageDto,
  type NewWebhookDto,
  type WebhookDeliveriesDto,
  type WebhookDeliveryDto,
  type WebhookDto,
  type WebhooksDto,
} from '../../shared/dto.js';
import type {
  ApiKeyInput,
  ChooseAwardInput,
  CollectionInput,
  CollectionUpdateInput,
  DecisionInput,
  DelegationInput,
  InsightsQuery,
  ModerationAction,
  MyReactionsQuery,
  ReassignInput,
  SettingsInput,
  StoryCorrectionInput,
  StoryInput,
  WallQuery,
  WebhookInput,
  WebhookUpdateInput,
} from '../../shared/inputs.js';
import { ApiError, parseApiError } from './apiError.js';

export { ApiError, parseApiError, type ClientErrorCode } from './apiError.js';

/** Whose pending stories `GET /api/approvals` lists: mine, or (admins) everyone's. */
export type ApprovalsScope = 'mine' | 'all';

/**
 * Filters and paging of `GET /api/stories` as the wall holds them (no cursor yet: null; every
 * category: ''); empty values are left out of the query.
 */
export type WallRequest = Omit<WallQuery, 'cursor' | 'category' | 'language' | 'sort'> & {
  cursor?: string | null;
  category?: CategoryId | '';
  language?: LocaleDto | '';
  sort?: WallSortDto | '';
};

import { wallQueryString } from './wallQuery.js';

export { wallQueryString };

/** Paging of `GET /api/stories/mine`. */
export type MyStoriesRequest = Pick<WallRequest, 'limit' | 'cursor'>;

export interface ApiClientOptions {
  /** Prefix of every path; '' for the same origin. */
  baseUrl: string;
  timeoutMs: number;
  /** Headers that say who the user is: a Teams SSO bearer token or the demo user header. */
  authHeaders: () => Promise<Record<string, string>>;
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** A file the API answered: its text, the name to save it as, and its media type. */
export interface DownloadedFile {
  text: string;
  fileName: string;
  type: string;
  /** An export that holds only the newest of more stories than one export may. */
  truncated: boolean;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The query string of an insight range, leaving out the ends not given. */
function rangeQueryString(query: InsightsQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

/** A typed wrapper around the tab's API: auth headers, JSON, timeouts and error parsing. */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  /** One call: auth headers, a timeout, transport failures and error bodies as `ApiError`s. */
  async function send(
    path: string,
    { method = 'GET', body, signal }: RequestOptions,
    accept: string,
  ): Promise<{ response: Response; text: string }> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept,
      ...(await options.authHeaders()),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Getting a Teams token takes a moment; the caller may have moved on meanwhile.
    signal?.throwIfAborted();

    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: combined,
        credentials: 'same-origin',
      });
    } catch (cause) {
      // The caller's own abort is not a failure to report: pass it on untouched.
      if (signal?.aborted) throw cause;
      if (timeout.aborted) throw new ApiError('timeout', 0, `Timed out: ${method} ${path}`);
      throw new ApiError('network', 0, `Network error: ${method} ${path}`);
    }

    const text = await response.text();
    if (!response.ok) throw parseApiError(response.status, parseJson(text));
    return { response, text };
  }

  async function request<T>(path: string, requestOptions: RequestOptions = {}) {
    const { text } = await send(path, requestOptions, 'application/json');
    return parseJson(text) as T;
  }

  /** A file the API answers (a CSV or Markdown export), with the name it gave it. */
  async function file(
    path: string,
    signal?: AbortSignal,
    type: 'text/csv' | 'text/markdown' = 'text/csv',
  ): Promise<DownloadedFile> {
    const { response, text } = await send(path, { signal }, type);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fallback = type === 'text/csv' ? 'story-wall.csv' : 'story-wall.md';
    const fileName = /filename="([^"\\/]{1,200})"/.exec(disposition)?.[1] ?? fallback;
    return {
      text,
      fileName,
      type: response.headers.get('content-type') ?? type,
      truncated: response.headers.get('x-export-truncated') === 'true',
    };
  }

  const storyPath = (id: string) => `/api/stories/${encodeURIComponent(id)}`;
  const awardPath = (month: string) => `/api/awards/${encodeURIComponent(month)}`;
  const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;
  const webhookPath = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;
  const collectionPath = (id: string) => `/api/collections/${encodeURIComponent(id)}`;

  return {
    me: (signal?: AbortSignal) => request<MeDto>('/api/me', { signal }),
    devUsers: (signal?: AbortSignal) => request<DevUsersDto>('/api/dev/users', { signal }),
    people: (signal?: AbortSignal) => request<{ items: PersonDto[] }>('/api/people', { signal }),
    /** The teams admins keep in Settings, for the story form's team. */
    teamSuggestions: (signal?: AbortSignal) =>
      request<TeamSuggestionsDto>('/api/suggestions/teams', { signal }),
    /** Colleagues no published story names yet, for the story form's nudge. */
    neverFeatured: (limit: number, signal?: AbortSignal) =>
      request<NeverFeaturedSuggestionsDto>(
        `/api/suggestions/never-featured?${new URLSearchParams({ limit: String(limit) }).toString()}`,
        { signal },
      ),
    /** The organisation's directory searched by a name or mail prefix, for people pickers. */
    searchPeople: (q: string, signal?: AbortSignal) =>
      request<PeopleDto>(`/api/people?${new URLSearchParams({ q, limit: '10' }).toString()}`, {
        signal,
      }),
    wall: (query: WallRequest, signal?: AbortSignal) =>
      request<WallPageDto>(`/api/stories${wallQueryString(query)}`, { signal }),
    story: (id: string, signal?: AbortSignal) => request<StoryDto>(storyPath(id), { signal }),
    submitStory: (input: StoryInput) =>
      request<StoryDto>('/api/stories', { method: 'POST', body: input }),
    vote: (id: string) => request<StoryDto>(`${storyPath(id)}/vote`, { method: 'POST' }),
    /** Takes back the caller's vote. */
    unvote: (id: string) => request<StoryDto>(`${storyPath(id)}/vote`, { method: 'DELETE' }),
    /** "I learned from this", given and taken back. */
    learned: (id: string) => request<StoryDto>(`${storyPath(id)}/learned`, { method: 'POST' }),
    unlearned: (id: string) => request<StoryDto>(`${storyPath(id)}/learned`, { method: 'DELETE' }),
    /** Which of these stories (at most `LIMITS.reactionStories.max`) the caller reacted to. */
    myReactions: (storyIds: readonly string[], signal?: AbortSignal) =>
      request<MyReactionsDto>(
        `/api/me/reactions?${new URLSearchParams({ stories: storyIds.join(',') } satisfies MyReactionsQuery).toString()}`,
        { signal },
      ),
    decide: (id: string, input: DecisionInput) =>
      request<StoryDto>(`${storyPath(id)}/decision`, { method: 'POST', body: input }),
    approvals: (signal?: AbortSignal, scope: ApprovalsScope = 'mine') =>
      request<StoryListDto>(scope === 'all' ? '/api/approvals?scope=all' : '/api/approvals', {
        signal,
      }),
    /** A story's timeline, newest first (author, its approvers, editors and admins). */
    history: (id: string, signal?: AbortSignal) =>
      request<HistoryDto>(`${storyPath(id)}/history`, { signal }),
    /** Hands a pending story to another approver; it leaves the caller's queue. */
    reassign: (id: string, input: ReassignInput) =>
      request<StoryDto>(`${storyPath(id)}/reassign`, { method: 'POST', body: input }),
    myStories: (query: MyStoriesRequest, signal?: AbortSignal) =>
      request<MyStoriesPageDto>(`/api/stories/mine${wallQueryString(query)}`, { signal }),
    /** After "request changes": the edited story goes back to its approver. */
    resubmitStory: (id: string, input: StoryInput) =>
      request<StoryDto>(storyPath(id), { method: 'PUT', body: input }),
    withdrawStory: (id: string) =>
      request<StoryDto>(`${storyPath(id)}/withdraw`, { method: 'POST', body: {} }),
    /** Takes a published story off the wall. */
    archiveStory: (id: string) =>
      request<StoryDto>(`${storyPath(id)}/archive`, { method: 'POST', body: {} }),
    /** I am featured and agree to be named (the tenant asks featured colleagues to confirm). */
    confirmFeatured: (id: string) =>
      request<StoryDto>(`${storyPath(id)}/featured/me/confirm`, { method: 'POST', body: {} }),
    /** I am featured and take my name off the story. */
    removeFeatured: (id: string) =>
      request<StoryDto>(`${storyPath(id)}/featured/me`, { method: 'DELETE' }),
    /** Reports a published story to the editors; a second report of mine changes nothing. */
    reportStory: (id: string, reason: string) =>
      request<undefined>(`${storyPath(id)}/report`, { method: 'POST', body: { reason } }),
    /** Reported and hidden stories, with the open reports (editors and admins). */
    moderation: (signal?: AbortSignal) =>
      request<ModerationQueueDto>('/api/moderation', { signal }),
    /** Hides, restores a story, or dismisses its reports, with an optional note for its history. */
    moderate: (id: string, action: ModerationAction, note?: string) =>
      request<StoryDto>(`/api/moderation/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: note ? { note } : {},
      }),
    /** Corrects a story's texts, with a note for its history; every copy shows the new text. */
    correctStory: (id: string, input: StoryCorrectionInput) =>
      request<StoryDto>(`/api/moderation/${encodeURIComponent(id)}/edit`, {
        method: 'POST',
        body: input,
      }),
    /** Published stories counted per month, team and category (editors and admins). */
    insights: (query: InsightsQuery, signal?: AbortSignal) =>
      request<InsightsDto>(`/api/insights${rangeQueryString(query)}`, { signal }),
    /** The tenant's API keys, with their last use (admins). */
    apiKeys: (signal?: AbortSignal) => request<ApiKeysDto>('/api/keys', { signal }),
    /** Creates an API key; the answer holds the key, this once (admins). */
    createApiKey: (input: ApiKeyInput) =>
      request<NewApiKeyDto>('/api/keys', { method: 'POST', body: input }),
    /** Revokes an API key: refused at once (admins). */
    revokeApiKey: (id: string) =>
      request<undefined>(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    /** The tenant's webhooks, without their secrets (admins). */
    webhooks: (signal?: AbortSignal) => request<WebhooksDto>('/api/webhooks', { signal }),
    /** Subscribes an address to events; the answer holds the signing secret, this once (admins). */
    createWebhook: (input: WebhookInput) =>
      request<NewWebhookDto>('/api/webhooks', { method: 'POST', body: input }),
    /** Pauses a webhook (it is sent nothing) or resumes it (admins). */
    updateWebhook: (id: string, input: WebhookUpdateInput) =>
      request<WebhookDto>(webhookPath(id), { method: 'PATCH', body: input }),
    /** Removes a webhook and its delivery log (admins). */
    removeWebhook: (id: string) => request<undefined>(webhookPath(id), { method: 'DELETE' }),
    /** A webhook's last deliveries, newest first (admins). */
    webhookDeliveries: (id: string, signal?: AbortSignal) =>
      request<WebhookDeliveriesDto>(`${webhookPath(id)}/deliveries`, { signal }),
    /** Sends a delivery again with the same id; 409 `conflict` while it is still being tried. */
    retryWebhookDelivery: (id: string, deliveryId: string) =>
      request<WebhookDeliveryDto>(
        `${webhookPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
        { method: 'POST', body: {} },
      ),
    /** The insight counts of a range as CSV (editors and admins). */
    exportInsights: (query: InsightsQuery) =>
      file(`/api/exports/insights.csv${rangeQueryString(query)}`),
    /** The wall as filtered as CSV, every page (editors and admins). */
    exportWall: (filters: Omit<WallRequest, 'limit' | 'cursor'>) =>
      file(`/api/exports/wall.csv${wallQueryString(filters)}`),
    /** The stories of the month chosen so far, newest month first (everyone). */
    collections: (signal?: AbortSignal) => request<CollectionsDto>('/api/collections', { signal }),
    collection: (id: string, signal?: AbortSignal) =>
      request<CollectionDto>(collectionPath(id), { signal }),
    createCollection: (input: CollectionInput) =>
      request<CollectionSummaryDto>('/api/collections', { method: 'POST', body: input }),
    saveCollection: (id: string, input: CollectionUpdateInput) =>
      request<CollectionSummaryDto>(collectionPath(id), { method: 'PUT', body: input }),
    deleteCollection: (id: string) => request<undefined>(collectionPath(id), { method: 'DELETE' }),
    exportCollection: (id: string, format: CollectionExportFormatDto) =>
      file(
        `${collectionPath(id)}/export?format=${format}`,
        undefined,
        format === 'csv' ? 'text/csv' : 'text/markdown',
      ),
    awards: (signal?: AbortSignal) => request<AwardsDto>('/api/awards', { signal }),
    /** A month's (`YYYY-MM`) most voted published stories and its winner (editors and admins). */
    shortlist: (month: string, signal?: AbortSignal) =>
      request<ShortlistDto>(`${awardPath(month)}/shortlist`, { signal }),
    /** Makes a story the month's winner; choosing again replaces the winner. */
    chooseAward: (month: string, input: ChooseAwardInput) =>
      request<AwardDto>(awardPath(month), { method: 'PUT', body: input }),
    /** The tenant's approval policy and role grants (admins). */
    settings: (signal?: AbortSignal) => request<SettingsDto>('/api/settings', { signal }),
    /** Saves the settings; 409 `conflict` when someone saved a newer version meanwhile. */
    saveSettings: (input: SettingsInput) =>
      request<SettingsDto>('/api/settings', { method: 'PUT', body: input }),
    /** The runs of the scheduled jobs (the digests) and their next runs (admins). */
    scheduledJobs: (signal?: AbortSignal) =>
      request<ScheduledJobsDto>('/api/scheduled-jobs', { signal }),
    /** My delegation (or, for an admin, everyone's). */
    delegations: (signal?: AbortSignal) => request<DelegationsDto>('/api/delegations', { signal }),
    /** "While I'm away, send my approvals to …"; replaces the one set before. */
    setDelegation: (input: DelegationInput) =>
      request<DelegationDto>('/api/delegations', { method: 'PUT', body: input }),
    /** Ends my delegation (an admin may name someone else's); none is fine. */
    clearDelegation: (userId?: string) =>
      request<undefined>(
        `/api/delegations${userId ? `?${new URLSearchParams({ userId }).toString()}` : ''}`,
        { method: 'DELETE' },
      ),
    /** Everything the app holds about a person (my own; an admin anyone's), GDPR article 15. */
    exportPersonalData: (personId: string, signal?: AbortSignal) =>
      request<PersonalDataExportDto>(`${personPath(personId)}/export`, { signal }),
    /**
     * Erases a person's data everywhere (admins; anyone their own), GDPR article 17; the receipt.
     * Sending it again answers the same receipt, and finishes an erasure that was cut short.
     */
    erasePerson: (personId: string) =>
      request<ErasureReceiptDto>(`${personPath(personId)}/erase`, { method: 'POST', body: {} }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
