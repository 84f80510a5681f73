import { Button, DialogActions, Spinner, makeStyles, tokens } from '@fluentui/react-components';

export interface FormDialogActionsProps {
  cancelLabel: string;
  /** The submit button's text (while `busy`, e.g. "Sending…" if given as `busyLabel`). */
  submitLabel: string;
  busyLabel?: string;
  /** A request runs: both buttons wait, the submit button keeps focus (and so Esc and Tab). */
  busy: boolean;
  /** The form cannot be sent yet (e.g. a box not ticked); the button says so by being disabled. */
  blocked?: boolean;
  /** Why the last submit failed, said beside the button (and announced) until the next try. */
  error?: string | undefined;
  onCancel: () => void;
  /** `<prefix>-cancel`, `<prefix>-submit` and `<prefix>-error` name the parts for tests. */
  testIdPrefix: string;
}

const useStyles = makeStyles({
  // Takes the row's free space before the buttons, and wraps rather than pushing them out.
  error: {
    flexGrow: 1,
    alignSelf: 'center',
    minWidth: 0,
    overflowWrap: 'anywhere',
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

/**
 * The footer of every form in a dialog: Cancel, and the primary submit button with a spinner; a
 * failed submit's reason beside them, in a live region that is always there, so it is announced.
 */
export function FormDialogActions({
  cancelLabel,
  submitLabel,
  busyLabel,
  busy,
  blocked = false,
  error,
  onCancel,
  testIdPrefix,
}: FormDialogActionsProps) {
  const styles = useStyles();
  return (
    <DialogActions>
      <div role="alert" className={styles.error} data-testid={`${testIdPrefix}-error`}>
        {error}
      </div>
      <Button
        appearance="secondary"
        disabled={busy}
        onClick={onCancel}
        data-testid={`${testIdPrefix}-cancel`}
      >
        {cancelLabel}
      </Button>
      <Button
        appearance="primary"
        type="submit"
        disabled={blocked && !busy}
        disabledFocusable={busy}
        icon={busy ? <Spinner size="tiny" /> : null}
        data-testid={`${testIdPrefix}-submit`}
      >
        {busy && busyLabel ? busyLabel : submitLabel}
      </Button>
    </DialogActions>
  );
}
