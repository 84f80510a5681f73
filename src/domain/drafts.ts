import { DomainError } from './errors.js';
import type { StoryDeps } from './ports.js';
import type { FeaturedPerson, Story, StoryDraft } from './story.js';
import type { Actor, Locale } from './user.js';

/** The fields of a story that its author tells, as opposed to its workflow state. */
export type ToldFields = Pick<
  Story,
  | 'title'
  | 'situation'
  | 'action'
  | 'outcome'
  | 'lesson'
  | 'team'
  | 'category'
  | 'featured'
  | 'customerQuote'
  | 'sourceUrl'
  | 'accountName'
  | 'crmUrl'
  | 'consent'
  | 'locale'
>;

/**
 * A story as a surface read it — the API's body, the bot's form — checked for size and shape at
 * that edge (`storyInputSchema`).
 */
export type ToldInput = Omit<
  StoryDraft,
  'featured' | 'customerQuote' | 'sourceUrl' | 'accountName' | 'crmUrl' | 'locale'
> & {
  readonly featured: readonly string[];
  readonly customerQuote?: string | undefined;
  readonly sourceUrl?: string | undefined;
  readonly accountName?: string | undefined;
  readonly crmUrl?: string | undefined;
};

/**
 * The one way from any surface's input to a draft: optional texts left empty are left out, and
 * the story is in `locale` (what the body says, or the language the surface talks to its author
 * in).
 */
export function toStoryDraft(input: ToldInput, locale: Locale): StoryDraft {
  return {
    title: input.title,
    situation: input.situation,
    action: input.action,
    outcome: input.outcome,
    lesson: input.lesson,
    team: input.team,
    category: input.category,
    featured: input.featured,
    ...(input.customerQuote ? { customerQuote: input.customerQuote } : {}),
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
    ...(input.accountName ? { accountName: input.accountName } : {}),
    ...(input.crmUrl ? { crmUrl: input.crmUrl } : {}),
    consent: input.consent,
    locale,
  };
}

/**
 * Turns an author's draft into the told fields of a story. Shared by submitting and
 * resubmitting, so a story sent back for changes is checked exactly as a new one.
 */
export async function prepareDraft(
  deps: Pick<StoryDeps, 'users'>,
  actor: Actor,
  draft: StoryDraft,
): Promise<ToldFields> {
  if (draft.customerQuote && !draft.consent) {
    throw new DomainError('validation', 'A customer quote needs consent to publish it.', {
      field: 'consent',
    });
  }
  const featured = await resolveFeatured(deps, actor, draft.featured);
  return {
    title: draft.title,
    situation: draft.situation,
    action: draft.action,
    outcome: draft.outcome,
    lesson: draft.lesson,
    team: draft.team,
    category: draft.category,
    featured,
    ...(draft.customerQuote ? { customerQuote: draft.customerQuote } : {}),
    ...(draft.sourceUrl ? { sourceUrl: draft.sourceUrl } : {}),
    ...(draft.accountName ? { accountName: draft.accountName } : {}),
    ...(draft.crmUrl ? { crmUrl: draft.crmUrl } : {}),
    consent: draft.consent,
    locale: draft.locale,
  };
}

async function resolveFeatured(
  deps: Pick<StoryDeps, 'users'>,
  actor: Actor,
  ids: readonly string[],
): Promise<FeaturedPerson[]> {
  const unique = [...new Set(ids)];
  const people = await Promise.all(unique.map((id) => deps.users.get(actor.tenantId, id)));
  const unknown = unique.filter((_, i) => people[i] === null);
  if (unknown.length > 0) {
    throw new DomainError('validation', 'Some featured colleagues are unknown.', {
      field: 'featured',
      unknown,
    });
  }
  return people.flatMap((p) => (p ? [{ id: p.id, displayName: p.displayName }] : []));
}
