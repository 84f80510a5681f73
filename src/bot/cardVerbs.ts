/**
 * Every verb of the bot's card actions, by the name of what answers it: the one table of them.
 * Cards emit `CARD_VERBS.<name>`; the `Action.Execute` dispatcher (`cardActions.ts`) maps each
 * name to its handler, and the compiler holds that map to this table, so a verb cannot be
 * emitted without being answered. The verb strings are stored on cards already posted in Teams:
 * change one and those cards' buttons stop working.
 */
export const CARD_VERBS = {
  /** The help card's "Share a story": answered with the story form. */
  openForm: 'story.form',
  /** The form's submit. */
  submitStory: 'story.submit',
  /**
   * "Check my story": the form comes back with the story coach's reading and nothing is stored.
   * In a dialog, where `Action.Submit` has no verb, it is sent as `data.verb`.
   */
  checkStory: 'story.check',
  /** The submit of a story being edited: resubmits it (`data.storyId`). */
  resubmitStory: 'story.resubmit',
  /** The approver's decisions (`data.decision`). */
  decide: 'story.decide',
  /** Handing a pending story to another person. */
  reassign: 'story.reassign',
  /** What Teams sends when a card refreshes for a user (Universal Actions). */
  refresh: 'story.refresh',
  /** The decision notice's "Edit and resubmit": answered with the story form. */
  editStory: 'story.edit',
  /** The channel card's Vote. */
  vote: 'story.vote',
  /** The featured notice's "Remove my name". */
  removeFeatured: 'story.unfeature',
  /** The featured notice's "Confirm": a colleague asked agrees to be named. */
  confirmFeatured: 'story.confirmFeatured',
} as const;

/** The name of a card action, as the dispatcher knows it. */
export type CardVerbName = keyof typeof CARD_VERBS;
/** A verb as cards carry it. */
export type CardVerb = (typeof CARD_VERBS)[CardVerbName];

const NAME_OF_VERB: ReadonlyMap<string, CardVerbName> = new Map(
  (Object.keys(CARD_VERBS) as CardVerbName[]).map((name) => [CARD_VERBS[name], name]),
);

/**
 * The name of the action a card's verb asks for; null for any other value. The verb comes from
 * the client, so it is looked up in a map, never as a property (`__proto__`, `constructor`).
 */
export function cardVerbName(verb: unknown): CardVerbName | null {
  return typeof verb === 'string' ? (NAME_OF_VERB.get(verb) ?? null) : null;
}
