import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/dto.js';
import { channelTabSettings, parseTabQuery } from '../../../src/tab/channelTab.js';

const ORIGIN = 'https://storywall.example.com';

describe('channelTabSettings', () => {
  it('saves the plain wall when no filter is chosen', () => {
    expect(channelTabSettings(ORIGIN, { category: '', team: '' }, 'Story Wall')).toEqual({
      entityId: 'story-wall',
      suggestedDisplayName: 'Story Wall',
      contentUrl: `${ORIGIN}/?context=channel`,
      websiteUrl: ORIGIN,
    });
  });

  it('puts the chosen category and team in the content URL, encoded', () => {
    const settings = channelTabSettings(
      ORIGIN,
      { category: 'care', team: '  Customer service & more ' },
      'Tarinaseinä',
    );
    expect(settings.suggestedDisplayName).toBe('Tarinaseinä');
    expect(settings.contentUrl).toBe(
      `${ORIGIN}/?context=channel&category=care&team=Customer+service+%26+more`,
    );
    expect(settings.websiteUrl).toBe(ORIGIN);
  });

  it('leaves out a team of only spaces', () => {
    const settings = channelTabSettings(
      ORIGIN,
      { category: 'teamwork', team: '   ' },
      'Story Wall',
    );
    expect(settings.contentUrl).toBe(`${ORIGIN}/?context=channel&category=teamwork`);
  });

  it('round-trips through the wall’s own parsing', () => {
    const filter = { category: 'quick-thinking', team: 'Venue services' } as const;
    const { contentUrl } = channelTabSettings(ORIGIN, filter, 'Story Wall');
    expect(parseTabQuery(new URL(contentUrl).search)).toEqual({ ...filter, channel: true });
  });
});

describe('parseTabQuery', () => {
  it('is no filter and no channel for an empty query', () => {
    expect(parseTabQuery('')).toEqual({ category: '', team: '', channel: false });
  });

  it('reads category, team and the channel context', () => {
    expect(parseTabQuery('?context=channel&category=care&team=Sales%20team')).toEqual({
      category: 'care',
      team: 'Sales team',
      channel: true,
    });
  });

  it('drops a category the tab does not know', () => {
    expect(parseTabQuery('?category=<script>').category).toBe('');
    expect(parseTabQuery('?category=CARE').category).toBe('');
  });

  it('trims the team and drops one the API would refuse as too long', () => {
    expect(parseTabQuery('?team=%20Logistics%20').team).toBe('Logistics');
    expect(parseTabQuery(`?team=${'x'.repeat(LIMITS.team.max + 1)}`).team).toBe('');
  });

  it('treats any other context as a plain wall', () => {
    expect(parseTabQuery('?context=personal').channel).toBe(false);
  });
});
