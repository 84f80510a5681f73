import { describe, expect, it } from 'vitest';
import { TAB_VIEWS, pageFor, pathFor, viewFor } from '../../../src/tab/route.js';

describe('viewFor and pathFor', () => {
  it('give every view an address of its own', () => {
    expect(Object.fromEntries(TAB_VIEWS.map((view) => [view, pathFor(view)]))).toEqual({
      approvals: '/approvals',
      mine: '/my-stories',
      insights: '/insights',
      awards: '/awards',
      hallOfFame: '/hall-of-fame',
      settings: '/settings',
      moderation: '/moderation',
    });
  });

  it('open from its address the view that wrote it', () => {
    for (const view of TAB_VIEWS) {
      expect(viewFor(pathFor(view)), view).toBe(view);
    }
  });

  it('go back to the wall at / when no view is open', () => {
    expect(pathFor(undefined)).toBe('/');
    expect(viewFor('/')).toBeUndefined();
    expect(viewFor(pathFor(undefined))).toBeUndefined();
  });

  it('open a view with one or more trailing slashes', () => {
    expect(viewFor('/settings/')).toBe('settings');
    expect(viewFor('/my-stories//')).toBe('mine');
  });

  it('open no view for unknown or nearly right paths', () => {
    for (const path of [
      '',
      '//',
      '/mine',
      '/Settings',
      '/settings/roles',
      '/api/settings',
      '/approvals.html',
      '/stories/42',
      'settings',
      '/config',
    ]) {
      expect(viewFor(path), path).toBeUndefined();
    }
  });

  it('keep every view on the wall page', () => {
    for (const view of TAB_VIEWS) {
      expect(pageFor(pathFor(view)), view).toBe('wall');
    }
  });
});
