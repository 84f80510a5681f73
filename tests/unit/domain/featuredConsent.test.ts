import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  featuredSeenBy,
  featuredViewOf,
  publicFeatured,
  withConsent,
} from '../../../src/domain/index.js';
import { confirmFeatured } from '../../../src/domain/useCases/confirmFeatured.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { removeFeatured } from '../../../src/domain/useCases/removeFeatured.js';
import { resubmitStory } from '../../../src/domain/useCases/resubmitStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { demoActor, errorOf, HOUR } from '../../support/domainFixtures.js';
import { buildStory, buildStoryDraft } from '../../support/factories.js';
import { buildStoryDeps } from '../../support/fakes.js';

const ids = DEMO_USER_IDS;
const actorOf = (id: string) => demoActor(id, demoUsers());
const tomi = { id: ids.driver, displayName: 'Tomi Kuljettaja' };
const aaron = { id: ids.admin, displayName: 'Aaron Admin' };

describe('withConsent', () => {
  it('asks everyone new when the tenant asks, never the author', () => {
    const author = { id: ids.employee, displayName: 'Emma Employee' };
    expect(withConsent([tomi, author], ids.employee, [], true)).toEqual({
      featured: [{ ...tomi, awaiting: true }, author],
      ask: [ids.driver],
    });
    expect(withConsent([tomi], ids.employee, [], false)).toEqual({ featured: [tomi], ask: [] });
  });

  it('keeps the answer of someone named before, and asks nobody twice', () => {
    const before = [tomi, { ...aaron, awaiting: true as const }];
    const manager = { id: ids.manager, displayName: 'Mikko Manager' };
    expect(withConsent([tomi, aaron, manager], ids.employee, before, true)).toEqual({
      featured: [tomi, { ...aaron, awaiting: true }, { ...manager, awaiting: true }],
      ask: [ids.manager],
    });
    // The setting turned off meanwhile: an open question stays open; the new name is not asked.
    expect(withConsent([aaron, manager], ids.employee, before, false).featured).toEqual([
      { ...aaron, awaiting: true },
      manager,
    ]);
  });
});

describe('who sees a name not yet confirmed', () => {
  const story = buildStory({
    status: 'published',
    authorId: ids.employee,
    featured: [tomi, { ...aaron, awaiting: true }],
  });

  it('is everyone with a part in the story, and the person themselves', () => {
    for (const id of [ids.employee, ids.manager, ids.editor, ids.admin]) {
      expect(featuredSeenBy(actorOf(id), story)).toEqual(story.featured);
    }
    // A colleague, and any view everyone sees alike, get only the confirmed name.
    expect(featuredSeenBy(actorOf(ids.cloakroom), story)).toEqual([tomi]);
    expect(featuredSeenBy(null, story)).toEqual([tomi]);
    expect(publicFeatured(story)).toEqual([tomi]);
  });

  it('is nobody in another tenant', () => {
    const stranger = { ...actorOf(ids.admin), tenantId: 'other-tenant', userId: 'x' };
    expect(featuredSeenBy(stranger, { ...story, tenantId: DEMO_TENANT_ID })).toEqual([tomi]);
  });
});

describe('featuredViewOf', () => {
  const waiting = buildStory({
    tenantId: DEMO_TENANT_ID,
    authorId: ids.employee,
    featured: [tomi, { ...aaron, awaiting: true }],
  });
  const settled = buildStory({ tenantId: DEMO_TENANT_ID, authorId: ids.manager, featured: [tomi] });
  const view = (id: string, stories = [settled, waiting]) => featuredViewOf(actorOf(id), stories);

  it('is public for everyone on a page where nobody is waiting', () => {
    for (const id of [ids.employee, ids.editor, ids.admin, ids.cloakroom]) {
      expect(view(id, [settled])).toBe('public');
    }
  });

  it('is all for editors, public for readers with no part, null for those with one', () => {
    expect(view(ids.editor)).toBe('all');
    expect(view(ids.cloakroom)).toBe('public');
    // The author sees the waiting name; the person asked (the admin here) sees everyone too.
    expect(view(ids.employee)).toBe('all');
    const asked = buildStory({
      tenantId: DEMO_TENANT_ID,
      authorId: ids.manager,
      featured: [
        { ...tomi, awaiting: true },
        { ...aaron, awaiting: true },
      ],
    });
    // Tomi sees himself but not Aaron: a view nobody else shares.
    expect(view(ids.driver, [asked])).toBeNull();
    // The author of one waiting story and an outsider to another: a page of their own.
    expect(view(ids.employee, [waiting, asked])).toBeNull();
  });
});

describe('asking featured colleagues (confirmFeatured)', () => {
  async function askingTenant() {
    const ctx = buildStoryDeps(demoUsers());
    const held = (await ctx.settings.getTenantSettings(DEMO_TENANT_ID))!;
    await ctx.settings.putTenantSettings(
      DEMO_TENANT_ID,
      { ...held.value, privacy: { enabled: false, confirmFeatured: true } },
      held.etag,
    );
    const draft = buildStoryDraft({ featured: [ids.driver, ids.admin] });
    const story = await submitStory(ctx.deps, actorOf(ids.employee), draft);
    ctx.clock.advance(HOUR);
    const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
    const outbox = () => ctx.stories.outboxOf(ref);
    const actions = async () => (await ctx.stories.audit(ref)).map((e) => e.action);
    return { ...ctx, story, ref, outbox, actions, draft };
  }

  it('asks each featured colleague on submission, in the same commit', async () => {
    const { story, outbox } = await askingTenant();
    expect(story.featured.every((p) => p.awaiting)).toBe(true);
    expect(
      outbox()
        .filter((m) => m.kind === 'featured.ask')
        .map((m) => m.payload.userId),
    ).toEqual([ids.driver, ids.admin]);
  });

  it('names a colleague once they confirm, with a history event and fresh cards', async () => {
    const { deps, story, outbox, actions } = await askingTenant();
    const confirmed = await confirmFeatured(deps, actorOf(ids.admin), story.id);
    expect(confirmed.featured).toEqual([{ ...tomi, awaiting: true }, aaron]);
    expect((await actions()).at(-1)).toBe('featured_confirmed');
    expect(outbox().map((m) => m.kind)).toContain('cards.refresh');
    // Again: nothing changes. Someone never asked: nothing either.
    const before = (await actions()).length;
    await confirmFeatured(deps, actorOf(ids.admin), story.id);
    expect((await actions()).length).toBe(before);
  });

  it('lets a colleague decline; someone the story does not name learns nothing', async () => {
    const { deps, story } = await askingTenant();
    const declined = await removeFeatured(deps, actorOf(ids.driver), story.id);
    expect(declined.featured.map((p) => p.id)).toEqual([ids.admin]);
    expect(await errorOf(confirmFeatured(deps, actorOf(ids.cloakroom), story.id))).toMatchObject({
      code: 'not_found',
    });
  });

  it('keeps the answers through a resubmission and asks only whom it newly features', async () => {
    const { deps, story, outbox, draft } = await askingTenant();
    await confirmFeatured(deps, actorOf(ids.admin), story.id);
    await decideStory(deps, actorOf(ids.manager), story.id, 'changes', 'Tell more');
    const asksBefore = outbox().filter((m) => m.kind === 'featured.ask').length;
    const resubmitted = await resubmitStory(deps, actorOf(ids.employee), story.id, {
      ...draft,
      featured: [ids.driver, ids.admin, ids.cloakroom],
    });
    expect(resubmitted.featured.map((p) => [p.id, p.awaiting === true])).toEqual([
      [ids.driver, true],
      [ids.admin, false],
      [ids.cloakroom, true],
    ]);
    const asks = outbox().filter((m) => m.kind === 'featured.ask');
    expect(asks.slice(asksBefore).map((m) => m.payload.userId)).toEqual([ids.cloakroom]);
  });

  it('does not hold publication back', async () => {
    const { deps, story } = await askingTenant();
    const published = await decideStory(deps, actorOf(ids.manager), story.id, 'approve');
    expect(published.status).toBe('published');
    expect(publicFeatured(published)).toEqual([]);
  });
});
