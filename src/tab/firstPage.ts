/**
 * The tab's first script: a classic script of a few KB with nothing to import, built on its own
 * (vite.config.ts) and loaded `async` ahead of the app's bundle. In a top-level browser window it
 * asks for the wall's first page at once, and once the answer is in, draws the header and the
 * first story cards with DOM APIs (`drawEarlyWall`), while the browser still downloads and starts
 * the app, which then takes the answer over (`takeEarlyWall`) and replaces the cards in place
 * (`handOverToApp`). Inside a possible Teams frame it preloads teams-js instead, which the host
 * check needs before anything else.
 */
import { parseTabQuery } from './channelTab.js';
import { earlyBuild } from './early/build.js';
import { drawEarlyWall, earlyFormats } from './early/earlyCards.js';
import { ROOT_ID, markFirstStories, type EarlyWall } from './early/handOver.js';
import { startEarlyWall } from './early/request.js';
import { resolveLanguage, loadLanguageChoice } from './language.js';
import { mayBeTeamsFrame } from './teams/host.js';
import type { LocaleDto, WallPageDto } from '../shared/dto.js';

function preload(urls: readonly string[]): void {
  for (const href of urls) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = '';
    document.head.append(link);
  }
}

/** Runs `task` when the browser is idle, or in a task of its own where it cannot tell. */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task);
  else setTimeout(task, 0);
}

/** The page is parsed (not DOMContentLoaded, which waits for the app's bundle to run). */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const listener = () => {
      if (document.readyState === 'loading') return;
      document.removeEventListener('readystatechange', listener);
      resolve();
    };
    document.addEventListener('readystatechange', listener);
  });
}

/** Draws the first cards, unless the app has painted already or there is nothing to draw. */
async function drawWhenReady(early: EarlyWall, language: LocaleDto): Promise<void> {
  const answer = await early.answer;
  await parsed();
  const root = document.getElementById(ROOT_ID);
  if (early.appPainted || !root || !answer.ok || !('text' in answer)) return;
  let page: WallPageDto;
  try {
    page = JSON.parse(answer.text) as WallPageDto;
  } catch {
    return;
  }
  if (!Array.isArray(page.items) || page.items.length === 0) return;
  const build = earlyBuild();
  early.shown = drawEarlyWall(root, {
    page,
    language,
    strings: build.strings[language],
    css: build.css,
    theme: build.theme,
    channel: parseTabQuery(window.location.search).channel,
  });
  markFirstStories();
}

const build = earlyBuild();
if (mayBeTeamsFrame()) {
  preload([...build.teamsPreload, ...build.appPreload]);
} else {
  const early = startEarlyWall();
  preload(build.appPreload);
  if (early) {
    const language = resolveLanguage(loadLanguageChoice(), navigator.language);
    drawWhenReady(early, language).catch(() => undefined);
    // While the request is out, when nothing else waits (the answer's task goes first).
    whenIdle(() => earlyFormats(language));
  }
}
