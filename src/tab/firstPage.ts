/**
 * The tab's first script: a build entry of its own, a few KB, loaded `async` ahead of the app's
 * bundle (vite.config.ts adds it to index.html). It asks for the wall's first page at once, so
 * the data is on its way while the browser still downloads and starts the app; the app takes the
 * answer over (`takeEarlyWall`). Inside a possible Teams frame it starts loading teams-js
 * instead, which the host check needs before anything else.
 */
import { startEarlyWall } from './api/earlyWall.js';
import { loadTeamsSdk, mayBeTeamsFrame } from './teams/host.js';

if (mayBeTeamsFrame()) loadTeamsSdk().catch(() => undefined);
else startEarlyWall();
