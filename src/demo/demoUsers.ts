import type { User } from '../domain/index.js';

/** The tenant local mode runs as; not a real Entra tenant. */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-000000000001';

/** Fixed ids, so the tab's user switcher, the tests and the docs can name them. */
export const DEMO_USER_IDS = {
  employee: '00000000-0000-4000-8000-000000000101',
  manager: '00000000-0000-4000-8000-000000000102',
  editor: '00000000-0000-4000-8000-000000000103',
  admin: '00000000-0000-4000-8000-000000000104',
  driver: '00000000-0000-4000-8000-000000000111',
  service: '00000000-0000-4000-8000-000000000112',
  cloakroom: '00000000-0000-4000-8000-000000000113',
} as const;

const ids = DEMO_USER_IDS;

/** The demo people of local mode: one per role, and the colleagues the demo stories feature. */
export function demoUsers(tenantId: string = DEMO_TENANT_ID): User[] {
  return [
    {
      tenantId,
      id: ids.employee,
      displayName: 'Emma Employee',
      roles: ['employee'],
      managerId: ids.manager,
      team: 'Customer service',
      locale: 'en',
    },
    {
      tenantId,
      id: ids.manager,
      displayName: 'Mikko Manager',
      roles: ['employee', 'approver'],
      team: 'Customer service',
      locale: 'fi',
    },
    {
      tenantId,
      id: ids.editor,
      displayName: 'Eeva Editor',
      roles: ['employee', 'editor'],
      managerId: ids.manager,
      team: 'Customer experience',
      locale: 'fi',
    },
    {
      tenantId,
      id: ids.admin,
      displayName: 'Aaron Admin',
      roles: ['employee', 'admin'],
      team: 'IT',
      locale: 'en',
    },
    {
      tenantId,
      id: ids.driver,
      displayName: 'Tomi Kuljettaja',
      roles: ['employee'],
      managerId: ids.manager,
      team: 'Logistics',
      locale: 'fi',
    },
    {
      tenantId,
      id: ids.service,
      displayName: 'Niklas Palvelu',
      roles: ['employee'],
      managerId: ids.manager,
      team: 'Customer service',
      locale: 'fi',
    },
    {
      tenantId,
      id: ids.cloakroom,
      displayName: 'Anna Naulakko',
      roles: ['employee'],
      managerId: ids.manager,
      team: 'Venue services',
      locale: 'fi',
    },
  ];
}

/** The demo directory's groups, so a policy or a role can name a group in local mode. */
export const DEMO_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'demo-cx-team': [ids.editor, ids.admin],
  'demo-managers': [ids.manager],
};
