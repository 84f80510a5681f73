import type { ErasureReceipt } from '../erasurePorts.js';
import type { RoleGrant } from '../policy.js';
import type { AuditEvent, Delegation } from '../ports.js';
import type { Story } from '../story.js';
import type { Actor, User } from '../user.js';
import { gatherCandidates, requireSelfOrAdmin, type ErasureDeps } from './erasure.js';

/** One of the person's own stories, in full, with its whole history in the order it happened. */
export interface ExportedStory {
  readonly story: Story;
  readonly history: readonly AuditEvent[];
}

/** A vote the person cast (or an "I learned from this" they gave), and when. */
export interface ExportedVote {
  readonly story: Story;
  readonly at: Date;
}

/**
 * What the app holds about a person (GDPR article 15): who they are to the app, the stories they
 * told (in full, with history), their votes and what they learned from, the stories that feature them, were routed to them
 * or that they acted on, their delegations and the roles granted to them.
 */
export interface PersonalDataExport {
  readonly personId: string;
  readonly exportedAt: Date;
  /** Their row among the known people; null when the app does not know them (or erased them). */
  readonly profile: User | null;
  /** Whether the bot keeps a conversation with them (the reference itself is technical). */
  readonly botConversation: boolean;
  readonly stories: readonly ExportedStory[];
  readonly votes: readonly ExportedVote[];
  /** The stories they said they learned from ("I learned from this"). */
  readonly learned: readonly ExportedVote[];
  readonly featuredIn: readonly Story[];
  /** Stories routed to them for a decision. */
  readonly routedTo: readonly Story[];
  /** Stories whose history names them as the one who acted (beyond their own stories). */
  readonly actedOn: readonly Story[];
  /** Their own delegation, and those naming them as delegate. */
  readonly delegations: readonly Delegation[];
  /** Grants to them in Settings (grants to a group they are in are the group's). */
  readonly roleGrants: readonly RoleGrant[];
  /** See `ErasureReceipt.legacySearch`. */
  readonly legacySearch: ErasureReceipt['legacySearch'];
}

/**
 * Everything the app holds about `personId` (the actor themselves; admins anyone), read with the
 * same keyed reads as erasure (their list, their index, their queue) plus the bounded query for
 * data from before the index. After an erasure it is empty.
 */
export async function exportPersonalData(
  deps: ErasureDeps,
  actor: Actor,
  personId: string,
): Promise<PersonalDataExport> {
  requireSelfOrAdmin(actor, personId, 'export');
  const { tenantId } = actor;
  const candidates = await gatherCandidates(deps, tenantId, personId);
  const read = async (storyId: string) =>
    (await deps.stories.get({ tenantId, storyId }))?.value ?? null;

  const stories: ExportedStory[] = [];
  for (const storyId of candidates.authored) {
    const story = await read(storyId);
    if (!story || story.authorId !== personId) continue;
    stories.push({ story, history: await deps.stories.audit({ tenantId, storyId }) });
  }
  const votes: ExportedVote[] = [];
  const learned: ExportedVote[] = [];
  const featuredIn: Story[] = [];
  const routedTo: Story[] = [];
  const actedOn: Story[] = [];
  for (const storyId of candidates.others) {
    const ref = { tenantId, storyId };
    const story = await read(storyId);
    if (!story) continue;
    const vote = candidates.voted.has(storyId)
      ? await deps.stories.reactionOf(ref, 'vote', personId)
      : null;
    if (vote) votes.push({ story, at: vote.at });
    const learnt = candidates.learned.has(storyId)
      ? await deps.stories.reactionOf(ref, 'learned', personId)
      : null;
    if (learnt) learned.push({ story, at: learnt.at });
    if (story.featured.some((p) => p.id === personId)) featuredIn.push(story);
    if (story.approval.asked.includes(personId)) routedTo.push(story);
    const history = await deps.stories.audit(ref);
    if (history.some((event) => event.actorId === personId)) actedOn.push(story);
  }

  const [profile, conversation, own, all, settings] = await Promise.all([
    deps.users.get(tenantId, personId),
    deps.conversations.get(tenantId, personId),
    deps.delegations.get(tenantId, personId),
    deps.delegations.list(tenantId),
    deps.settings.getTenantSettings(tenantId),
  ]);
  const delegations = [
    ...(own ? [own] : []),
    ...all.filter((d) => d.userId !== personId && d.delegateId === personId),
  ];
  return {
    personId,
    exportedAt: deps.clock.now(),
    profile,
    botConversation: conversation !== null,
    stories,
    votes,
    learned,
    featuredIn,
    routedTo,
    actedOn,
    delegations,
    roleGrants: (settings?.value.roles ?? []).filter(
      (grant) => grant.kind === 'person' && grant.id === personId,
    ),
    legacySearch: candidates.legacySearch,
  };
}
