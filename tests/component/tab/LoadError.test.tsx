import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/tab/api/client.js';
import { LoadError } from '../../../src/tab/components/LoadError/LoadError.js';
import { renderTab } from '../../support/renderTab.js';

describe('LoadError', () => {
  it('says what failed and why, with one retry button that tries again', async () => {
    const onRetry = vi.fn();
    await renderTab(
      <LoadError
        message="wall.error"
        error={new ApiError('network', 0, 'offline')}
        onRetry={onRetry}
        testId="wall-error"
      />,
    );
    const box = screen.getByTestId('wall-error');
    expect(box.textContent).toContain('Stories could not be loaded.');
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('leaves the reason out when the message already says it', async () => {
    await renderTab(
      <LoadError
        message="collections.notFound"
        error={new ApiError('not_found', 404, 'gone')}
        onRetry={() => undefined}
        testId="collection-error"
        showReason={false}
      />,
    );
    const { en } = await import('../../../src/tab/locales/en.js');
    expect(screen.getByTestId('collection-error').textContent).toBe(
      en.collections.notFound + en.app.retry,
    );
  });
});
