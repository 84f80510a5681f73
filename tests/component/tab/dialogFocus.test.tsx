import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { returnFocusFromDialogs } from '../../../src/tab/dialogFocus.js';

/** The page-wide rule that gives focus back to a dialog's opener, on plain DOM. */
describe('returnFocusFromDialogs', () => {
  let stop: () => void;

  beforeEach(() => {
    document.body.innerHTML = '';
    stop = returnFocusFromDialogs(document);
  });

  afterEach(() => stop());

  /** A MutationObserver answers after the current task's microtasks. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  function button(name: string, parent: Element = document.body): HTMLButtonElement {
    const element = document.createElement('button');
    element.textContent = name;
    parent.append(element);
    return element;
  }

  function dialog(role = 'dialog'): HTMLDivElement {
    const surface = document.createElement('div');
    surface.setAttribute('role', role);
    document.body.append(surface);
    return surface;
  }

  it('gives focus back to the opener when the dialog leaves the page', async () => {
    const opener = button('Share');
    opener.focus();
    const surface = dialog();
    button('Title', surface).focus();
    surface.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await settle();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back one dialog at a time, to the button in the outer dialog', async () => {
    const opener = button('Open story');
    opener.focus();
    const outer = dialog();
    const archive = button('Archive', outer);
    archive.focus();
    const inner = dialog('alertdialog');
    button('Cancel', inner).focus();
    inner.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await settle();
    expect(document.activeElement).toBe(archive);

    outer.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await settle();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves alone focus the closing code put somewhere on purpose', async () => {
    const opener = button('Share');
    opener.focus();
    const surface = dialog();
    button('Title', surface).focus();
    const elsewhere = button('First new story');
    surface.remove();
    elsewhere.focus();
    await settle();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('does nothing when the opener is gone too', async () => {
    const opener = button('Read more');
    opener.focus();
    const surface = dialog();
    button('Close', surface).focus();
    opener.remove();
    surface.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await settle();
    expect(document.activeElement).toBe(document.body);
  });
});
