import type { FastifyInstance } from 'fastify';
import {
  publicFeatured,
  type InsightsService,
  type Story,
  type StoryService,
} from '../../domain/index.js';
import { insightsQuerySchema, wallExportQuerySchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { sendCsv, toCsv, type CsvCell } from '../csv.js';
import { parseInput } from '../errors.js';
import { answers, csvAnswer } from '../openapi.js';

/** The columns of the wall's export, in order; the names are stable for scripts that read them. */
const WALL_COLUMNS = [
  'id',
  'published_at',
  'title',
  'team',
  'category',
  'language',
  'told_by',
  'featured',
  'situation',
  'action',
  'outcome',
  'lesson',
  'customer_quote',
  'source_url',
  'votes',
  // Added after `votes`, so the columns scripts already read keep their places.
  'account',
  'crm_url',
] as const;

/**
 * Exports for spreadsheets (editors and admins): the wall as filtered, one story a row, and the
 * insight counts. Answered as CSV downloads; `x-export-truncated: true` says the wall had more
 * stories than one export holds (`EXPORT_MAX_STORIES`).
 */
export function exportRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; insights: InsightsService; authenticate: Authenticator },
): void {
  const { service, insights, authenticate } = deps;

  app.get(
    '/api/exports/wall.csv',
    {
      schema: {
        tags: ['exports'],
        summary: 'The wall as filtered, one story a row, as CSV (editors, admins)',
        querystring: wallExportQuerySchema,
        response: answers(
          { 200: csvAnswer('The stories; `x-export-truncated: true` when only the newest fit.') },
          [429],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const { team, category, month, q, account, language } = parseInput(
        wallExportQuerySchema,
        request.query,
      );
      const exported = await service.exportWall(actor, {
        ...(team ? { team } : {}),
        ...(category ? { category } : {}),
        ...(month ? { month } : {}),
        ...(q ? { q } : {}),
        ...(account ? { account } : {}),
        ...(language ? { language } : {}),
      });
      reply.header('x-export-truncated', String(exported.truncated));
      const csv = toCsv(WALL_COLUMNS, exported.stories.map(wallRow));
      return sendCsv(reply, `story-wall-stories${month ? `-${month}` : ''}.csv`, csv);
    },
  );

  app.get(
    '/api/exports/insights.csv',
    {
      schema: {
        tags: ['exports'],
        summary: 'The insight counts of a range as CSV (editors, admins)',
        querystring: insightsQuerySchema,
        response: answers({
          200: csvAnswer('Counts per month, team and category, and the total.'),
        }),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const { from, to } = parseInput(insightsQuerySchema, request.query);
      const result = await insights.getInsights(actor, {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      // One table for the three counts: which count, what was counted, how many stories.
      const rows: CsvCell[][] = [
        ...result.months.map(({ month, count }) => ['month', month, count]),
        ...result.teams.map(({ team, count }) => ['team', team, count]),
        ...result.categories.map(({ category, count }) => ['category', category, count]),
        ['total', `${result.from}..${result.to}`, result.total],
      ];
      const csv = toCsv(['counted_by', 'value', 'stories'], rows);
      return sendCsv(reply, `story-wall-insights-${result.from}-${result.to}.csv`, csv);
    },
  );
}

/**
 * One story as a row. Only the featured colleagues who may be named to everyone: a file leaves
 * the app, and a colleague still asked to confirm is not named in it.
 */
function wallRow(story: Story): CsvCell[] {
  return [
    story.id,
    story.publishedAt?.toISOString() ?? '',
    story.title,
    story.team,
    story.category,
    story.locale,
    story.authorName,
    publicFeatured(story)
      .map((person) => person.displayName)
      .join('; '),
    story.situation,
    story.action,
    story.outcome,
    story.lesson,
    story.customerQuote ?? '',
    story.sourceUrl ?? '',
    story.voteCount,
    story.accountName ?? '',
    story.crmUrl ?? '',
  ];
}
