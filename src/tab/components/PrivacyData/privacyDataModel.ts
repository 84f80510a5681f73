import {
  ERASURE_KINDS,
  type ErasureKindDto,
  type ErasureReceiptDto,
  type PersonDto,
} from '../../../shared/dto.js';

/**
 * The typed confirmation of an erasure: the person's name as shown, ignoring case and the spaces
 * around it. Nothing typed, or nobody chosen, confirms nothing.
 */
export function confirmsErasure(typed: string, person: PersonDto | undefined): boolean {
  const name = person?.displayName.trim().toLocaleLowerCase() ?? '';
  return name !== '' && typed.trim().toLocaleLowerCase() === name;
}

/** One line of a receipt: a kind the erasure found something of. */
export interface ReceiptRow {
  readonly kind: ErasureKindDto;
  readonly count: number;
  /** Story ids, months or roles; empty where there is nothing to name (their profile). */
  readonly ids: readonly string[];
}

/** The kinds of a receipt with something erased, in the receipt's order. */
export function receiptRows(receipt: ErasureReceiptDto): ReceiptRow[] {
  return ERASURE_KINDS.flatMap((kind) => {
    const entry = receipt.erased[kind];
    return entry.count > 0 ? [{ kind, count: entry.count, ids: [...entry.ids] }] : [];
  });
}

/** The file "Download my data" saves: `story-wall-my-data-2026-11-02.json`. */
export function exportFileName(exportedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0];
  return day ? `story-wall-my-data-${day}.json` : 'story-wall-my-data.json';
}
