import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PackageError,
  envNameFromArgs,
  packageApp,
  pngSize,
  validateManifest,
} from '../../../scripts/package.js';
import { ROOT, provisionedEnv } from './support.js';

const outDir = mkdtempSync(path.join(tmpdir(), 'story-wall-package-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('npm run package', () => {
  let zipPath: string;
  let manifestPath: string;
  let zip: AdmZip;
  let entries: AdmZip.IZipEntry[];

  beforeAll(() => {
    ({ zipPath, manifestPath } = packageApp({
      rootDir: ROOT,
      envName: 'dev',
      env: provisionedEnv('dev'),
      outDir,
    }));
    zip = new AdmZip(zipPath);
    entries = zip.getEntries();
  });

  it('writes appPackage.<env>.zip and manifest.<env>.json', () => {
    expect(path.basename(zipPath)).toBe('appPackage.dev.zip');
    expect(path.basename(manifestPath)).toBe('manifest.dev.json');
  });

  it('zips the manifest, both icons and the Finnish strings, flat', () => {
    expect(entries.map((e) => e.entryName).sort()).toEqual(
      ['color.png', 'fi-fi.json', 'manifest.json', 'outline.png'].sort(),
    );
    expect(entries.filter((e) => e.isDirectory || e.entryName.includes('/'))).toEqual([]);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(pngSize(zip.readFile('color.png') as Buffer)).toEqual({ width: 192, height: 192 });
    expect(pngSize(zip.readFile('outline.png') as Buffer)).toEqual({ width: 32, height: 32 });
  });

  it('leaves no ${{ placeholder anywhere', () => {
    for (const entry of entries.filter((e) => e.entryName.endsWith('.json'))) {
      expect(entry.getData().toString('utf8'), entry.entryName).not.toContain('${{');
    }
  });

  it('zips the same manifest it writes next to the zip, and that manifest is valid', () => {
    const zipped = zip.readAsText('manifest.json');
    expect(zipped).toBe(readFileSync(manifestPath, 'utf8'));
    expect(validateManifest(JSON.parse(zipped))).toEqual([]);
  });

  it('builds the same bytes from the same inputs', () => {
    const again = packageApp({
      rootDir: ROOT,
      envName: 'dev',
      env: provisionedEnv('dev'),
      outDir: path.join(outDir, 'again'),
    });
    expect(readFileSync(again.zipPath).equals(readFileSync(zipPath))).toBe(true);
  });

  it('also builds the local environment', () => {
    const built = packageApp({
      rootDir: ROOT,
      envName: 'local',
      env: provisionedEnv('local'),
      outDir,
    });
    expect(path.basename(built.zipPath)).toBe('appPackage.local.zip');
    expect(built.built.manifestText).not.toContain('${{');
  });

  it('refuses to build with unfilled variables, naming each of them', () => {
    const env = { ...provisionedEnv('dev'), BOT_ID: '', TAB_DOMAIN: '' };
    delete (env as Record<string, string | undefined>)['TEAMS_APP_ID'];
    let error: unknown;
    try {
      packageApp({ rootDir: ROOT, envName: 'dev', env, outDir: path.join(outDir, 'bad') });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PackageError);
    const problems = (error as PackageError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TEAMS_APP_ID \(manifest\.json\): unknown variable/),
        expect.stringMatching(/^BOT_ID \(manifest\.json\): empty in env\/\.env\.dev/),
        expect.stringMatching(/^TAB_DOMAIN \(manifest\.json\): empty/),
      ]),
    );
  });

  it('reads the environment from --env, dev by default', () => {
    expect(envNameFromArgs([])).toBe('dev');
    expect(envNameFromArgs(['--env', 'local'])).toBe('local');
    expect(envNameFromArgs(['--env=local'])).toBe('local');
  });
});
