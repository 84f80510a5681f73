import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../src/demo/demoUsers.js';
import type { Actor, User } from '../../src/domain/index.js';
import { submitStory } from '../../src/domain/useCases/submitStory.js';
import { buildStoryDeps } from './fakes.js';
import { buildActor, buildStoryDraft } from './factories.js';

export const HOUR = 60 * 60 * 1000;

/** The actor of the demo person `id` (or of one of `users`). */
export function demoActor(id: string, users: readonly User[] = demoUsers()): Actor {
  const user = users.find((p) => p.id === id);
  if (!user) throw new Error(`no demo person ${id}`);
  return buildActor(user);
}

/** What `promise` rejects with; fails the test when it resolves. */
export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The demo employee's story, submitted through the use case on fake storage and routed to the
 * demo manager; the clock has moved on an hour. With helpers to read what the change left.
 */
export async function submittedDemoStory() {
  const ctx = buildStoryDeps(demoUsers());
  const story = await submitStory(ctx.deps, demoActor(DEMO_USER_IDS.employee), buildStoryDraft());
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const actions = async () => (await ctx.stories.audit(ref)).map((e) => e.action);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  return { ...ctx, story, ref, kinds, actions, stored };
}
