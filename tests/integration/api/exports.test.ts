import { describe, expect, it } from 'vitest';
import { csvRows } from '../../support/csv.js';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { InsightsDto, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/** The wall and the insight counts as CSV for spreadsheets (editors and admins), over HTTP. */

const { employee, manager, editor, admin } = DEMO_USER_IDS;

describe('CSV exports', () => {
  const { api } = useTestApp();

  const csvAs = async (user: string, path: string) => {
    const response = await api.get<string>(path, { user });
    return {
      status: response.status,
      headers: response.headers,
      rows: response.status === 200 ? csvRows(response.body) : [],
    };
  };

  it('exports the whole wall, one story a row, newest first', async () => {
    const wall: StoryDto[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: WallPageDto } = await api.get<WallPageDto>(
        `/api/stories?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { user: editor },
      );
      wall.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);

    const csv = await csvAs(editor, '/api/exports/wall.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="story-wall-stories.csv"',
    );
    expect(csv.headers.get('x-export-truncated')).toBe('false');
    const [header, ...rows] = csv.rows;
    expect(header).toEqual([
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
      'account',
      'crm_url',
    ]);
    expect(rows.map((row) => row[0])).toEqual(wall.map((story) => story.id));
    const first = wall[0]!;
    expect(rows[0]?.slice(1, 5)).toEqual([
      first.publishedAt,
      first.title,
      first.team,
      first.category,
    ]);
    expect(rows[0]?.[14]).toBe(String(first.voteCount));
  });

  it('keeps to the wall’s filters, and never lets a cell run as a formula', async () => {
    const created = await api.post<StoryDto>(
      '/api/stories',
      {
        title: '=HYPERLINK("https://evil.example","Click")',
        situation: '+A guest needed a taxi at two in the morning after the gala.',
        action: '@We called three companies and drove her ourselves in the end.',
        outcome: '-She made her flight and wrote to thank the whole night shift.',
        lesson: 'Being there at night counts twice.',
        team: 'Night shift',
        category: 'teamwork',
        featured: [],
        consent: true,
      },
      { user: employee },
    );
    expect(created.status).toBe(201);
    await api.post(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );

    const csv = await csvAs(admin, '/api/exports/wall.csv?team=Night%20shift');
    const [, ...rows] = csv.rows;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row[2]).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(row.slice(8, 11)).toEqual([
      "'+A guest needed a taxi at two in the morning after the gala.",
      "'@We called three companies and drove her ourselves in the end.",
      "'-She made her flight and wrote to thank the whole night shift.",
    ]);

    const teamwork = await csvAs(editor, '/api/exports/wall.csv?category=teamwork');
    expect(teamwork.rows.slice(1).every((r) => r[4] === 'teamwork')).toBe(true);
    expect(teamwork.rows.length).toBeGreaterThan(1);
  });

  it('exports the insight counts of a range', async () => {
    const insights = await api.get<InsightsDto>('/api/insights', { user: editor });
    const { from, to } = insights.body;
    const csv = await csvAs(editor, `/api/exports/insights.csv?from=${from}&to=${to}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="story-wall-insights-${from}-${to}.csv"`,
    );
    const [header, ...rows] = csv.rows;
    expect(header).toEqual(['counted_by', 'value', 'stories']);
    expect(rows.filter((r) => r[0] === 'month').map((r) => [r[1], Number(r[2])])).toEqual(
      insights.body.months.map((m) => [m.month, m.count]),
    );
    expect(rows.filter((r) => r[0] === 'team').map((r) => [r[1], Number(r[2])])).toEqual(
      insights.body.teams.map((m) => [m.team, m.count]),
    );
    expect(rows.at(-1)).toEqual(['total', `${from}..${to}`, String(insights.body.total)]);
  });

  it('is for editors and admins, and checks its query', async () => {
    expect((await csvAs(employee, '/api/exports/wall.csv')).status).toBe(403);
    expect((await csvAs(manager, '/api/exports/insights.csv')).status).toBe(403);
    expect((await csvAs(editor, '/api/exports/wall.csv?month=2026-13')).status).toBe(400);
    expect((await csvAs(editor, '/api/exports/wall.csv?limit=5')).status).toBe(400);
    expect((await csvAs(editor, '/api/exports/insights.csv?from=2026-05&to=2026-01')).status).toBe(
      400,
    );
  });
});
