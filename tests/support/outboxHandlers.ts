import { OUTBOX_KINDS, type OutboxHandler, type OutboxKind } from '../../src/domain/index.js';

/** A relay's handler table with `handler` for every kind, but those `overrides` name. */
export function everyKind(
  handler: OutboxHandler,
  overrides: Partial<Record<OutboxKind, OutboxHandler>> = {},
): Readonly<Record<OutboxKind, OutboxHandler>> {
  const table = Object.fromEntries(
    (Object.keys(OUTBOX_KINDS) as OutboxKind[]).map((kind) => [kind, overrides[kind] ?? handler]),
  );
  return table as Record<OutboxKind, OutboxHandler>;
}

/** A relay's handler table made kind by kind. */
export function perKind(
  make: (kind: OutboxKind) => OutboxHandler,
): Readonly<Record<OutboxKind, OutboxHandler>> {
  const table = Object.fromEntries(
    (Object.keys(OUTBOX_KINDS) as OutboxKind[]).map((kind) => [kind, make(kind)]),
  );
  return table as Record<OutboxKind, OutboxHandler>;
}
