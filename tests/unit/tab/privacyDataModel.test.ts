import { beforeAll, describe, expect, it } from 'vitest';
import { ERASURE_KINDS, type ErasureReceiptDto } from '../../../src/shared/dto.js';
import { personName } from '../../../src/tab/format.js';
import {
  confirmsErasure,
  exportFileName,
  receiptRows,
} from '../../../src/tab/components/PrivacyData/privacyDataModel.js';
import type { Translate } from '../../../src/tab/hooks/useT.js';
import { translatorFor } from './translator.js';

/** Journey 12 in the tab: the erasure's confirmation and receipt, and "Download my data". */

const emma = { id: 'u-emma', displayName: 'Emma Employee' };

function receipt(counts: Partial<Record<(typeof ERASURE_KINDS)[number], string[]>>) {
  const erased = Object.fromEntries(
    ERASURE_KINDS.map((kind) => [
      kind,
      { count: counts[kind]?.length ?? 0, ids: counts[kind] ?? [] },
    ]),
  ) as ErasureReceiptDto['erased'];
  return {
    personId: emma.id,
    pseudonymId: 'erased-1',
    requestedBy: 'u-admin',
    requestedAt: '2026-11-02T09:00:00.000Z',
    erased,
    legacySearch: { scanned: 10, complete: true },
  } satisfies ErasureReceiptDto;
}

let en: Translate;
let fi: Translate;
beforeAll(async () => {
  en = await translatorFor('en');
  fi = await translatorFor('fi');
});

describe('confirmsErasure', () => {
  it('takes the chosen person’s name, whatever its case and surrounding spaces', () => {
    expect(confirmsErasure('Emma Employee', emma)).toBe(true);
    expect(confirmsErasure('  emma employee ', emma)).toBe(true);
  });

  it('refuses anything else, an empty text, or nobody chosen', () => {
    expect(confirmsErasure('Emma', emma)).toBe(false);
    expect(confirmsErasure('', emma)).toBe(false);
    expect(confirmsErasure('Emma Employee', undefined)).toBe(false);
    expect(confirmsErasure('', { id: 'x', displayName: '  ' })).toBe(false);
  });
});

describe('receiptRows', () => {
  it('lists the kinds with something erased, in the receipt’s order', () => {
    const rows = receiptRows(receipt({ votes: ['s3', 's6'], storiesDeleted: ['s1'], user: [] }));
    expect(rows).toEqual([
      { kind: 'storiesDeleted', count: 1, ids: ['s1'] },
      { kind: 'votes', count: 2, ids: ['s3', 's6'] },
    ]);
  });

  it('has a label in both languages for every kind', () => {
    for (const kind of ERASURE_KINDS) {
      for (const t of [en, fi]) {
        const label = t(`privacyData.receipt.kind.${kind}`);
        expect(label).not.toContain('privacyData');
        expect(label.length).toBeGreaterThan(3);
      }
    }
    expect(en('privacyData.receipt.kind.votes')).not.toBe(fi('privacyData.receipt.kind.votes'));
  });
});

describe('exportFileName', () => {
  it('names the day of the export', () => {
    expect(exportFileName('2026-11-02T09:00:00.000Z')).toBe('story-wall-my-data-2026-11-02.json');
    expect(exportFileName('garbage')).toBe('story-wall-my-data.json');
  });
});

describe('personName', () => {
  it('shows an erased person as a former colleague, in the reader’s language', () => {
    const erased = { id: 'erased-123', displayName: 'A former colleague' };
    expect(personName(erased, en)).toBe('A former colleague');
    expect(personName(erased, fi)).toBe('Entinen kollega');
    expect(personName(emma, fi)).toBe('Emma Employee');
  });
});
