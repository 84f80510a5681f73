/**
 * Minimal types and helpers for Adaptive Card JSON. The cards are plain data (type aliases, so
 * they fit botbuilder's `Record<string, unknown>` attachment and invoke-response fields).
 */

/** Any card element or action: a `type` plus its properties. */
export type CardElement = { readonly type: string } & Readonly<Record<string, unknown>>;

/** An Adaptive Card 1.5, the version Universal Actions (`Action.Execute`) need. */
export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly refresh?: {
    readonly action: CardElement;
    readonly userIds: readonly string[];
  };
  readonly msteams?: { readonly width: 'Full' };
};

/** The MIME type of an Adaptive Card attachment and invoke response. */
export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Builds a top-level card. */
export function adaptiveCard(
  body: readonly CardElement[],
  extra: Pick<AdaptiveCard, 'actions' | 'refresh'> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(extra.actions && extra.actions.length > 0 ? { actions: extra.actions } : {}),
    ...(extra.refresh ? { refresh: extra.refresh } : {}),
    msteams: { width: 'Full' },
  };
}

/** A wrapping TextBlock; `text` is markdown and must already be escaped where it is user text. */
export function textBlock(
  text: string,
  options: Readonly<Record<string, unknown>> = {},
): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A card's heading. */
export function heading(text: string): CardElement {
  return textBlock(text, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

/** A warning line, for validation and error notices. */
export function notice(text: string): CardElement {
  return textBlock(text, { color: 'Attention', weight: 'Bolder' });
}
