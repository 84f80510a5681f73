import {
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  useToastController,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Notice } from '../../hooks/useNotify.js';

const TOASTER_ID = 'story-wall-toaster';

export interface QueuedNotice extends Notice {
  id: number;
}

export interface NotificationsProps {
  queue: QueuedNotice[];
  /** Called with the notices that have been shown, so the queue can drop them. */
  onShown: (ids: number[]) => void;
}

/** The Toaster and the hand-over of queued notices to it; a lazy chunk of its own. */
export function Notifications({ queue, onShown }: NotificationsProps) {
  const { dispatchToast } = useToastController(TOASTER_ID);

  useEffect(() => {
    if (queue.length === 0) return;
    for (const notice of queue) {
      dispatchToast(
        <Toast data-testid="toast">
          <ToastTitle>{notice.title}</ToastTitle>
          {notice.body ? <ToastBody>{notice.body}</ToastBody> : null}
        </Toast>,
        { intent: notice.intent },
      );
    }
    onShown(queue.map((notice) => notice.id));
  }, [queue, dispatchToast, onShown]);

  // At the top: an open dialog keeps its buttons at the bottom end, where a notice would cover
  // "Close" or "Save" and take the click meant for them; the top holds only the dialog's title.
  return <Toaster toasterId={TOASTER_ID} position="top" pauseOnHover />;
}
