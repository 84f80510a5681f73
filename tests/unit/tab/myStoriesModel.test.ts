import { describe, expect, it } from 'vitest';
import { STORY_STATUSES } from '../../../src/shared/dto.js';
import {
  actionsFor,
  commentLabelFor,
  needsConfirmation,
} from '../../../src/tab/components/MyStories/myStoriesModel.js';

describe('actionsFor', () => {
  it('offers what the API allows the author in each status', () => {
    expect(
      Object.fromEntries(STORY_STATUSES.map((status) => [status, actionsFor(status)])),
    ).toEqual({
      pending: ['withdraw'],
      changes_requested: ['resubmit', 'withdraw'],
      published: ['archive'],
      rejected: [],
      withdrawn: [],
      archived: [],
      hidden: [],
    });
  });

  it('asks to confirm the actions that change a story at once, not the one that opens the form', () => {
    expect(needsConfirmation('withdraw')).toBe(true);
    expect(needsConfirmation('archive')).toBe(true);
    expect(needsConfirmation('resubmit')).toBe(false);
  });
});

describe('commentLabelFor', () => {
  it('shows the approver’s comment after "request changes" and the reason of a rejection', () => {
    const comment = 'Add when it happened.';
    expect(commentLabelFor({ status: 'changes_requested', decisionComment: comment })).toBe(
      'myStories.comment',
    );
    expect(commentLabelFor({ status: 'rejected', decisionComment: comment })).toBe(
      'myStories.reason',
    );
  });

  it('shows no old comment once the story has moved on, and nothing blank', () => {
    expect(commentLabelFor({ status: 'pending', decisionComment: 'Old' })).toBeUndefined();
    expect(commentLabelFor({ status: 'published', decisionComment: 'Nice' })).toBeUndefined();
    expect(commentLabelFor({ status: 'changes_requested', decisionComment: '  ' })).toBeUndefined();
    expect(commentLabelFor({ status: 'changes_requested' })).toBeUndefined();
  });
});
