import { CATEGORIES, LIMITS, type CategoryId } from '../shared/dto.js';

/**
 * A channel tab is the wall with a default filter, kept in the content URL Teams loads:
 * `/?context=channel&category=care&team=Sales`. The configuration page writes that URL and the
 * wall reads it back, so both sides live here.
 */

/** What the wall takes from its own URL. */
export interface TabQuery {
  /** The category to start with; '' for all. */
  category: CategoryId | '';
  /** The team to start with; '' for any. */
  team: string;
  /** `?context=channel`: the wall is a channel tab and may keep its header compact. */
  channel: boolean;
}

/** The default filter chosen on the configuration page. */
export interface ChannelTabFilter {
  category: CategoryId | '';
  team: string;
}

/** What Teams stores for a channel tab; the shape of teams-js `pages.InstanceConfig`. */
export interface ChannelTabSettings {
  entityId: string;
  suggestedDisplayName: string;
  contentUrl: string;
  websiteUrl: string;
}

export const CHANNEL_TAB_ENTITY_ID = 'story-wall';

function toCategory(value: string | null): CategoryId | '' {
  return CATEGORIES.find((category) => category === value) ?? '';
}

function toTeam(value: string | null): string {
  const team = value?.trim() ?? '';
  // A team the API would refuse (too long) would only turn the wall into an error message.
  return team.length <= LIMITS.team.max ? team : '';
}

/** Reads the wall's starting filters from a query string; unknown or invalid values are dropped. */
export function parseTabQuery(search: string): TabQuery {
  const params = new URLSearchParams(search);
  return {
    category: toCategory(params.get('category')),
    team: toTeam(params.get('team')),
    channel: params.get('context') === 'channel',
  };
}

/**
 * The settings the configuration page saves: the wall at `origin` with the chosen filter in its
 * content URL (empty choices are left out), and the plain wall as the "open in browser" page.
 */
export function channelTabSettings(
  origin: string,
  filter: ChannelTabFilter,
  displayName: string,
): ChannelTabSettings {
  const params = new URLSearchParams({ context: 'channel' });
  const category = toCategory(filter.category);
  const team = toTeam(filter.team);
  if (category) params.set('category', category);
  if (team) params.set('team', team);
  return {
    entityId: CHANNEL_TAB_ENTITY_ID,
    suggestedDisplayName: displayName,
    contentUrl: `${origin}/?${params.toString()}`,
    websiteUrl: origin,
  };
}
