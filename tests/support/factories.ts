import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../src/demo/demoUsers.js';
import {
  DEFAULT_SETTINGS,
  type Actor,
  type ApprovalState,
  type Logger,
  type Story,
  type StoryDraft,
  type User,
} from '../../src/domain/index.js';

/**
 * Test factories (Outline's `buildUser` style): a valid object with sensible defaults, and only
 * what a test cares about passed as overrides. Defaults use the demo tenant and demo people so
 * that stories built here line up with `demoUsers()`.
 */

const T0 = new Date('2026-11-02T09:00:00Z');

/** A user of the demo tenant with no manager and the employee role, unless overridden. */
export function buildUser(overrides: Partial<User> = {}): User {
  return {
    tenantId: DEMO_TENANT_ID,
    id: 'user-0001',
    displayName: 'Test User',
    roles: ['employee'],
    ...overrides,
  };
}

/** The authenticated caller that `user` would be. */
export function buildActor(user: User): Actor {
  return {
    tenantId: user.tenantId,
    userId: user.id,
    displayName: user.displayName,
    roles: user.roles,
    surface: 'tab',
  };
}

/** A complete draft of the driver's jacket story, featuring the demo driver. */
export function buildStoryDraft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return {
    title: 'The borrowed jacket',
    situation: 'A guest had forgotten his jacket and the evening was cold.',
    action: 'The driver lent the guest his own jacket for the evening.',
    outcome: 'The guest thanked the company in a social-media post.',
    lesson: 'Small personal gestures are remembered longest.',
    team: 'Logistics',
    category: 'care',
    featured: [DEMO_USER_IDS.driver],
    consent: true,
    locale: 'en',
    ...overrides,
  };
}

/** A pending story by the demo employee, routed to the demo manager, featuring the driver. */
export function buildStory(overrides: Partial<Story> = {}): Story {
  return {
    tenantId: DEMO_TENANT_ID,
    id: 'story-0001',
    title: 'The borrowed jacket',
    situation: 'A guest had forgotten his jacket and the evening was cold.',
    action: 'The driver lent the guest his own jacket for the evening.',
    outcome: 'The guest thanked the company in a social-media post.',
    lesson: 'Small personal gestures are remembered longest.',
    team: 'Logistics',
    category: 'care',
    featured: [{ id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' }],
    consent: true,
    locale: 'en',
    authorId: DEMO_USER_IDS.employee,
    authorName: 'Emma Employee',
    status: 'pending',
    approval: pendingApproval(DEMO_USER_IDS.manager),
    createdAt: T0,
    updatedAt: T0,
    voteCount: 0,
    learnedCount: 0,
    revision: 1,
    ...overrides,
  };
}

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly context: Record<string, unknown>;
  readonly message: string;
}

/** A logger that keeps what it is told, for assertions on logged (not thrown) failures. */
export function recordingLogger(): Logger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (context, message) => entries.push({ level: 'info', context, message }),
    warn: (context, message) => entries.push({ level: 'warn', context, message }),
    error: (context, message) => entries.push({ level: 'error', context, message }),
  };
}

/**
 * A one-stage approval waiting for `approverId` since `at`, under the default policy; named as
 * the demo person of that id, unless `displayName` says otherwise.
 */
export function pendingApproval(
  approverId: string,
  displayName: string = demoUsers().find((u) => u.id === approverId)?.displayName ?? approverId,
  at: Date = T0,
): ApprovalState {
  return {
    policyVersion: 1,
    plan: DEFAULT_SETTINGS.approval,
    startedAt: at,
    stage: { index: 0, mode: 'any', slots: [{ userId: approverId, displayName }], startedAt: at },
    reminders: 0,
    nudgedAt: at,
    asked: [approverId],
  };
}
