import {
  isDomainError,
  syncProjections,
  type ApprovalQueue,
  type AuthorIndex,
  type Clock,
  type Logger,
  type StoryRepository,
  type UserDirectory,
  type WallIndex,
} from '../domain/index.js';
import { demoStories } from './demoStories.js';
import { DEMO_USER_IDS, demoUsers } from './demoUsers.js';

export interface SeedDeps {
  users: UserDirectory;
  stories: StoryRepository;
  wall: WallIndex;
  approvals: ApprovalQueue;
  authors: AuthorIndex;
  clock: Clock;
  logger: Logger;
}

/**
 * Seeds the demo people and published stories once. The demo employee is written last and marks
 * a finished seed, so a seed cut short is completed on the next start; stories already stored
 * are left as they are.
 */
export async function seedDemo(deps: SeedDeps, tenantId: string): Promise<boolean> {
  if (await deps.users.get(tenantId, DEMO_USER_IDS.employee)) return false;
  const now = deps.clock.now();
  for (const { story } of demoStories(tenantId, now)) {
    try {
      await deps.stories.commit({
        story,
        expectedEtag: null,
        audit: {
          id: `${story.id}-submitted`,
          at: story.createdAt,
          actorId: story.authorId,
          action: 'submitted',
        },
        outbox: [],
      });
    } catch (error) {
      if (!isDomainError(error, 'conflict')) throw error;
    }
    await syncProjections(deps, story);
  }
  const people = demoUsers(tenantId);
  const marker = people.find((p) => p.id === DEMO_USER_IDS.employee);
  for (const person of people) if (person !== marker) await deps.users.upsert(person);
  if (marker) await deps.users.upsert(marker);
  deps.logger.info({ tenantId, users: people.length }, 'demo data seeded');
  return true;
}
