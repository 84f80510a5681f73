import {
  DEFAULT_SETTINGS,
  isDomainError,
  syncProjections,
  type ClosedIndex,
  type DueIndex,
  type FeaturedPeopleIndex,
  type SettingsStore,
  type User,
  type ApprovalQueue,
  type AuthorIndex,
  type Clock,
  type Logger,
  type ModerationQueue,
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
  moderation: ModerationQueue;
  due: DueIndex;
  closed: ClosedIndex;
  featuredPeople: FeaturedPeopleIndex;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
}

/**
 * Seeds the demo people, their role grants (the demo's Settings) and published stories once. The demo employee is written last and marks
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
        audit: [
          {
            id: `${story.id}-submitted`,
            at: story.createdAt,
            actorId: story.authorId,
            actorName: story.authorName,
            action: 'submitted',
            surface: 'tab',
          },
        ],
        outbox: [],
      });
    } catch (error) {
      if (!isDomainError(error, 'conflict')) throw error;
    }
    await syncProjections(deps, story);
  }
  const people = demoUsers(tenantId);
  // The demo people's roles are given as an admin would, in Settings; none comes from storage.
  if (!(await deps.settings.getTenantSettings(tenantId))) {
    const roles = people.flatMap((person) =>
      person.roles.flatMap((role) =>
        role === 'employee' ? [] : [{ role, kind: 'person' as const, id: person.id }],
      ),
    );
    await deps.settings.putTenantSettings(
      tenantId,
      { ...DEFAULT_SETTINGS, version: 1, roles, updatedAt: now, updatedBy: DEMO_USER_IDS.admin },
      null,
    );
  }
  const marker = people.find((p) => p.id === DEMO_USER_IDS.employee);
  const asKnown = (person: User): User => ({ ...person, roles: [] });
  for (const person of people) if (person !== marker) await deps.users.upsert(asKnown(person));
  if (marker) await deps.users.upsert(asKnown(marker));
  deps.logger.info({ tenantId, users: people.length }, 'demo data seeded');
  return true;
}
