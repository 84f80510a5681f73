import { describe, expect, it } from 'vitest';
import {
  TAB_VIEWS,
  collectionIdFor,
  collectionIdOfSubPage,
  collectionPath,
  pageFor,
  pathFor,
  teamsCollectionLink,
  viewFor,
} from '../../../src/tab/route.js';

describe('viewFor and pathFor', () => {
  it('give every view an address of its own', () => {
    expect(Object.fromEntries(TAB_VIEWS.map((view) => [view, pathFor(view)]))).toEqual({
      approvals: '/approvals',
      mine: '/my-stories',
      insights: '/insights',
      awards: '/awards',
      collections: '/collections',
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

  it('give each collection an address that opens the collections at it', () => {
    expect(collectionPath('c-1')).toBe('/collections/c-1');
    expect(viewFor('/collections/c-1')).toBe('collections');
    expect(collectionIdFor('/collections/c-1/')).toBe('c-1');
    expect(collectionIdFor('/collections')).toBeUndefined();
    expect(collectionIdFor('/collections/a%2Fb')).toBeUndefined();
    expect(collectionIdFor('/collections/c-1/print')).toBeUndefined();
    expect(viewFor('/collections/c-1/print')).toBeUndefined();
  });

  it('read a collection from a Teams deep link, never a story id', () => {
    expect(collectionIdOfSubPage('collection:c-1')).toBe('c-1');
    expect(collectionIdOfSubPage('c-1')).toBeUndefined();
    expect(collectionIdOfSubPage('collection:a/b')).toBeUndefined();
    const link = new URL(teamsCollectionLink('app-1', 'wall', 'c-1'));
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/entity/app-1/wall');
    expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({
      subEntityId: 'collection:c-1',
    });
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
