import { Link, useRestoreFocusTarget } from '@fluentui/react-components';
import type { StoryDto } from '../../../shared/dto.js';

export interface StoryOpenLinkProps {
  story: StoryDto;
  /** The id of the story's title, which names what the link opens. */
  titleId: string;
  label: string;
  onOpen: (story: StoryDto) => void;
  /** Starts loading the story view before it is needed (pointer over or focus). */
  onPrepareOpen: () => void;
  'data-testid'?: string;
}

/**
 * A link to the story's own address (`?story=`), opened here in a dialog; closing the dialog
 * puts focus back on the link.
 */
export function StoryOpenLink({
  story,
  titleId,
  label,
  onOpen,
  onPrepareOpen,
  'data-testid': testId,
}: StoryOpenLinkProps) {
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Link
      {...restoreFocus}
      href={`/?story=${encodeURIComponent(story.id)}`}
      aria-describedby={titleId}
      onPointerEnter={onPrepareOpen}
      onFocus={onPrepareOpen}
      onClick={(event) => {
        event.preventDefault();
        onOpen(story);
      }}
      data-testid={testId}
    >
      {label}
    </Link>
  );
}
