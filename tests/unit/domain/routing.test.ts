import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, chooseApprover, type User } from '../../../src/domain/index.js';
import { buildUser } from '../../support/factories.js';

const ids = DEMO_USER_IDS;

function routeFor(authorId: string, people: readonly User[]): string {
  const author = people.find((p) => p.id === authorId) ?? null;
  return chooseApprover(author, authorId, people);
}

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('chooseApprover', () => {
  it("routes to the author's manager", () => {
    expect(routeFor(ids.employee, demoUsers())).toBe(ids.manager);
  });

  it('routes to the manager even when the manager has no approver role', () => {
    const people = [
      buildUser({ id: 'author', managerId: 'boss' }),
      buildUser({ id: 'boss', roles: ['employee'] }),
      buildUser({ id: 'approver', roles: ['approver'] }),
    ];
    expect(routeFor('author', people)).toBe('boss');
  });

  it('routes an author without a manager to an approver', () => {
    const people = [
      buildUser({ id: 'author' }),
      buildUser({ id: 'admin', roles: ['admin'] }),
      buildUser({ id: 'approver', roles: ['employee', 'approver'] }),
    ];
    expect(routeFor('author', people)).toBe('approver');
  });

  it('routes an author unknown to the directory to an approver', () => {
    const people = [buildUser({ id: 'approver', roles: ['approver'] })];
    expect(chooseApprover(null, 'stranger', people)).toBe('approver');
  });

  it('falls back to an admin when the tenant has no approver', () => {
    const people = [
      buildUser({ id: 'author' }),
      buildUser({ id: 'editor', roles: ['editor'] }),
      buildUser({ id: 'admin', roles: ['admin'] }),
    ];
    expect(routeFor('author', people)).toBe('admin');
  });

  it('never routes to the author when the author is the only approver', () => {
    const people = [
      buildUser({ id: 'author', roles: ['approver'] }),
      buildUser({ id: 'approver-2', roles: ['approver'] }),
    ];
    expect(routeFor('author', people)).toBe('approver-2');
  });

  it('falls to an admin when the author is the only approver', () => {
    // In the demo tenant the manager is the only approver and has no manager of their own.
    expect(routeFor(ids.manager, demoUsers())).toBe(ids.admin);
  });

  it('ignores a manager id that names the author', () => {
    const people = [
      buildUser({ id: 'author', managerId: 'author', roles: ['approver'] }),
      buildUser({ id: 'other', roles: ['approver'] }),
    ];
    expect(routeFor('author', people)).toBe('other');
  });

  it('fails with no_approver when nobody else can decide', () => {
    const people = [
      buildUser({ id: 'author', roles: ['approver', 'admin'] }),
      buildUser({ id: 'colleague', roles: ['employee', 'editor'] }),
    ];
    const error = errorOf(() => routeFor('author', people));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'no_approver' });
  });

  it('fails with no_approver for an empty directory', () => {
    expect(errorOf(() => chooseApprover(null, 'author', []))).toMatchObject({
      code: 'no_approver',
    });
  });

  it('chooses the same approver whatever the order of the directory', () => {
    const people = [
      buildUser({ id: 'author' }),
      buildUser({ id: 'c-approver', roles: ['approver'] }),
      buildUser({ id: 'a-approver', roles: ['approver'] }),
      buildUser({ id: 'b-approver', roles: ['approver'] }),
    ];
    const choices = [
      people,
      [...people].reverse(),
      [people[2]!, people[0]!, people[3]!, people[1]!],
    ].map((order) => routeFor('author', order));
    expect(new Set(choices).size).toBe(1);
    expect(choices[0]).toBe('a-approver');
  });
});
