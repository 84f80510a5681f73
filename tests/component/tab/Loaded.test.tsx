import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/tab/api/client.js';
import { Loaded } from '../../../src/tab/components/LoadError/Loaded.js';
import type { Load } from '../../../src/tab/hooks/useLoad.js';
import { renderTab } from '../../support/renderTab.js';

const testIds = { loading: 'things-loading', error: 'things-error' };

function view(load: Load<string[]>, onRetry = () => undefined) {
  return renderTab(
    <Loaded
      load={load}
      loading="collections.loading"
      loadError="collections.error"
      onRetry={onRetry}
      testIds={testIds}
    >
      {(items, loaded) => (
        <ul data-testid="things" data-answer={loaded.answer}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </Loaded>,
  );
}

describe('Loaded', () => {
  it('shows a labelled spinner while the read is under way, and nothing loaded', async () => {
    await view({ state: 'loading' });
    const { en } = await import('../../../src/tab/locales/en.js');
    expect(screen.getByTestId('things-loading').textContent).toContain(en.collections.loading);
    expect(screen.queryByTestId('things')).toBeNull();
  });

  it('says what failed, with a retry, in place of what would have loaded', async () => {
    const onRetry = vi.fn();
    await view({ state: 'error', error: new ApiError('network', 0, 'offline') }, onRetry);
    expect(screen.queryByTestId('things')).toBeNull();
    expect(screen.queryByTestId('things-loading')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('hands the loaded value and its read to what shows it', async () => {
    await view({ state: 'ready', value: ['a', 'b'], loadedAt: 1, answer: 7 });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(screen.getByTestId('things').dataset['answer']).toBe('7');
    expect(screen.queryByTestId('things-error')).toBeNull();
  });
});
