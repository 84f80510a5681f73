import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** While the confirmed action runs: the buttons wait and the dialog stays open. */
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** On the surface; the buttons get `-confirm` and `-cancel` after it. */
  testId: string;
}

/**
 * "Are you sure?" before an action that cannot be undone. An alert dialog: Escape and the cancel
 * button close it, a click outside does not.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => (data.open || busy ? undefined : onCancel())}
    >
      <DialogSurface data-testid={testId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              disabled={busy}
              onClick={onCancel}
              data-testid={`${testId}-cancel`}
            >
              {cancelLabel}
            </Button>
            <Button
              appearance="primary"
              disabled={busy}
              icon={busy ? <Spinner size="tiny" /> : null}
              onClick={onConfirm}
              data-testid={`${testId}-confirm`}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
