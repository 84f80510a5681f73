import {
  Button,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';

const useStyles = makeStyles({
  value: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
});

export interface ShownOnceProps {
  /** What was made, in words ("Key “Feedback form” created. Copy it now: …"). */
  title: string;
  /** The secret itself, shown this once in a read-only field to select or copy. */
  value: string;
  /** The field's accessible name. */
  valueLabel: MessageKey;
  /** The copy button's text, and the notes after copying or failing to. */
  copy: MessageKey;
  copied: MessageKey;
  copyFailed: MessageKey;
  /** Test ids of the bar, the field and the copy button. */
  testIds: { bar: string; value: string; copy: string };
  /** Anything more under the field, e.g. how to use the secret. */
  children?: ReactNode;
}

/**
 * A secret the API shows only once (a new API key, a webhook's signing secret): a success bar
 * with the value in a read-only field and a button that copies it, telling whether that worked.
 */
export function ShownOnce(props: ShownOnceProps) {
  const styles = useStyles();
  const t = useT();
  const notify = useNotify();
  const copy = () =>
    void navigator.clipboard.writeText(props.value).then(
      () => notify({ title: t(props.copied), intent: 'success' }),
      () => notify({ title: t(props.copyFailed), intent: 'warning' }),
    );
  return (
    <MessageBar intent="success" layout="multiline" data-testid={props.testIds.bar}>
      <MessageBarBody>
        {props.title}
        <Input
          readOnly
          value={props.value}
          className={styles.value}
          aria-label={t(props.valueLabel)}
          data-testid={props.testIds.value}
        />
        {props.children}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={copy} data-testid={props.testIds.copy}>
          {t(props.copy)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
