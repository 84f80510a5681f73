import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import {
  DEV_USER_HEADER,
  type ApiErrorBody,
  type SettingsDto,
  type StoryDto,
  type WallPageDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import { buildStoryDraft } from '../../support/factories.js';

/**
 * The wall's first page at wire speed (docs/adr/0010): its bytes are made once per read of the
 * wall's cache and per class of readers who see it alike, in brotli, gzip and identity, with a
 * strong entity tag; `If-None-Match` answers 304; a change makes new bytes and a new tag; readers
 * who see the wall differently never get each other's bytes. Every other JSON answer of 1 KB and
 * more is compressed as the reader asks.
 */

const { employee, editor, admin, service, cloakroom, driver } = DEMO_USER_IDS;
const FIRST_PAGE = '/api/stories?limit=30';

interface Raw {
  status: number;
  headers: Record<string, string | undefined>;
  bytes: Buffer;
}

describe('the wall at wire speed', () => {
  const { app, api } = useTestApp();

  async function get(
    path: string,
    user: string,
    headers: Record<string, string> = {},
  ): Promise<Raw> {
    const response = await app.server.inject({
      method: 'GET',
      url: path,
      headers: { [DEV_USER_HEADER]: user, ...headers },
    });
    const flat: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      flat[name] = value === undefined ? undefined : String(value);
    }
    return { status: response.statusCode, headers: flat, bytes: response.rawPayload };
  }

  /** The body as JSON, decoded by its Content-Encoding. */
  function decoded<T>(raw: Raw): T {
    const coding = raw.headers['content-encoding'];
    const bytes =
      coding === 'br'
        ? brotliDecompressSync(raw.bytes)
        : coding === 'gzip'
          ? gunzipSync(raw.bytes)
          : raw.bytes;
    return JSON.parse(bytes.toString('utf8')) as T;
  }

  /**
   * The first page once the wall's cache holds it again: a read that overlapped a write to the
   * wall (the vote's projection, finishing after its answer) is answered but never cached, and
   * such an answer carries no tag.
   */
  async function shared(user: string, headers: Record<string, string>): Promise<Raw> {
    for (let attempt = 0; ; attempt++) {
      const raw = await get(FIRST_PAGE, user, headers);
      if (raw.headers['etag'] !== undefined || attempt === 50) return raw;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The employee's vote for the first of `stories` they may vote for; the story as voted. */
  async function voteForOneOf(stories: readonly StoryDto[]): Promise<StoryDto> {
    for (const story of stories) {
      if (story.author.id === employee) continue;
      const answer = await api.post<StoryDto>(`/api/stories/${story.id}/vote`, undefined, {
        user: employee,
      });
      if (answer.status === 200) return answer.body;
    }
    throw new Error('No story on the page the employee may vote for.');
  }

  /** The tag without its coding's suffix: the same for every coding of the same content. */
  const contentOf = (etag: string | undefined) => etag?.replace(/\.(br|gz)"$/, '"');

  async function savePrivacy(privacy: Record<string, unknown>) {
    const read = await api.get<SettingsDto>('/api/settings', { user: admin });
    const { version, approval, roles } = read.body;
    const saved = await api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', {
      user: admin,
      body: { version, approval, roles, privacy },
    });
    expect(saved.status).toBe(200);
  }

  it('sends the first page in brotli, gzip or identity as asked, with one content tag', async () => {
    const br = await get(FIRST_PAGE, employee, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const gz = await get(FIRST_PAGE, employee, { 'accept-encoding': 'br;q=0, gzip' });
    const plain = await get(FIRST_PAGE, employee);
    const star = await get(FIRST_PAGE, employee, { 'accept-encoding': '*' });

    expect([br, gz, plain, star].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(star.headers['content-encoding']).toBe('br');
    for (const raw of [br, gz, plain]) {
      expect(raw.headers['vary']).toMatch(/accept-encoding/i);
      expect(raw.headers['cache-control']).toBe('private, no-cache');
      expect(raw.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(raw.headers['content-length'])).toBe(raw.bytes.length);
    }
    // Strong tags, one per representation, naming the same content.
    expect(plain.headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(br.headers['etag']).toBe(plain.headers['etag']?.replace(/"$/, '.br"'));
    expect(gz.headers['etag']).toBe(plain.headers['etag']?.replace(/"$/, '.gz"'));

    const page = decoded<WallPageDto>(plain);
    expect(page.items.length).toBeGreaterThan(5);
    expect(decoded<WallPageDto>(br)).toEqual(page);
    expect(decoded<WallPageDto>(gz)).toEqual(page);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(gz.bytes.length).toBeLessThan(plain.bytes.length / 2);
    // The same as the page presented the ordinary way (a filter is never cached).
    const fresh = await api.get<WallPageDto>('/api/stories?limit=30&total=true', {
      user: employee,
    });
    expect(fresh.body.items).toEqual(page.items);
  });

  it('answers 304 with no body to a reader holding the current content, in any coding', async () => {
    const first = await get(FIRST_PAGE, employee, { 'accept-encoding': 'gzip' });
    const etag = first.headers['etag'] ?? '';
    for (const [header, coding] of [
      [etag, 'gzip'],
      [etag, 'br'],
      [`W/${etag}`, 'identity'],
      [`"nothing", ${contentOf(etag)}`, 'br'],
    ] as const) {
      const again = await get(FIRST_PAGE, employee, {
        'accept-encoding': coding,
        'if-none-match': header,
      });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(contentOf(again.headers['etag'])).toBe(contentOf(etag));
    }
    const other = await get(FIRST_PAGE, employee, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(decoded<WallPageDto>(other).items.length).toBeGreaterThan(5);
  });

  it('makes new bytes and a new tag once a vote changes the wall', async () => {
    const before = await get(FIRST_PAGE, employee, { 'accept-encoding': 'br' });
    const stories = decoded<WallPageDto>(before).items;
    const voted = await voteForOneOf(stories);
    const was = stories.find((story) => story.id === voted.id)?.voteCount ?? -1;

    const after = await shared(employee, {
      'accept-encoding': 'br',
      'if-none-match': before.headers['etag'] ?? '',
    });
    expect(after.status).toBe(200);
    expect(contentOf(after.headers['etag'])).not.toBe(contentOf(before.headers['etag']));
    const now = decoded<WallPageDto>(after).items.find((story) => story.id === voted.id);
    expect(now?.voteCount).toBe(was + 1);
    // Another reader of the same class gets the same new bytes.
    const colleague = await get(FIRST_PAGE, service, { 'accept-encoding': 'br' });
    expect(colleague.headers['etag']).toBe(after.headers['etag']);
    expect(colleague.bytes.equals(after.bytes)).toBe(true);
  });

  it('serves the second page the cache holds as each reader sees it, a vote on it shown at once', async () => {
    const first = await api.get<WallPageDto>('/api/stories?limit=3', { user: employee });
    const next = `/api/stories?limit=3&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`;
    const before = await api.get<WallPageDto>(next, { user: employee });
    const voted = await voteForOneOf(before.body.items);
    const was = before.body.items.find((story) => story.id === voted.id)?.voteCount ?? -1;
    const after = await api.get<WallPageDto>(next, { user: employee });
    expect(after.body.items.map((story) => story.id)).toEqual(
      before.body.items.map((story) => story.id),
    );
    expect(after.body.items.find((story) => story.id === voted.id)?.voteCount).toBe(was + 1);
    // Each reader gets the same page presented for them: in privacy mode an editor sees the
    // counts and a colleague does not.
    await savePrivacy({ enabled: true });
    const asEditor = await api.get<WallPageDto>(next, { user: editor });
    const asColleague = await api.get<WallPageDto>(next, { user: service });
    await savePrivacy({ enabled: false });
    expect(asEditor.body.items.map((story) => story.id)).toEqual(
      before.body.items.map((story) => story.id),
    );
    expect(asEditor.body.items.every((story) => typeof story.voteCount === 'number')).toBe(true);
    expect(asColleague.body.items.some((story) => 'voteCount' in story)).toBe(false);
  });

  it('never gives readers who see the wall differently each other’s bytes', async () => {
    await savePrivacy({ enabled: true });
    const asEditor = await get(FIRST_PAGE, editor, { 'accept-encoding': 'br' });
    const asEmployee = await get(FIRST_PAGE, employee, {
      'accept-encoding': 'br',
      'if-none-match': asEditor.headers['etag'] ?? '',
    });
    // The editor's tag does not name what the employee may see: a full answer, not a 304.
    expect(asEmployee.status).toBe(200);
    expect(asEmployee.headers['etag']).not.toBe(asEditor.headers['etag']);
    const editorItems = decoded<WallPageDto>(asEditor).items;
    const employeeItems = decoded<WallPageDto>(asEmployee).items;
    expect(editorItems.every((story) => typeof story.voteCount === 'number')).toBe(true);
    expect(employeeItems.some((story) => 'voteCount' in story || 'learnedCount' in story)).toBe(
      false,
    );
    // And back: the employee's tag gets the editor a full answer with the counts.
    const editorAgain = await get(FIRST_PAGE, editor, {
      'accept-encoding': 'br',
      'if-none-match': asEmployee.headers['etag'] ?? '',
    });
    expect(editorAgain.status).toBe(200);
    expect(editorAgain.bytes.equals(asEditor.bytes)).toBe(true);
    await savePrivacy({ enabled: false });
    const open = decoded<WallPageDto>(await get(FIRST_PAGE, employee)).items;
    expect(open.every((story) => typeof story.voteCount === 'number')).toBe(true);
  });

  it('makes a page of their own for a reader with a part in a story still waiting for a colleague', async () => {
    await savePrivacy({ enabled: false, confirmFeatured: true });
    const created = await api.post<StoryDto>(
      '/api/stories',
      buildStoryDraft({ featured: [cloakroom, driver] }),
      { user: employee },
    );
    expect(created.status).toBe(201);
    const approver = created.body.approval.approvers[0]?.id ?? '';
    const decided = await api.post(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: approver },
    );
    expect(decided.status).toBe(200);

    const names = async (user: string) => {
      const raw = await get(FIRST_PAGE, user, { 'accept-encoding': 'br' });
      expect(raw.status).toBe(200);
      const story = decoded<WallPageDto>(raw).items.find((s) => s.id === created.body.id);
      return { raw, names: story?.featured.map((p) => p.displayName) };
    };
    // Each order of asking, so no reader's bytes can be left for the next one.
    const outsider = await names(service);
    const author = await names(employee);
    const asked = await names(cloakroom);
    const editorView = await names(editor);
    const outsiderAgain = await names(service);
    expect(outsider.names).toEqual([]);
    expect(author.names).toEqual(['Anna Naulakko', 'Tomi Kuljettaja']);
    expect(asked.names).toEqual(['Anna Naulakko']);
    expect(editorView.names).toEqual(['Anna Naulakko', 'Tomi Kuljettaja']);
    expect(outsiderAgain.names).toEqual([]);
    expect(outsiderAgain.raw.headers['etag']).toBe(outsider.raw.headers['etag']);
    for (const own of [author, asked, editorView]) {
      expect(own.raw.headers['etag']).not.toBe(outsider.raw.headers['etag']);
    }
    // The outsider's tag never gets the author a 304.
    const authorChecks = await get(FIRST_PAGE, employee, {
      'if-none-match': outsider.raw.headers['etag'] ?? '',
    });
    expect(authorChecks.status).toBe(200);
  });

  it('compresses other JSON answers of 1 KB and more as the reader asks', async () => {
    // Counted: never one of the shared pages.
    const next = '/api/stories?limit=30&total=true';
    const br = await get(next, employee, { 'accept-encoding': 'br' });
    const gz = await get(next, employee, { 'accept-encoding': 'gzip' });
    const plain = await get(next, employee);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['etag']).toBeUndefined();
    expect(decoded(br)).toEqual(decoded(plain));
    expect(decoded(gz)).toEqual(decoded(plain));
    // Small answers are sent as they are.
    const me = await get('/api/me', employee, { 'accept-encoding': 'br' });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
  });
});
