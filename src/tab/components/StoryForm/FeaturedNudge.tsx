import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

/** Suggestions shown at once; adding one brings the next in. */
const SHOWN = 3;

const useStyles = makeStyles({
  people: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

export interface FeaturedNudgeProps {
  /** Colleagues no published story names yet, in the order the API gives them. */
  people: readonly PersonDto[];
  /** The ids already chosen as featured: not suggested again. */
  chosen: readonly string[];
  /** The featured list is full: nothing more can be added. */
  full: boolean;
  onAdd: (person: PersonDto) => void;
  /** Where the keyboard goes once the nudge is gone (the featured picker's id). */
  returnFocusTo: string;
}

/**
 * A gentle nudge beside the featured picker: "Colleagues not yet featured" with a button per
 * colleague that adds them in one click, and a dismiss button. Shows nothing when there is no one
 * to suggest. Keyboard focus never falls to the page: after an add it moves to the next
 * suggestion, and when the nudge goes, to the picker.
 */
export function FeaturedNudge({ people, chosen, full, onAdd, returnFocusTo }: FeaturedNudgeProps) {
  const t = useT();
  const styles = useStyles();
  const titleId = useId();
  const [dismissed, setDismissed] = useState(false);
  const group = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const shown = dismissed ? [] : people.filter((p) => !chosen.includes(p.id)).slice(0, SHOWN);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    const next = group.current?.querySelector<HTMLButtonElement>('button:not([disabled])');
    (next ?? document.getElementById(returnFocusTo))?.focus();
  }, [shown.length, returnFocusTo]);

  if (shown.length === 0) return null;
  return (
    <div ref={group} role="group" aria-labelledby={titleId} data-testid="featured-nudge">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>{t('form.nudge.title')}</MessageBarTitle>
          {t('form.nudge.intro')}
          <div className={styles.people}>
            {shown.map((person) => (
              <Button
                key={person.id}
                size="small"
                icon={<AddRegular />}
                disabled={full}
                aria-label={t('form.nudge.add', { name: person.displayName })}
                onClick={() => {
                  moveFocus.current = true;
                  onAdd(person);
                }}
                data-testid="featured-nudge-add"
              >
                {person.displayName}
              </Button>
            ))}
          </div>
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              icon={<DismissRegular />}
              aria-label={t('form.nudge.dismiss')}
              onClick={() => {
                moveFocus.current = true;
                setDismissed(true);
              }}
              data-testid="featured-nudge-dismiss"
            />
          }
        />
      </MessageBar>
    </div>
  );
}
