import type { Directory, DirectoryPerson, User, UserDirectory } from '../domain/index.js';

export interface DemoDirectoryOptions {
  /** The people known to the app; in local mode, the seeded demo people. */
  readonly users: UserDirectory;
  /** Group id → the user ids of its members. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
}

/**
 * The directory of local mode, read from the app's own people: no Entra tenant, no Graph. It
 * answers as Graph would (a person's manager, name and mail prefixes, group members) so that the
 * features built on the directory work in a demo.
 */
export function createDemoDirectory(options: DemoDirectoryOptions): Directory {
  const { users, groups } = options;

  async function person(tenantId: string, userId: string): Promise<DirectoryPerson | null> {
    const user = await users.get(tenantId, userId);
    return user ? toPerson(user) : null;
  }

  return {
    person,

    async manager(tenantId, userId) {
      const user = await users.get(tenantId, userId);
      return user?.managerId ? person(tenantId, user.managerId) : null;
    },

    async search(tenantId, query, limit) {
      // Plain string operations on the user's text: nothing in it is read as a pattern.
      const prefix = query.trim().toLowerCase();
      if (prefix === '' || !(limit >= 1)) return [];
      const everyone = await users.list(tenantId);
      return everyone
        .filter((user) => matches(user, prefix))
        .map(toPerson)
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .slice(0, Math.floor(limit));
    },

    async groupMembers(tenantId, groupId, limit) {
      // `hasOwn`, so that a group id such as `constructor` is unknown rather than a function.
      if (!Object.hasOwn(groups, groupId)) return null;
      const memberIds = groups[groupId] ?? [];
      const members = await Promise.all(memberIds.map((id) => person(tenantId, id)));
      return members
        .filter((member): member is DirectoryPerson => member !== null)
        .slice(0, Math.max(0, Math.floor(limit)));
    },
  };
}

/** The query starts the whole name, one of its words, or the mail address. */
function matches(user: User, prefix: string): boolean {
  const name = user.displayName.toLowerCase();
  return (
    name.startsWith(prefix) ||
    name.split(' ').some((word) => word.startsWith(prefix)) ||
    (user.email?.toLowerCase().startsWith(prefix) ?? false)
  );
}

function toPerson(user: User): DirectoryPerson {
  return {
    id: user.id,
    displayName: user.displayName,
    ...(user.email ? { mail: user.email } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    ...(user.team ? { department: user.team } : {}),
  };
}
