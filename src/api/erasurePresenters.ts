import {
  ERASURE_KINDS,
  type Actor,
  type ErasureReceipt,
  type PersonalDataExport,
  type Story,
} from '../domain/index.js';
import type {
  ErasureEntryDto,
  ErasureKindDto,
  ErasureReceiptDto,
  PersonalDataExportDto,
  StorySummaryDto,
} from '../shared/dto.js';
import { presentDelegation, presentHistoryEvent, presentStory } from './presenters.js';

/** The receipt of an erasure as the API answers it. */
export function presentReceipt(receipt: ErasureReceipt): ErasureReceiptDto {
  const erased = Object.fromEntries(
    ERASURE_KINDS.map((kind): [ErasureKindDto, ErasureEntryDto] => [
      kind,
      { count: receipt.erased[kind].count, ids: [...receipt.erased[kind].ids] },
    ]),
  ) as Record<ErasureKindDto, ErasureEntryDto>;
  return {
    personId: receipt.personId,
    pseudonymId: receipt.pseudonymId,
    requestedBy: receipt.requestedBy,
    requestedAt: receipt.requestedAt.toISOString(),
    ...(receipt.completedAt ? { completedAt: receipt.completedAt.toISOString() } : {}),
    erased,
    legacySearch: { ...receipt.legacySearch },
  };
}

/**
 * What the app holds about a person, as JSON. Their own stories in full with their history; the
 * others only named (id, title, status), as they are other people's stories. Vote counts are left
 * out: they are not the person's data (and privacy mode hides them from most people).
 */
export function presentExport(data: PersonalDataExport, viewer: Actor): PersonalDataExportDto {
  const { profile } = data;
  return {
    personId: data.personId,
    exportedAt: data.exportedAt.toISOString(),
    profile: profile
      ? {
          id: profile.id,
          displayName: profile.displayName,
          ...(profile.email ? { email: profile.email } : {}),
          ...(profile.team ? { team: profile.team } : {}),
          ...(profile.locale ? { locale: profile.locale } : {}),
          roles: [...profile.roles],
        }
      : null,
    botConversation: data.botConversation,
    stories: data.stories.map(({ story, history }) => ({
      story: presentStory(story, { voteCount: false, viewer }),
      history: history.map(presentHistoryEvent),
    })),
    votes: data.votes.map(({ story, at }) => ({ story: summary(story), at: at.toISOString() })),
    learned: data.learned.map(({ story, at }) => ({ story: summary(story), at: at.toISOString() })),
    featuredIn: data.featuredIn.map(summary),
    routedTo: data.routedTo.map(summary),
    actedOn: data.actedOn.map(summary),
    delegations: data.delegations.map(presentDelegation),
    roleGrants: data.roleGrants.map((g) => ({ role: g.role, kind: g.kind, id: g.id })),
    legacySearch: { ...data.legacySearch },
  };
}

function summary(story: Story): StorySummaryDto {
  return {
    id: story.id,
    title: story.title,
    status: story.status,
    ...(story.publishedAt ? { publishedAt: story.publishedAt.toISOString() } : {}),
  };
}
