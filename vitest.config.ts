import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs four projects: pure unit tests, component tests of the tab's hooks and
 * components (Testing Library in happy-dom, for logic that needs React but no real layout),
 * integration tests against a real Azurite (started once by the global setup, a table prefix per
 * file), and browser tests in Chromium (layout, focus, accessibility).
 *
 * The browser tests run one file at a time, and Vitest runs such a project only after all the
 * others; `npm test` therefore starts two runs side by side (package.json): the browser tests
 * (`test:e2e`) and the rest (`test:rest`). On two cores that took 743 s instead of 932.
 * Two workers for the browser tests do not pay on two cores: beside the rest, `npm test` took
 * 802 s (its browser tests 706 s, where one worker alone takes 595 s), and three tests missed
 * their deadlines. The browser files share one module graph (`isolate: false`): each file used to
 * import the server, botbuilder and the storage SDK afresh, and alone the browser tests took 595 s
 * with it, 512 s without. (The first try failed two tests of `tests/e2e/privacy.test.ts` on a
 * fresh clone: one counted the wall's vote counts once, right after switching person, while the
 * wall was loading again for them; it polls now.) Each file still starts its own app, Azurite
 * and browser (`useBrowserApp`), so nothing but the imported code is shared.
 *
 * The other projects share a graph per worker too. Alone, the integration tests took 229 s
 * isolated and 87 s not, the unit tests 63 s and 18 s, the component tests 14 s and 6 s, and every
 * test passed with the files in a shuffled order. The first tries on a clean clone failed the
 * linear-time check of `escapeMarkdown` twice (7.0 and 6.9 against its limit of 6): with the rest
 * that much faster, it ran beside the heaviest browser work, and its few long rounds were cut by
 * other processes. `costRatio` (`tests/support/linearTime.ts`) now takes the fastest of many short
 * rounds, which holds on a loaded machine. On a clean clone (`CI=true bash .ci/run`) the rest then
 * took 266, 333 and 263 s in three runs instead of 633–738, and the whole run about 12 minutes
 * instead of 13–15: the browser tests are now the longer of the two.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/componentSetup.ts'],
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/azuriteGlobalSetup.ts'],
          isolate: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          isolate: false,
          globalSetup: ['tests/support/e2eGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
