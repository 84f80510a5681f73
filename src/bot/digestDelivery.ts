import type { DigestDelivery, UserDirectory } from '../domain/index.js';
import { cardMessage } from './activities.js';
import { monthlySummaryCard, weeklyDigestCard } from './cards/digestCards.js';
import { postToConversation, sendToPerson, type ProactiveDeps } from './proactive.js';

export interface DigestDeliveryDeps extends ProactiveDeps {
  /** Each lead's language, when they have used the app. */
  readonly users: UserDirectory;
}

/**
 * The digests as the bot sends them: the weekly digest card in the publication channel, in the
 * language of the admin who chose it; each monthly summary in the team lead's personal chat, in
 * their language (as the app knows them, else as the directory says, else English).
 */
export function createDigestDelivery(deps: DigestDeliveryDeps): DigestDelivery {
  return {
    async toChannel(channel, digest) {
      await postToConversation(
        deps,
        channel.reference,
        cardMessage(weeklyDigestCard(digest, channel.locale)),
      );
    },

    async toLead(tenantId, summary) {
      const { lead } = summary;
      const known = await deps.users.get(tenantId, lead.id);
      const locale = known?.locale ?? lead.locale ?? 'en';
      const delivery = await sendToPerson(
        deps,
        { tenantId, userId: lead.id, displayName: known?.displayName ?? lead.displayName },
        () => cardMessage(monthlySummaryCard(summary, locale)),
        // One of their team has likely talked to the bot: their chat's service URL is the
        // tenant's region's.
        summary.stories[0]?.authorId,
      );
      return delivery !== null;
    },
  };
}
