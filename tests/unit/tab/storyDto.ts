import type { StoryDto } from '../../../src/shared/dto.js';

/** A story as the API presents it to the tab; override what a test is about. */
export function buildStoryDto(overrides: Partial<StoryDto> = {}): StoryDto {
  return {
    id: 'story-1',
    title: 'A coat for the road',
    situation: 'A guest had forgotten his coat at home.',
    action: 'The driver lent him his own jacket.',
    outcome: 'The guest wrote to thank us.',
    lesson: 'Notice, then act.',
    team: 'Logistics',
    category: 'care',
    featured: [],
    consent: true,
    locale: 'en',
    author: { id: 'emma', displayName: 'Emma Employee' },
    status: 'pending',
    approval: {
      stage: 1,
      stages: 1,
      mode: 'any',
      approvers: [{ id: 'mikko', displayName: 'Mikko Manager' }],
      waitingSince: '2025-03-12T10:00:00.000Z',
      policyVersion: 1,
    },
    createdAt: '2025-03-12T10:00:00.000Z',
    updatedAt: '2025-03-12T10:00:00.000Z',
    voteCount: 0,
    ...overrides,
  };
}
