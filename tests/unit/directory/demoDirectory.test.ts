import { describe, expect, it } from 'vitest';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import { buildUser } from '../../support/factories.js';
import { fakeUsers } from '../../support/fakes.js';

const TENANT = 'tenant-1';
const OTHER_TENANT = 'tenant-2';

const anna = buildUser({
  tenantId: TENANT,
  id: 'anna',
  displayName: 'Anna Virtanen',
  email: 'anna.virtanen@contoso.fi',
  managerId: 'mikko',
  team: 'Sales',
  locale: 'fi',
});
const mikko = buildUser({ tenantId: TENANT, id: 'mikko', displayName: 'Mikko Manager' });
const pekka = buildUser({
  tenantId: TENANT,
  id: 'pekka',
  displayName: 'Pekka Virta',
  email: 'pv@contoso.fi',
  managerId: 'gone',
});
const stranger = buildUser({ tenantId: OTHER_TENANT, id: 'ville', displayName: 'Ville Virta' });

function directory() {
  return createDemoDirectory({
    users: fakeUsers([anna, mikko, pekka, stranger]),
    groups: { sales: ['anna', 'mikko', 'unknown', 'pekka'], empty: [] },
  });
}

describe('createDemoDirectory', () => {
  it('describes a person as the directory would: mail, locale and team as department', async () => {
    expect(await directory().person(TENANT, 'anna')).toEqual({
      id: 'anna',
      displayName: 'Anna Virtanen',
      mail: 'anna.virtanen@contoso.fi',
      locale: 'fi',
      department: 'Sales',
    });
    expect(await directory().person(TENANT, 'mikko')).toEqual({
      id: 'mikko',
      displayName: 'Mikko Manager',
    });
    expect(await directory().person(TENANT, 'nobody')).toBeNull();
    expect(await directory().person(TENANT, 'ville')).toBeNull();
  });

  it('finds a manager; null without one, or when the manager is not known', async () => {
    expect((await directory().manager(TENANT, 'anna'))?.id).toBe('mikko');
    expect(await directory().manager(TENANT, 'mikko')).toBeNull();
    expect(await directory().manager(TENANT, 'pekka')).toBeNull();
    expect(await directory().manager(TENANT, 'nobody')).toBeNull();
  });

  it('searches the start of any word of the name, or of the mail, ignoring case', async () => {
    const names = async (query: string, limit = 10) =>
      (await directory().search(TENANT, query, limit)).map((p) => p.displayName);
    expect(await names('VIRT')).toEqual(['Anna Virtanen', 'Pekka Virta']);
    expect(await names('anna v')).toEqual(['Anna Virtanen']);
    expect(await names('pv@')).toEqual(['Pekka Virta']);
    expect(await names('irta')).toEqual([]);
    expect(await names('virt', 1)).toEqual(['Anna Virtanen']);
  });

  it('reads the query as text, not as a pattern', async () => {
    for (const query of ['.*', '(a+)+$', '[', 'anna.virtanen@contoso.fi\\']) {
      expect(await directory().search(TENANT, query, 10)).toEqual([]);
    }
    expect((await directory().search(TENANT, 'anna.virtanen@', 10)).map((p) => p.id)).toEqual([
      'anna',
    ]);
  });

  it('finds nothing for a blank query or a limit under one', async () => {
    expect(await directory().search(TENANT, '   ', 10)).toEqual([]);
    expect(await directory().search(TENANT, 'anna', 0)).toEqual([]);
  });

  it('lists the known members of a group, at most `limit`', async () => {
    const ids = async (limit: number) =>
      (await directory().groupMembers(TENANT, 'sales', limit))?.map((p) => p.id);
    expect(await ids(10)).toEqual(['anna', 'mikko', 'pekka']);
    expect(await ids(2)).toEqual(['anna', 'mikko']);
    expect(await directory().groupMembers(TENANT, 'empty', 10)).toEqual([]);
  });

  it('answers null for a group it does not know, inherited object keys included', async () => {
    expect(await directory().groupMembers(TENANT, 'marketing', 10)).toBeNull();
    expect(await directory().groupMembers(TENANT, 'constructor', 10)).toBeNull();
    expect(await directory().groupMembers(TENANT, '__proto__', 10)).toBeNull();
  });
});
