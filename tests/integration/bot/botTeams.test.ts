import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DEFAULT_SETTINGS, type User } from '../../../src/domain/index.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  activityFrom,
  cardAction,
  formData,
  invokeCard,
  useBotHarness,
  type CardJson,
} from './harness.js';

/**
 * The bot's story form offers the teams admins keep in Settings as a choice, and asks for the
 * team as text while there are none. Each card is the one the real bot answered over HTTP.
 */
const bot = useBotHarness('perTest');

const employee: User = demoUsers().find((u) => u.id === DEMO_USER_IDS.employee)!;

/** The input of `card` with `id`, show-cards and containers included. */
function inputOf(card: CardJson, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id) {
      found = record;
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

async function firstCardOf(user: User, text: string): Promise<CardJson> {
  const answer = await bot.post(activityFrom(bot, user, { text, deliveryMode: 'expectReplies' }));
  const [reply] = (answer.body as { activities?: RecordedActivity['body'][] }).activities ?? [];
  return (reply?.attachments?.[0]?.content ?? {}) as CardJson;
}

describe('the teams of the bot’s story form', () => {
  it('asks for the team as text while admins keep no list', async () => {
    const team = inputOf(await firstCardOf(employee, 'share a story'), 'team');
    expect(team).toMatchObject({ type: 'Input.Text', isRequired: true });
  });

  it('offers the admins’ list as a choice, in English and Finnish, and a chosen team is sent', async () => {
    const held = await bot.settings.getTenantSettings(employee.tenantId);
    await bot.settings.putTenantSettings(
      employee.tenantId,
      { ...(held?.value ?? DEFAULT_SETTINGS), teams: ['Venue services', 'Sales'] },
      held?.etag ?? null,
    );
    for (const [text, placeholder] of [
      ['share a story', 'Choose your team'],
      ['kerro tarina', 'Valitse tiimisi'],
    ] as const) {
      const team = inputOf(await firstCardOf(employee, text), 'team');
      expect(team).toMatchObject({
        type: 'Input.ChoiceSet',
        isRequired: true,
        placeholder,
        choices: [
          { title: 'Venue services', value: 'Venue services' },
          { title: 'Sales', value: 'Sales' },
        ],
      });
    }

    invokeCard(
      (await bot.post(cardAction(bot, employee, 'story.submit', formData({ team: 'Sales' })))).body,
    );
    expect(bot.store.stories.all().at(-1)?.team).toBe('Sales');
  });
});
