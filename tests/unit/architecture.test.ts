import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

/**
 * The layer rules of docs/ARCHITECTURE.md are lint rules; these tests show that the linter really
 * refuses each forbidden import, so the rules cannot silently stop working.
 */
// Type information is not needed for import rules, and the snippets are not files on disk.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function restrictedIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${filePath}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message);
}

describe('layer rules', () => {
  // Loading the config imports every lint plugin once: seconds on a busy machine, so it is done
  // before the tests, with its own time limit, instead of inside the first one.
  beforeAll(() => eslint.calculateConfigForFile(`${repoRoot}/src/domain/x.ts`), 60_000);

  it('keeps SDKs, Node built-ins and other layers out of the domain', async () => {
    expect(
      await restrictedIn('src/domain/x.ts', "export * from '@azure/data-tables';\n"),
    ).toHaveLength(1);
    expect(await restrictedIn('src/domain/x.ts', "export * from 'node:fs';\n")).toHaveLength(1);
    expect(
      await restrictedIn('src/domain/x.ts', "export * from '../storage/tableStorage.js';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedIn('src/domain/useCases/x.ts', "export * from '../../bot/index.js';\n"),
    ).toHaveLength(1);
    expect(await restrictedIn('src/domain/x.ts', "export * from './errors.js';\n")).toHaveLength(0);
  });

  it('keeps adapters apart', async () => {
    expect(
      await restrictedIn('src/bot/x.ts', "export * from '../storage/tableStorage.js';\n"),
    ).toHaveLength(1);
    expect(await restrictedIn('src/api/x.ts', "export * from '../bot/index.js';\n")).toHaveLength(
      1,
    );
    expect(
      await restrictedIn('src/storage/x.ts', "export * from '../api/httpApp.js';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedIn('src/search/x.ts', "export * from '../storage/tableStorage.js';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedIn('src/storage/x.ts', "export * from '../search/textAnalysis.js';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedIn('src/api/x.ts', "export * from '../domain/index.js';\n"),
    ).toHaveLength(0);
  });

  it('keeps botbuilder inside src/bot', async () => {
    const code = "export * from 'botbuilder';\n";
    expect(await restrictedIn('src/api/x.ts', code)).toHaveLength(1);
    expect(await restrictedIn('src/server.ts', code)).toHaveLength(1);
    expect(await restrictedIn('src/storage/x.ts', code)).toHaveLength(1);
    expect(await restrictedIn('src/bot/x.ts', code)).toHaveLength(0);
  });

  it('lets the tab see only the shared types', async () => {
    expect(
      await restrictedIn('src/tab/x.ts', "export * from '../domain/index.js';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedIn('src/tab/x.ts', "export * from '../shared/schemas.js';\n"),
    ).toHaveLength(1);
    expect(await restrictedIn('src/tab/x.ts', "export * from '../shared/dto.js';\n")).toHaveLength(
      0,
    );
  });

  it('lets only src/config.ts read the environment', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await restrictedIn('src/api/x.ts', code)).toHaveLength(1);
    expect(await restrictedIn('src/config.ts', code)).toHaveLength(0);
  });
});
