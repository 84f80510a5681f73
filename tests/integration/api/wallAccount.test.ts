import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  MeDto,
  NewWebhookDto,
  SettingsDto,
  StoryDto,
  StoryPageDto,
  WallPageDto,
  WebhookPayloadDto,
} from '../../../src/shared/dto.js';
import { clockFrom } from '../../support/fakes.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * A story's customer account over HTTP: stored with its CRM link, shown, sent to webhooks; the
 * wall filtered by account and language, sorted by votes with a total; most voted refused in
 * privacy mode.
 */

const { employee, manager, editor, admin, driver, service, cloakroom } = DEMO_USER_IDS;

const draft = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  situation: 'The customer’s delivery was stuck at the border on the day of their launch event.',
  action: 'Our account manager drove the parts across herself and set them up with the crew.',
  outcome: 'The customer opened the event on time and thanked the whole team on stage.',
  lesson: 'Own the customer’s deadline as if it were yours.',
  team: 'Key accounts',
  category: 'beyond-expectations',
  consent: true,
  ...extra,
});

describe('the wall by customer account', () => {
  const { api } = useTestApp({ clock: clockFrom(new Date('2027-03-15T12:00:00Z')) });
  const payloads: WebhookPayloadDto[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      payloads.push(JSON.parse(body) as WebhookPayloadDto);
      response.writeHead(200).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const hook = await api.post<NewWebhookDto>(
      '/api/webhooks',
      { url, events: ['story.published'] },
      { user: admin },
    );
    expect(hook.status).toBe(201);
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  /** Submits as the employee and has the manager approve: a published story. */
  async function publish(title: string, extra: Record<string, unknown> = {}): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(title, extra), {
      user: employee,
    });
    expect(created.status).toBe(201);
    const decided = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(decided.status).toBe(200);
    return decided.body;
  }
  const vote = async (id: string, ...voters: string[]) => {
    for (const user of voters) {
      expect((await api.post(`/api/stories/${id}/vote`, {}, { user })).status).toBeLessThan(300);
    }
  };
  const wall = (query: string, user: string = employee) =>
    api.get<WallPageDto & ApiErrorBody>(`/api/stories?${query}`, { user });

  let contosoEn: StoryDto;
  let contosoFi: StoryDto;
  let fabrikam: StoryDto;

  beforeAll(async () => {
    contosoEn = await publish('Parts across the border', {
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/contoso',
    });
    contosoFi = await publish('Osat rajan yli', { accountName: 'CONTOSO OY', locale: 'fi' });
    fabrikam = await publish('The launch that almost was', { accountName: 'Fabrikam' });
    await vote(contosoFi.id, driver, service, cloakroom);
    await vote(contosoEn.id, driver);
  });

  it('stores and shows the account and its CRM link, and sends them to webhooks', async () => {
    expect(contosoEn).toMatchObject({
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/contoso',
      status: 'published',
    });
    const read = await api.get<StoryDto>(`/api/stories/${contosoEn.id}`, { user: driver });
    expect(read.body).toMatchObject({
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/contoso',
    });
    const deadline = Date.now() + 8_000;
    while (!payloads.some((p) => p.data.story.id === contosoEn.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const payload = payloads.find((p) => p.data.story.id === contosoEn.id);
    expect(payload).toMatchObject({
      type: 'story.published',
      data: {
        story: { accountName: 'Contoso Oy', crmUrl: 'https://crm.example.com/accounts/contoso' },
      },
    });
  });

  it('refuses a CRM link that is not http(s) or too long, and an account name too long, storing nothing', async () => {
    const mine = async () =>
      (await api.get<StoryPageDto>('/api/stories/mine?limit=50', { user: employee })).body.items
        .length;
    const before = await mine();
    for (const extra of [
      { accountName: 'Contoso Oy', crmUrl: 'javascript:alert(1)' },
      { accountName: 'Contoso Oy', crmUrl: 'ftp://crm.example.com/a' },
      { crmUrl: `https://crm.example.com/${'a'.repeat(2000)}` },
    ]) {
      const refused = await api.post<ApiErrorBody>('/api/stories', draft('Bad link', extra), {
        user: employee,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation');
      expect(Object.keys(refused.body.error.fields ?? {})).toEqual(['crmUrl']);
    }
    const long = await api.post<ApiErrorBody>(
      '/api/stories',
      draft('Long name', { accountName: 'x'.repeat(101) }),
      { user: employee },
    );
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.error.fields ?? {})).toEqual(['accountName']);
    expect(await mine()).toBe(before);
  });

  it('filters by account without regard to case, combined with language, with a total', async () => {
    const both = await wall('account=contoso%20oy&total=true');
    expect(both.status).toBe(200);
    expect(both.body.items.map((s) => s.id)).toEqual([contosoFi.id, contosoEn.id]);
    expect(both.body).toMatchObject({ total: 2, totalExact: true });

    const finnish = await wall('account=Contoso%20Oy&language=fi&total=true');
    expect(finnish.body.items.map((s) => s.id)).toEqual([contosoFi.id]);
    expect(finnish.body.total).toBe(1);

    const english = await wall('language=en&team=key%20accounts&total=true');
    expect(english.body.items.map((s) => s.id)).toEqual([fabrikam.id, contosoEn.id]);
    expect(english.body.total).toBe(2);

    // Without `total=true`, or past the first page, no count is made.
    expect((await wall('account=contoso%20oy')).body.total).toBeUndefined();
    const paged = await wall('account=contoso%20oy&limit=1&total=true');
    expect(paged.body.nextCursor).not.toBeNull();
    const next = await wall(
      `account=contoso%20oy&limit=1&total=true&cursor=${encodeURIComponent(paged.body.nextCursor!)}`,
    );
    expect(next.body.items.map((s) => s.id)).toEqual([contosoEn.id]);
    expect(next.body.total).toBeUndefined();

    // The whole wall: the seeded demo stories too.
    const all = await wall('total=true');
    expect(all.body.total).toBeGreaterThan(3);

    expect((await wall('language=sv')).status).toBe(400);
    expect((await wall(`account=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await wall('sort=popular')).status).toBe(400);
    expect((await wall('total=yes')).status).toBe(400);
  });

  it('sorts most voted first, and pages the ranking', async () => {
    const ranked = await wall('account=contoso%20oy&sort=votes');
    expect(ranked.body.items.map((s) => [s.id, s.voteCount])).toEqual([
      [contosoFi.id, 3],
      [contosoEn.id, 1],
    ]);
    const first = await wall('team=key%20accounts&sort=votes&limit=2&total=true');
    expect(first.body.items.map((s) => s.id)).toEqual([contosoFi.id, contosoEn.id]);
    expect(first.body.total).toBe(3);
    const second = await wall(
      `team=key%20accounts&sort=votes&limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(second.body.items.map((s) => s.id)).toEqual([fabrikam.id]);
    expect(second.body.nextCursor).toBeNull();
    // A cursor of the newest-first wall is no cursor of the ranking.
    const newest = await wall('team=key%20accounts&limit=1');
    const mixed = await wall(
      `team=key%20accounts&sort=votes&cursor=${encodeURIComponent(newest.body.nextCursor!)}`,
    );
    expect(mixed.status).toBe(400);
  });

  it('refuses most voted in privacy mode with votes_hidden, and /api/me says so', async () => {
    const me = async (user: string) => (await api.get<MeDto>('/api/me', { user })).body;
    expect(await me(employee)).toMatchObject({ seesVoteCounts: true, ranksByVotes: true });

    const save = async (enabled: boolean) => {
      const read = await api.get<SettingsDto>('/api/settings', { user: admin });
      const { version, approval, roles } = read.body;
      const saved = await api.call('PUT', '/api/settings', {
        user: admin,
        body: { version, approval, roles, privacy: { enabled } },
      });
      expect(saved.status).toBe(200);
    };
    await save(true);
    try {
      for (const user of [employee, editor]) {
        const refused = await wall('sort=votes&account=contoso%20oy', user);
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('votes_hidden');
      }
      expect(await me(employee)).toMatchObject({ seesVoteCounts: false, ranksByVotes: false });
      expect(await me(editor)).toMatchObject({ seesVoteCounts: true, ranksByVotes: false });
      // Newest first still works, with its filters and total, and without counts.
      const newest = await wall('account=contoso%20oy&total=true');
      expect(newest.status).toBe(200);
      expect(newest.body.total).toBe(2);
      expect(newest.body.items.every((s) => s.voteCount === undefined)).toBe(true);
    } finally {
      await save(false);
    }
    expect((await wall('sort=votes&account=contoso%20oy')).status).toBe(200);
  });

  it('exports the account and CRM link as the last columns of the wall’s CSV', async () => {
    const csv = await fetchText(api, '/api/exports/wall.csv?account=contoso%20oy', editor);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.endsWith(',votes,account,crm_url')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(
      lines.some((line) => line.endsWith(',Contoso Oy,https://crm.example.com/accounts/contoso')),
    ).toBe(true);
  });
});

async function fetchText(
  api: ReturnType<typeof useTestApp>['api'],
  path: string,
  user: string,
): Promise<string> {
  const response = await api.call<string>('GET', path, { user });
  expect(response.status).toBe(200);
  return typeof response.body === 'string' ? response.body : String(response.body);
}
