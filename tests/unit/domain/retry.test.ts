import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../src/domain/index.js';
import { retryOnConflict } from '../../../src/domain/retry.js';

const conflict = () => new DomainError('conflict', 'stale etag');

describe('retryOnConflict', () => {
  it('returns the first result without retrying', async () => {
    const step = vi.fn(async () => 'done');
    await expect(retryOnConflict(step)).resolves.toBe('done');
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('runs the step again after a conflict', async () => {
    const step = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(conflict())
      .mockRejectedValueOnce(conflict())
      .mockResolvedValue('done');
    await expect(retryOnConflict(step)).resolves.toBe('done');
    expect(step).toHaveBeenCalledTimes(3);
  });

  it('gives up after a bounded number of attempts by default, with the conflict', async () => {
    const step = vi.fn(async () => {
      throw conflict();
    });
    await expect(retryOnConflict(step)).rejects.toMatchObject({ code: 'conflict' });
    // The default is a tuning knob; what matters is that it retries, and that it stops.
    expect(step.mock.calls.length).toBeGreaterThan(1);
  });

  it('honours a custom number of attempts', async () => {
    const step = vi.fn(async () => {
      throw conflict();
    });
    await expect(retryOnConflict(step, 2)).rejects.toMatchObject({ code: 'conflict' });
    expect(step).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['another domain error', () => new DomainError('forbidden', 'no')],
    ['an unknown error', () => new Error('boom')],
  ])('does not retry %s', async (_, make) => {
    const error = make();
    const step = vi.fn(async () => {
      throw error;
    });
    await expect(retryOnConflict(step)).rejects.toBe(error);
    expect(step).toHaveBeenCalledTimes(1);
  });
});
