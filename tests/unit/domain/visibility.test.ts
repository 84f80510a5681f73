import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { canSee, type StoryStatus, type User } from '../../../src/domain/index.js';
import { buildActor, buildStory } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const person = (id: string): User => {
  const found = people.find((p) => p.id === id);
  if (!found) throw new Error(`no demo user ${id}`);
  return found;
};

const author = buildActor(person(ids.employee));
const approver = buildActor(person(ids.manager));
const featured = buildActor(person(ids.driver));
const editor = buildActor(person(ids.editor));
const admin = buildActor(person(ids.admin));
const bystander = buildActor(person(ids.service));

const everyone = { author, approver, featured, editor, admin, bystander };
// Archived and hidden (moderation) stories are off the wall: no longer for every reader either.
const notPublic: readonly StoryStatus[] = [
  'pending',
  'changes_requested',
  'rejected',
  'withdrawn',
  'archived',
  'hidden',
];

describe('canSee', () => {
  describe.each(['published'] as const)('a %s story', (status) => {
    it.each(Object.entries(everyone))('is visible to the %s', (_, actor) => {
      expect(canSee(actor, buildStory({ status }))).toBe(true);
    });
  });

  describe.each(notPublic)('a %s story', (status) => {
    it.each(Object.entries({ author, approver, featured, editor, admin }))(
      'is visible to the %s',
      (_, actor) => {
        expect(canSee(actor, buildStory({ status }))).toBe(true);
      },
    );

    it('is hidden from an employee it does not concern', () => {
      expect(canSee(bystander, buildStory({ status }))).toBe(false);
    });
  });

  describe('another tenant', () => {
    const foreignTenant = '00000000-0000-4000-8000-0000000000ff';
    const foreign = demoUsers(foreignTenant);

    it.each(['published', 'pending'] as const)('never sees a %s story', (status) => {
      const story = buildStory({ status });
      // The same user ids with every role, in another tenant: nothing must leak.
      for (const user of foreign) {
        expect(canSee(buildActor(user), story)).toBe(false);
      }
    });
  });
});
