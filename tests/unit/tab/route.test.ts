import { describe, expect, it } from 'vitest';
import { pageFor } from '../../../src/tab/route.js';

describe('pageFor', () => {
  it('shows the configuration page at /config, with or without a trailing slash', () => {
    expect(pageFor('/config')).toBe('config');
    expect(pageFor('/config/')).toBe('config');
  });

  it('shows the wall anywhere else', () => {
    expect(pageFor('/')).toBe('wall');
    expect(pageFor('/stories/42')).toBe('wall');
    expect(pageFor('/configuration')).toBe('wall');
  });
});
