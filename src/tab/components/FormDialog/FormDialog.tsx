import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { FormDialogActions } from '../FormDialogActions/FormDialogActions.js';

export interface FormDialogProps {
  title: string;
  /** The dialog's surface, for tests; the footer's parts are named by `testIdPrefix`. */
  testId: string;
  testIdPrefix: string;
  contentClassName?: string;
  /** The form's submit (Enter or the submit button); it calls `preventDefault` itself. */
  onSubmit: (event: FormEvent) => void;
  /** Cancel, Esc or a click outside; ignored while `busy`. */
  onClose: () => void;
  busy: boolean;
  cancelLabel: string;
  submitLabel: string;
  /** Why the last submit failed, said beside the buttons. */
  error: string | undefined;
  children: ReactNode;
}

/**
 * A short form in a modal dialog (report a story, correct it, reassign its approval): title, the
 * fields, and the shared footer. The form checks its fields itself (`noValidate`), and the dialog
 * stays open while its request runs.
 */
export function FormDialog(props: FormDialogProps) {
  const { busy, onClose } = props;
  return (
    <Dialog open onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface data-testid={props.testId}>
        <form onSubmit={props.onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={props.contentClassName}>{props.children}</DialogContent>
            <FormDialogActions
              cancelLabel={props.cancelLabel}
              submitLabel={props.submitLabel}
              busy={busy}
              onCancel={onClose}
              error={props.error}
              testIdPrefix={props.testIdPrefix}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
