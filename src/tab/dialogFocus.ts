/** A dialog's surface as Fluent renders it: a modal or non-modal dialog, or an alert dialog. */
const DIALOG = '[role="dialog"], [role="alertdialog"]';

/** Focus sentinels of Fluent's focus trap (tabster): never what the user had focused. */
const isSentinel = (element: Element) => element.hasAttribute('data-tabster-dummy');

/**
 * Gives focus back to the control that opened a dialog when the dialog closes, for every dialog
 * of the page, however it was opened (a `DialogTrigger` does this itself; most of the tab's
 * dialogs open from state) and however it closed (Escape, a button, after a submit).
 *
 * The first focus inside a dialog's surface remembers what had focus before it, the opener.
 * When the surface leaves the page and focus went with it (to the body), the opener gets it
 * back, if it is still there: a dialog opened from a dialog gives focus back to its button in
 * the outer one. Focus the closing code put somewhere on purpose is left alone.
 *
 * Returns the function that stops it.
 */
export function returnFocusFromDialogs(document: Document): () => void {
  const openers = new Map<Element, HTMLElement>();
  let last: HTMLElement | undefined;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || isSentinel(target)) return;
    const surface = target.closest(DIALOG);
    if (surface && !openers.has(surface) && last && !surface.contains(last)) {
      openers.set(surface, last);
    }
    last = target;
  };

  const onMutation = () => {
    for (const [surface, opener] of openers) {
      if (surface.isConnected) continue;
      openers.delete(surface);
      const active = document.activeElement;
      if ((!active || active === document.body) && opener.isConnected) opener.focus();
    }
  };

  const observer = new MutationObserver(() => {
    if (openers.size > 0) onMutation();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
  };
}
