import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  featuredViewOf,
  toStoryDraft,
  type Actor,
  type Story,
  type StoryDraft,
  type StoryService,
  type WallFilter,
  type WallView,
} from '../../domain/index.js';
import type {
  HistoryDto,
  MyStoriesPageDto,
  StoryDto,
  StoryListDto,
  WallPageDto,
} from '../../shared/dto.js';
import {
  approvalsQuerySchema,
  decisionInputSchema,
  emptyBodySchema,
  myStoriesQuerySchema,
  reassignInputSchema,
  storyIdSchema,
  storyInputSchema,
  storyParamsSchema,
  wallQuerySchema,
  type StoryInput,
  type WallQueryInput,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { sendEncoded } from '../encodedBody.js';
import { parseInput } from '../errors.js';
import { answers, emptyAnswer, jsonAnswer } from '../openapi.js';
import { presentHistoryEvent, presentStory } from '../presenters.js';
import { responseSchemas } from '../responseSchemas.js';
import type { WallPageBytes } from '../wallPageBytes.js';

const tags = ['stories'];
const params = storyParamsSchema;
const theStory = (description: string, status = 200) => ({
  [status]: jsonAnswer(description, responseSchemas.story),
});

/** The wall's query as checked, and the use case's filter and options made of it once. */
interface WallAsked {
  readonly input: Readonly<WallQueryInput>;
  readonly filter: Readonly<WallFilter>;
  readonly options: { readonly total: boolean };
}

/**
 * The wall's query as checked (`wallQuerySchema`), by the query string as sent: the tab asks for
 * the same few pages over and over (everyone who loads more on a busy morning asks for the same
 * second page), and the check's answer depends on the string alone, so each is checked once.
 * Strings up to a cursor's length (about 200 characters), a few hundred of them at most (some
 * 128 KB); a refused one is never kept.
 */
const wallQueries = new Map<string, WallAsked>();
const WALL_QUERIES_MAX = 256;
const WALL_QUERY_KEPT_MAX = 512;

function wallQueryOf(request: FastifyRequest): WallAsked {
  const at = request.url.indexOf('?');
  const raw = at < 0 ? '' : request.url.slice(at + 1);
  const known = wallQueries.get(raw);
  if (known) return known;
  const input = Object.freeze(parseInput(wallQuerySchema, request.query));
  const { limit, cursor, team, category, month, q, account, language, sort, total } = input;
  const asked: WallAsked = {
    input,
    filter: Object.freeze({
      limit,
      ...(cursor ? { cursor } : {}),
      ...(team ? { team } : {}),
      ...(category ? { category } : {}),
      ...(month ? { month } : {}),
      ...(q ? { q } : {}),
      ...(account ? { account } : {}),
      ...(language ? { language } : {}),
      ...(sort ? { sort } : {}),
    }),
    options: Object.freeze({ total: total === true }),
  };
  if (raw.length <= WALL_QUERY_KEPT_MAX) {
    if (wallQueries.size >= WALL_QUERIES_MAX) wallQueries.clear();
    wallQueries.set(raw, asked);
  }
  return asked;
}

/** Story routes: validate → one use case → present. */
export function storyRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; authenticate: Authenticator; wallBytes: WallPageBytes },
): void {
  const { service, authenticate, wallBytes } = deps;

  /**
   * Runs a use case and, alongside it, reads what the caller may see of the stories it answers
   * with (privacy mode hides vote counts from most people); resolves to its stories' presenter.
   */
  async function presented<T>(
    actor: Actor,
    work: Promise<T>,
  ): Promise<[T, (story: Story) => StoryDto]> {
    const [result, voteCount] = await Promise.all([work, service.seesVoteCounts(actor)]);
    return [result, (story) => presentStory(story, { voteCount, viewer: actor })];
  }

  app.get(
    '/api/stories',
    {
      schema: {
        tags,
        summary:
          'The wall: published stories, newest or most voted first, narrowed by any filter ' +
          '(most voted: 403 votes_hidden in privacy mode)',
        querystring: wallQuerySchema,
        response: answers({
          200: jsonAnswer('A page of the wall.', responseSchemas.wallPage),
          // The first page carries an entity tag (docs/adr/0010).
          304: emptyAnswer.describe('Not modified: the If-None-Match tag names the current page.'),
        }),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const { input, filter, options } = wallQueryOf(request);
      // A warm first page waits for nothing after sign-in: the page and the tenant's settings
      // are taken from memory when their caches hold them, else read as usual.
      let page = service.cachedWall(actor, filter, options);
      let voteCount = page && service.seesVoteCountsNow(actor);
      if (!page || voteCount === undefined) {
        [page, voteCount] = await Promise.all([
          service.listWall(actor, filter, options),
          service.seesVoteCounts(actor),
        ]);
      }
      // The cached first page is sent as bytes made once for everyone who sees it alike: the
      // same tenant, page size, vote counts shown or not, and view of the featured colleagues
      // (docs/adr/0010). A reader who sees it unlike the others gets a page of their own.
      const featuredView = featuredViewOf(actor, page.items);
      if (page.revision === undefined || page.count || featuredView === null) {
        return renderWall(page, voteCount, actor);
      }
      const key = `${actor.tenantId}\n${input.limit}\n${voteCount ? 'counts' : 'no-counts'}\n${featuredView}`;
      const shown = page;
      const counts = voteCount;
      const bytes =
        wallBytes.held(key, page.revision) ??
        wallBytes.get(key, page.revision, () => renderWall(shown, counts, actor));
      return sendEncoded(request, reply, bytes);
    },
  );

  // Registered as a static path, so it wins over `/api/stories/:id` (a story id of "mine").
  app.get(
    '/api/stories/mine',
    {
      schema: {
        tags,
        summary: "The caller's stories in every status, newest first",
        querystring: myStoriesQuerySchema,
        response: answers({ 200: jsonAnswer('A page of my stories.', responseSchemas.storyPage) }),
      },
    },
    async (request): Promise<MyStoriesPageDto> => {
      const actor = await authenticate(request);
      const { limit, cursor } = parseInput(myStoriesQuerySchema, request.query);
      const [page, present] = await presented(
        actor,
        service.listMyStories(actor, { limit, ...(cursor ? { cursor } : {}) }),
      );
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id',
    {
      schema: {
        tags,
        summary: 'One story',
        params,
        response: answers(theStory('The story.'), [404]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const [story, present] = await presented(
        actor,
        service.getStory(actor, id, { forView: true }),
      );
      return present(story);
    },
  );

  app.post(
    '/api/stories',
    {
      schema: {
        tags,
        summary: 'Tell a story: it waits for approval',
        body: storyInputSchema,
        response: answers(theStory('Sent for approval.', 201), [409, 413, 429]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const draft = draftOf(parseInput(storyInputSchema, request.body));
      const [story, present] = await presented(actor, service.submitStory(actor, draft));
      return reply.status(201).send(present(story));
    },
  );

  app.put<{ Params: { id: string } }>(
    '/api/stories/:id',
    {
      schema: {
        tags,
        summary: 'Edit a story sent back for changes and send it again (its author)',
        params,
        body: storyInputSchema,
        response: answers(theStory('Sent for approval again.'), [404, 409, 413, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const draft = draftOf(parseInput(storyInputSchema, request.body));
      const [story, present] = await presented(actor, service.resubmitStory(actor, id, draft));
      return present(story);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/vote',
    {
      schema: {
        tags,
        summary: 'Vote for a published story: once, and not for your own',
        params,
        response: answers(theStory('Voted.'), [404, 409, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const [story, present] = await presented(actor, service.voteStory(actor, id));
      return present(story);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve, reject or send back a story waiting for your decision',
        params,
        body: decisionInputSchema,
        response: answers(theStory('Decided.'), [404, 409, 413, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const { decision, comment } = parseInput(decisionInputSchema, request.body ?? {});
      const [story, present] = await presented(
        actor,
        service.decideStory(actor, id, decision, comment),
      );
      return present(story);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take back a pending or sent-back story (its author)',
        params,
        body: emptyBodySchema,
        response: answers(theStory('Withdrawn.'), [404, 409, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      parseInput(emptyBodySchema, request.body ?? {});
      const [story, present] = await presented(actor, service.withdrawStory(actor, id));
      return present(story);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/archive',
    {
      schema: {
        tags,
        summary: 'Take a published story off the wall (its author, editors, admins)',
        params,
        body: emptyBodySchema,
        response: answers(theStory('Archived.'), [404, 409, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      parseInput(emptyBodySchema, request.body ?? {});
      const [story, present] = await presented(actor, service.archiveStory(actor, id));
      return present(story);
    },
  );

  // A featured colleague takes their own name off the story, at any time.
  app.delete<{ Params: { id: string } }>(
    '/api/stories/:id/featured/me',
    {
      schema: {
        tags,
        summary: 'A featured colleague takes their name off the story',
        params,
        response: answers(theStory('Your name is off the story.'), [404, 409, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const [story, present] = await presented(actor, service.removeFeatured(actor, id));
      return present(story);
    },
  );

  // A featured colleague asked to confirm being named agrees (`confirmFeatured` setting).
  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/featured/me/confirm',
    {
      schema: {
        tags,
        summary: 'A featured colleague asked to confirm agrees to be named',
        params,
        body: emptyBodySchema,
        response: answers(theStory('Confirmed.'), [404, 409, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      parseInput(emptyBodySchema, request.body ?? {});
      const [story, present] = await presented(actor, service.confirmFeatured(actor, id));
      return present(story);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/reassign',
    {
      schema: {
        tags,
        summary: 'Hand a pending story on to another approver (its approver, admins)',
        params,
        body: reassignInputSchema,
        response: answers(theStory('Reassigned.'), [404, 409, 413, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const { approverId, comment } = parseInput(reassignInputSchema, request.body ?? {});
      const [story, present] = await presented(
        actor,
        service.reassignStory(actor, id, approverId, comment),
      );
      return present(story);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id/history',
    {
      schema: {
        tags,
        summary: 'What happened to a story, newest first (author, approvers, editors)',
        params,
        response: answers({ 200: jsonAnswer('The history.', responseSchemas.history) }, [404]),
      },
    },
    async (request): Promise<HistoryDto> => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      return { items: (await service.storyHistory(actor, id)).map(presentHistoryEvent) };
    },
  );

  app.get(
    '/api/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Stories waiting for my decision; `scope=all`: every pending story (admins)',
        querystring: approvalsQuerySchema,
        response: answers({ 200: jsonAnswer('The stories.', responseSchemas.storyList) }),
      },
    },
    async (request): Promise<StoryListDto> => {
      const actor = await authenticate(request);
      const { scope } = parseInput(approvalsQuerySchema, request.query);
      const [items, present] = await presented(
        actor,
        service.listApprovals(actor, undefined, scope === 'all'),
      );
      return { items: items.map(present) };
    },
  );
}

/** A page of the wall as `actor` sees it. */
function renderWall(page: WallView, voteCount: boolean, actor: Actor): WallPageDto {
  return {
    items: page.items.map((story) => presentStory(story, { voteCount, viewer: actor })),
    nextCursor: page.nextCursor,
    ...(page.count ? { total: page.count.total, totalExact: page.count.exact } : {}),
  };
}

/** The body's story as a draft (`toStoryDraft`), told in English unless the body says otherwise. */
function draftOf(input: StoryInput): StoryDraft {
  return toStoryDraft(input, input.locale ?? 'en');
}
