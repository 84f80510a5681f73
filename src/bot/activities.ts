import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptiveCard.js';

/** A message activity carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
