import { describe, expect, it } from 'vitest';
import { delegationInputSchema } from '../../../src/shared/schemas.js';

/** A malformed field is a validation problem named by its field, never an exception (a 500). */
describe('malformed input', () => {
  it.each([
    ['from', { delegateId: 'someone', from: 'yesterday', until: '2026-12-31T00:00:00Z' }],
    ['until', { delegateId: 'someone', from: '2026-12-01T00:00:00Z', until: 42 }],
    ['from', { delegateId: 'someone', until: '2026-12-31T00:00:00Z' }],
  ])('a delegation with a bad %s', (field, input) => {
    const parsed = delegationInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('a delegation that ends before it starts', () => {
    const parsed = delegationInputSchema.safeParse({
      delegateId: 'someone',
      from: '2026-12-10T00:00:00Z',
      until: '2026-12-01T00:00:00Z',
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['until']);
  });
});
