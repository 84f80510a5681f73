import { Button, DialogActions, Spinner } from '@fluentui/react-components';

export interface FormDialogActionsProps {
  cancelLabel: string;
  /** The submit button's text (while `busy`, e.g. "Sending…" if given as `busyLabel`). */
  submitLabel: string;
  busyLabel?: string;
  /** A request runs: both buttons wait, the submit button keeps focus (and so Esc and Tab). */
  busy: boolean;
  /** The form cannot be sent yet (e.g. a box not ticked); the button says so by being disabled. */
  blocked?: boolean;
  onCancel: () => void;
  /** `<prefix>-cancel` and `<prefix>-submit` name the buttons for tests. */
  testIdPrefix: string;
}

/** The footer of every form in a dialog: Cancel, and the primary submit button with a spinner. */
export function FormDialogActions({
  cancelLabel,
  submitLabel,
  busyLabel,
  busy,
  blocked = false,
  onCancel,
  testIdPrefix,
}: FormDialogActionsProps) {
  return (
    <DialogActions>
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
