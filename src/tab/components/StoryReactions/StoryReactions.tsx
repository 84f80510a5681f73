import { Button, Caption1, Spinner, Text, mergeClasses, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyReactionDto, StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';
import { useStoryReactionsStyles } from './StoryReactions.styles.js';

export interface StoryReactionsProps {
  story: StoryDto;
  /** The reader's own reactions as the API told them (after a reload); unknown until then. */
  mine?: Pick<MyReactionDto, 'voted' | 'learned'> | undefined;
  /** The id of the story's title, which names the buttons when no count does. */
  titleId: string;
  /** Called with the story the API returns after a reaction is given or taken back. */
  onChange: (story: StoryDto) => void;
}

type Kind = 'vote' | 'learned';
type Message =
  | 'story.thanks'
  | 'story.learnedThanks'
  | 'story.voteTakenBack'
  | 'story.learnedTakenBack'
  | ErrorKey;

/**
 * The reader's vote and "I learned from this" on one story, with their counts (none when privacy
 * mode hides them): each button gives the reaction, or takes it back once given. Used on the
 * wall's card and in the story's detail alike.
 */
export function StoryReactions({ story, mine, titleId, onChange }: StoryReactionsProps) {
  const styles = useStoryReactionsStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const hintId = useId('reactions-hint');
  const voteId = useId('vote');
  const learnedId = useId('learned');
  // What this reader did here wins over what the API said at load.
  const [given, setGiven] = useState<Partial<Record<Kind, boolean>>>({});
  const [busy, setBusy] = useState<Kind | undefined>();
  const [message, setMessage] = useState<{ key: Message; failed: boolean } | undefined>();
  // A new answer of the API (the wall reloaded) replaces what was done here before it.
  const [seen, setSeen] = useState(mine);
  if (seen !== mine) {
    setSeen(mine);
    setGiven({});
  }

  const voted = given.vote ?? mine?.voted ?? false;
  const learned = given.learned ?? mine?.learned ?? false;
  const own =
    me !== undefined &&
    (story.author.id === me.id || story.featured.some((person) => person.id === me.id));
  const votes =
    story.voteCount === undefined ? undefined : t('story.votes', { count: story.voteCount });
  const learnedCount =
    story.learnedCount === undefined
      ? undefined
      : t('story.learnedCount', { count: story.learnedCount });

  async function toggle(kind: Kind, on: boolean) {
    setBusy(kind);
    try {
      const changed =
        kind === 'vote'
          ? await (on ? api.unvote(story.id) : api.vote(story.id))
          : await (on ? api.unlearned(story.id) : api.learned(story.id));
      onChange(changed);
      setGiven((current) => ({ ...current, [kind]: !on }));
      setMessage({
        key:
          kind === 'vote'
            ? on
              ? 'story.voteTakenBack'
              : 'story.thanks'
            : on
              ? 'story.learnedTakenBack'
              : 'story.learnedThanks',
        failed: false,
      });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      // The state the API reports wins: given already, or taken back already.
      if (code === 'already_voted' || code === 'already_reacted') {
        setGiven((current) => ({ ...current, [kind]: true }));
      } else if (code === 'not_voted' || code === 'not_reacted') {
        setGiven((current) => ({ ...current, [kind]: false }));
      }
      const known = ['already_voted', 'already_reacted', 'not_voted', 'not_reacted'];
      setMessage({ key: errorKey(error), failed: code === undefined || !known.includes(code) });
    } finally {
      setBusy(undefined);
    }
  }

  const hint = message ? t(message.key) : own ? t('story.ownStory') : '';
  const button = (kind: Kind, on: boolean, id: string, label: string, count?: string) => (
    <Button
      appearance={on ? 'primary' : 'secondary'}
      size="small"
      aria-pressed={on}
      disabledFocusable={own}
      disabled={busy !== undefined || me === undefined}
      id={id}
      {...(count === undefined
        ? { 'aria-labelledby': `${id} ${titleId}` }
        : {
            // The name starts with the visible text ("Voted", "I learned from this"), so speech
            // input users can say what they see (WCAG 2.5.3).
            'aria-label': t('story.reactionLabel', { label, title: story.title, votes: count }),
          })}
      aria-describedby={hint ? hintId : undefined}
      icon={busy === kind ? <Spinner size="extra-tiny" /> : null}
      onClick={() => void toggle(kind, on)}
      data-testid={kind === 'vote' ? 'story-vote' : 'story-learned'}
    >
      {label}
    </Button>
  );

  return (
    <div className={styles.root} data-testid="story-reactions">
      {button('vote', voted, voteId, voted ? t('story.voted') : t('story.vote'), votes)}
      {votes === undefined ? null : (
        <Text size={200} className={styles.count} aria-hidden data-testid="story-votes">
          {votes}
        </Text>
      )}
      {button(
        'learned',
        learned,
        learnedId,
        learned ? t('story.learnedGiven') : t('story.learn'),
        learnedCount,
      )}
      {learnedCount === undefined ? null : (
        <Text size={200} className={styles.count} aria-hidden data-testid="story-learned-count">
          {learnedCount}
        </Text>
      )}
      {hint ? (
        <Caption1
          id={hintId}
          role={own && !message ? undefined : 'status'}
          className={mergeClasses(styles.message, message?.failed && styles.error)}
          data-testid="story-vote-message"
        >
          {hint}
        </Caption1>
      ) : null}
    </div>
  );
}
