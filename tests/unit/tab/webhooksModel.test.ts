import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../../src/shared/dto.js';
import {
  DELIVERY_BADGES,
  EVENT_LABELS,
  canSendAgain,
} from '../../../src/tab/components/Webhooks/webhooksModel.js';
import { translatorFor } from './translator.js';

describe('webhooks in the tab', () => {
  it('names every event, each differently, in both languages', async () => {
    for (const language of ['en', 'fi'] as const) {
      const t = await translatorFor(language);
      const names = WEBHOOK_EVENTS.map((event) => t(EVENT_LABELS[event]));
      // A missing key would come back as the key itself.
      expect(names.every((name) => !name.startsWith('webhooks.'))).toBe(true);
      expect(new Set(names).size).toBe(WEBHOOK_EVENTS.length);
    }
  });

  it('names every delivery status', async () => {
    const t = await translatorFor('fi');
    expect(Object.values(DELIVERY_BADGES).map((badge) => t(badge.label))).toEqual([
      'Odottaa',
      'Toimitettu',
      'Epäonnistui',
      'Torjuttu',
      'Ohitettu',
    ]);
  });

  it('sends again any delivery but one still being tried', () => {
    expect(canSendAgain({ status: 'pending' })).toBe(false);
    for (const status of ['delivered', 'failed', 'refused', 'skipped'] as const) {
      expect(canSendAgain({ status })).toBe(true);
    }
  });
});
