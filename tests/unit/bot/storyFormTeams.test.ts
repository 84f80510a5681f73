import { describe, expect, it } from 'vitest';
import { storyFormCard } from '../../../src/bot/cards/storyFormCard.js';

function teamInput(card: unknown): Record<string, unknown> | undefined {
  const body = (card as { body: Record<string, unknown>[] }).body;
  return body.find((element) => element.id === 'team');
}

describe('the story form card’s team', () => {
  it('is typed without a list, chosen from the list with one', () => {
    expect(teamInput(storyFormCard({ people: [] }, 'en'))?.type).toBe('Input.Text');
    expect(teamInput(storyFormCard({ people: [], teams: [] }, 'en'))?.type).toBe('Input.Text');
    expect(teamInput(storyFormCard({ people: [], teams: ['Sales'] }, 'fi'))).toMatchObject({
      type: 'Input.ChoiceSet',
      placeholder: 'Valitse tiimisi',
      choices: [{ title: 'Sales', value: 'Sales' }],
    });
  });

  it('keeps a team the story already names that is not on the list, chosen', () => {
    const card = storyFormCard(
      { people: [], teams: ['Sales'], values: { team: 'Old team' } },
      'en',
    );
    expect(teamInput(card)).toMatchObject({
      value: 'Old team',
      choices: [
        { title: 'Old team', value: 'Old team' },
        { title: 'Sales', value: 'Sales' },
      ],
    });
  });
});
