import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusAfterRender } from '../../../src/tab/hooks/useFocusAfterRender.js';

/** A list whose last item is added by a button; focus goes to the new item's button. */
function Adder() {
  const [items, setItems] = useState<string[]>(['a']);
  const focus = useFocusAfterRender();
  return (
    <div>
      {items.map((item) => (
        <button key={item} id={`item-${item}`} type="button">
          {item}
        </button>
      ))}
      <button
        type="button"
        onClick={() => {
          const next = String.fromCharCode(97 + items.length);
          setItems([...items, next]);
          focus(`item-${next}`);
        }}
      >
        add
      </button>
    </div>
  );
}

describe('useFocusAfterRender', () => {
  it('focuses an element that exists only after the change renders', async () => {
    const user = userEvent.setup();
    render(<Adder />);
    await user.click(screen.getByRole('button', { name: 'add' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'b' }));

    // And again for the next change, wherever focus was meanwhile.
    screen.getByRole('button', { name: 'a' }).focus();
    await user.click(screen.getByRole('button', { name: 'add' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'c' }));
  });
});
