import { Agent, request, type IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import type { User } from '../../src/domain/index.js';
import {
  DEV_USER_HEADER,
  type StoryDto,
  type StoryListDto,
  type WallPageDto,
} from '../../src/shared/dto.js';
import type { StoryInput } from '../../src/shared/schemas.js';
import type { TableStorage } from '../../src/storage/tableStorage.js';
import type { AppProcess, Counts } from './appProcess.js';
import { cpuMicros } from './processes.js';
import type { Row } from './report.js';
import { round, summarize, type Summary } from './stats.js';

/**
 * A morning of a large tenant (issue 11): `people` distinct colleagues arrive over `seconds`,
 * each signed in as themselves, and use the tab as its code does — the wall and what the tab asks
 * for beside it, a second page, a story, a vote, an approval queue, now and then a new story —
 * while a sample of the same mix, sent one request at a time, gives the baseline of the ratio.
 * Every answer must be the one the tab expects, and afterwards every vote and approval must be
 * in storage.
 */

/** What each kind of request is, as the tab sends it. */
export const KINDS = [
  'wall',
  'wallTotal',
  'me',
  'reactions',
  'approvals',
  'nextPage',
  'story',
  'vote',
  'approve',
  'submit',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The mix, from the product's roles (docs/PERFORMANCE.md, Method): everyone reads the wall, most
 * open a story, fewer vote, few approve (managers, one in `TEAM_SIZE`, with stories waiting for
 * them), fewer still tell a story.
 */
export const MIX = {
  /** Loads the second page of the wall ("Load more"). */
  nextPage: 0.2,
  /** Opens one story's detail. */
  read: 0.6,
  /** Votes once, for a story of the pages they saw (never their own nor one about them). */
  vote: 0.25,
  /** Of the managers: opens the approvals view and approves every story waiting there. */
  approve: 0.25,
  /** Tells a story of their own (it waits for their manager). */
  submit: 0.01,
} as const;

/** One manager and the rest of a team reporting to them, as in the demo directory. */
export const TEAM_SIZE = 12;
/** Stories waiting for each approving manager when the morning starts. */
const WAITING_PER_APPROVER = 2;
/** Published stories before the morning: the first two pages of the wall. */
const PUBLISHED = 60;
/** A person's pause between two steps (reading, deciding), in ms. */
const THINK_MS = { min: 1_000, max: 5_000 };
/** A request still unanswered after this is an error. */
const TIMEOUT_MS = 30_000;
const DEPARTMENTS = [
  'Customer service',
  'Logistics',
  'Venue services',
  'Sales',
  'Marketing',
  'Finance',
  'Catering',
  'IT',
];

export interface MorningSettings {
  /** People in the morning. */
  readonly people: number;
  /** Over how many seconds they arrive. */
  readonly seconds: number;
  /** Other people whose sessions, one request at a time, are the baseline (half before, half after). */
  readonly baselinePeople: number;
  readonly tenantId: string;
  /** Stories on the wall while the morning runs. */
  readonly stored: number;
  /** Seed of the pseudo-random choices, so two runs send the same morning. */
  readonly seed?: number;
}

export interface KindResult {
  readonly n: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly baselineN: number;
  readonly baselineP50Ms: number;
  readonly baselineP95Ms: number;
  /** p95 under load ÷ p95 one at a time; null without a baseline sample of this kind. */
  readonly ratioP95: number | null;
}

export interface MorningResult {
  readonly people: number;
  readonly seconds: number;
  /** Stories on the wall while the morning ran. */
  readonly stored: number;
  /** From the first arrival to the last answer. */
  readonly durationSeconds: number;
  readonly requests: number;
  readonly rps: number;
  /** Answers other than the expected status, transport failures and timeouts. */
  readonly errors: number;
  /** Errors per kind and status, e.g. `vote 409`. */
  readonly errorsByKind: Record<string, number>;
  /** The first error of each kind and status. */
  readonly errorSamples: string[];
  /** The morning's errors in each 10 s from the first arrival (the baseline's not included). */
  readonly errorsByTenSeconds: number[];
  /** Votes and approvals answered as done but not found in storage afterwards. */
  readonly lostWrites: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly all: Summary;
  readonly baseline: Summary;
  readonly ratioP95: number;
  readonly byKind: Partial<Record<Kind, KindResult>>;
  /** People who did each thing. */
  readonly did: Record<'nextPage' | 'read' | 'vote' | 'approve' | 'submit', number>;
  /** The app's resident memory: before the morning, and the highest sample during it. */
  readonly rssMbBefore: number;
  readonly peakRssMb: number;
  /**
   * The app process's CPU (user and system, from /proc) from the first arrival to the last answer,
   * ÷ the morning's requests: what the realistic mix costs the app per request, its relay's work
   * meanwhile included.
   */
  readonly appCpuUsPerRequest: number;
  /** Most requests in flight at once. */
  readonly maxInFlight: number;
  /** Storage calls of the app during the morning (the outbox relay's included) ÷ people. */
  readonly storageCallsPerPerson: number;
  /** The same per table and kind of call (`users read`, `queues query`, `batch`…), the relay's included. */
  readonly storageCallsByTable: Record<string, number>;
  readonly roles: { employees: number; approvers: number; editors: number };
}

interface Person {
  readonly user: User;
  readonly decides: boolean;
  readonly plan: Plan;
}

interface Plan {
  readonly arrivalMs: number;
  readonly nextPage: boolean;
  readonly read: boolean;
  readonly vote: boolean;
  readonly approve: boolean;
  readonly submit: boolean;
  /** Uniform draws for the choices made during the visit (which story, how long a pause). */
  readonly draws: number[];
}

/** A story the morning can read and vote for: who may not vote for it. */
interface KnownStory {
  readonly excluded: ReadonlySet<string>;
}

interface Sample {
  readonly kind: Kind;
  readonly ms: number;
}

/** mulberry32: a small seeded generator, so a run is repeatable. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Bench ids, shaped as Entra object ids. */
const personId = (n: number) => `0000b001-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * `count` people in teams of `TEAM_SIZE`: the first of each team its manager (approver), the
 * rest reporting to them, and the managers to the first manager; one in 300 also an editor. Arrivals are `count` uniform
 * points in the window, sorted: a Poisson process conditioned on its count.
 */
function buildPeople(
  tenantId: string,
  count: number,
  first: number,
  windowMs: number,
  random: () => number,
): Person[] {
  const arrivals = Array.from({ length: count }, () => random() * windowMs).sort((a, b) => a - b);
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const teamIndex = Math.floor(n / TEAM_SIZE);
    const manager = n % TEAM_SIZE === 0;
    const department = DEPARTMENTS[teamIndex % DEPARTMENTS.length] as string;
    const roles: User['roles'] = manager
      ? ['employee', 'approver']
      : n % 300 === 7
        ? ['employee', 'editor']
        : ['employee'];
    const user: User = {
      tenantId,
      id: personId(n),
      displayName: `${manager ? 'Manager' : 'Colleague'} ${n}`,
      roles,
      // Managers report to the first of them, so their own stories have an approver too.
      ...(n === 0 ? {} : { managerId: personId(manager ? 0 : teamIndex * TEAM_SIZE) }),
      team: `${department} ${teamIndex}`,
      locale: n % 2 === 0 ? 'fi' : 'en',
    };
    people.push({
      user,
      decides: roles.some((role) => role === 'approver' || role === 'editor' || role === 'admin'),
      plan: {
        arrivalMs: arrivals[i] ?? 0,
        nextPage: random() < MIX.nextPage,
        read: random() < MIX.read,
        vote: random() < MIX.vote,
        approve: manager && random() < MIX.approve,
        submit: random() < MIX.submit && n !== 0,
        draws: Array.from({ length: 12 }, random),
      },
    });
  }
  return people;
}

const STORY_TEXTS: Record<'en' | 'fi', Omit<StoryInput, 'team' | 'featured' | 'category'>> = {
  en: {
    title: 'A spare umbrella at the door',
    situation: 'A guest arrived soaked; the forecast had promised sun all day long.',
    action: 'Our receptionist lent her own umbrella and dried his coat in the back office.',
    outcome: 'He left a glowing review and asked for her by name on his next visit.',
    lesson: 'Small kindness is remembered longest, and it costs almost nothing.',
    consent: true,
    locale: 'en',
  },
  fi: {
    title: 'Nappi ommeltiin kysymättä',
    situation: 'Vieraan takista oli irronnut nappi, eikä hän ollut itse huomannut sitä.',
    action: 'Narikan työntekijä ompeli napin paikalleen sillä aikaa, kun vieras kuunteli esitystä.',
    outcome: 'Vieras kiitti lähtiessään ja kertoi asiasta koko seurueelleen.',
    lesson: 'Pieni huomaavaisuus ilman pyyntöä jää mieleen.',
    consent: true,
    locale: 'fi',
  },
};

function storyInput(author: User, featured: string | undefined, label: string): StoryInput {
  const texts = STORY_TEXTS[author.locale === 'fi' ? 'fi' : 'en'];
  return {
    ...texts,
    title: `${texts.title} (${label})`,
    team: author.team ?? 'Customer service',
    category: 'care',
    featured: featured ? [featured] : [],
  };
}

/** Loopback requests the way a browser sends them: keep-alive, compressed answers accepted. */
function createClient(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 });
  const inflate = {
    br: promisify(brotliDecompress),
    gzip: promisify(gunzip),
  };
  let inFlight = 0;
  let maxInFlight = 0;

  async function body(res: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const encoding = res.headers['content-encoding'];
    const bytes =
      encoding === 'br'
        ? await inflate.br(raw)
        : encoding === 'gzip'
          ? await inflate.gzip(raw)
          : raw;
    return bytes.toString('utf8');
  }

  /** One call as `userId`: status, parsed body and time from sending to the parsed body. */
  function call(
    userId: string,
    method: string,
    path: string,
    payload?: unknown,
  ): Promise<{ status: number; body: unknown; ms: number }> {
    const text = payload === undefined ? undefined : JSON.stringify(payload);
    const started = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<{ status: number; body: unknown; ms: number }>((resolve, reject) => {
      const req = request(
        `${baseUrl}${path}`,
        {
          agent,
          method,
          headers: {
            accept: 'application/json',
            'accept-encoding': 'br, gzip',
            [DEV_USER_HEADER]: userId,
            ...(text === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
          },
          timeout: TIMEOUT_MS,
        },
        (res) => {
          body(res).then((answer) => {
            let parsed: unknown = answer;
            try {
              parsed = answer ? (JSON.parse(answer) as unknown) : undefined;
            } catch {
              // Not JSON: kept as text for the error sample.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
          }, reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(text);
    }).finally(() => {
      inFlight--;
    });
  }

  return { call, maxInFlight: () => maxInFlight, close: () => agent.destroy() };
}

type Client = ReturnType<typeof createClient>;

/** Calls that must succeed while the morning is prepared. */
async function must<T>(
  client: Client,
  userId: string,
  method: string,
  path: string,
  expected: number,
  payload?: unknown,
): Promise<T> {
  const answer = await client.call(userId, method, path, payload);
  if (answer.status !== expected) {
    throw new Error(
      `morning setup: ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
    );
  }
  return answer.body as T;
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** What the morning's people did, for the storage check afterwards. */
interface Ledger {
  /** Story id → voters answered 200. */
  readonly votes: Map<string, string[]>;
  /** Stories answered as approved. */
  readonly approved: string[];
  readonly samples: Sample[];
  readonly errors: string[];
  /** When each error came (`performance.now()`), in the order of `errors`. */
  readonly errorTimes: number[];
  readonly did: MorningResult['did'];
}

function newLedger(): Ledger {
  return {
    votes: new Map(),
    approved: [],
    samples: [],
    errors: [],
    errorTimes: [],
    did: { nextPage: 0, read: 0, vote: 0, approve: 0, submit: 0 },
  };
}

/**
 * One person's visit, as the tab makes it. `serial`: every request waits for the one before and
 * there are no pauses (the baseline); otherwise what the tab sends together goes together, with
 * a person's pauses between steps.
 */
async function visit(
  client: Client,
  person: Person,
  known: Map<string, KnownStory>,
  ledger: Ledger,
  serial: boolean,
): Promise<void> {
  const { user, plan } = person;
  const draws = [...plan.draws];
  const draw = () => draws.shift() ?? 0.5;
  const think = () =>
    serial ? Promise.resolve() : sleep(THINK_MS.min + draw() * (THINK_MS.max - THINK_MS.min));
  const send = async (
    kind: Kind,
    method: string,
    path: string,
    expected: number,
    payload?: unknown,
  ): Promise<unknown> => {
    try {
      const answer = await client.call(user.id, method, path, payload);
      if (answer.status !== expected) {
        const detail = JSON.stringify(answer.body).slice(0, 160);
        ledger.errors.push(`${kind} ${answer.status}: ${method} ${path.slice(0, 60)} ${detail}`);
        ledger.errorTimes.push(performance.now());
        return undefined;
      }
      ledger.samples.push({ kind, ms: answer.ms });
      return answer.body;
    } catch (error) {
      ledger.errors.push(`${kind} no answer: ${method} ${path.slice(0, 60)} ${String(error)}`);
      ledger.errorTimes.push(performance.now());
      return undefined;
    }
  };
  const together = async <T extends unknown[]>(steps: { [K in keyof T]: () => Promise<T[K]> }) => {
    if (!serial) return Promise.all(steps.map((step) => step())) as Promise<T>;
    const results: unknown[] = [];
    for (const step of steps) results.push(await step());
    return results as T;
  };
  const reactions = (ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve(undefined)
      : send('reactions', 'GET', `/api/me/reactions?stories=${ids.join(',')}`, 200);
  const seen: string[] = [];
  const pageIds = (page: unknown) => {
    const ids = ((page as WallPageDto | undefined)?.items ?? []).map((story) => story.id);
    seen.push(...ids);
    return ids;
  };

  // Opening the tab: the first page, its count and who I am together; then my reactions to the
  // page, and (for someone who does not decide) whether anything waits for me.
  let first: WallPageDto | undefined;
  await together([
    async () => {
      first = (await send('wall', 'GET', '/api/stories?limit=30', 200)) as WallPageDto | undefined;
      await reactions(pageIds(first));
    },
    () => send('wallTotal', 'GET', '/api/stories?limit=1&total=true', 200),
    async () => {
      if (!(await send('me', 'GET', '/api/me', 200))) return;
      if (!person.decides) await send('approvals', 'GET', '/api/approvals', 200);
    },
  ]);

  if (plan.nextPage && first?.nextCursor) {
    await think();
    ledger.did.nextPage++;
    const path = `/api/stories?limit=30&cursor=${encodeURIComponent(first.nextCursor)}`;
    await reactions(pageIds(await send('nextPage', 'GET', path, 200)));
  }

  // A story they may vote for: one of the pages they saw, the top ones likelier.
  const mayVote = seen.filter((id) => known.get(id)?.excluded.has(user.id) === false);
  const readable = seen.filter((id) => known.has(id));
  const pick = (ids: readonly string[]) => ids[Math.floor(draw() ** 2 * ids.length)];
  let read: string | undefined;
  if (plan.read && readable.length > 0) {
    await think();
    ledger.did.read++;
    read = pick(readable);
    await together([
      () => send('story', 'GET', `/api/stories/${read}`, 200),
      () => reactions([read as string]),
    ]);
  }

  if (plan.vote && mayVote.length > 0) {
    await think();
    const storyId = read && mayVote.includes(read) ? read : (pick(mayVote) as string);
    ledger.did.vote++;
    if (await send('vote', 'POST', `/api/stories/${storyId}/vote`, 200)) {
      const voters = ledger.votes.get(storyId) ?? [];
      voters.push(user.id);
      ledger.votes.set(storyId, voters);
    }
  }

  if (plan.approve) {
    await think();
    ledger.did.approve++;
    const queue = (await send('approvals', 'GET', '/api/approvals', 200)) as
      StoryListDto | undefined;
    for (const story of queue?.items ?? []) {
      await think();
      const decided = (await send('approve', 'POST', `/api/stories/${story.id}/decision`, 200, {
        decision: 'approve',
      })) as StoryDto | undefined;
      if (decided) ledger.approved.push(decided.id);
    }
  }

  if (plan.submit) {
    await think();
    ledger.did.submit++;
    await send('submit', 'POST', '/api/stories', 201, storyInput(user, undefined, 'morning'));
  }
}

/**
 * Seeds the people, publishes the first two pages of real stories (told and approved through
 * the API) and leaves stories waiting for each approving manager, then runs the baseline's
 * first half, the morning, and the baseline's second half; checks storage afterwards.
 */
export async function runMorning(
  app: AppProcess,
  storage: TableStorage,
  settings: MorningSettings,
  log: (message: string) => void,
): Promise<MorningResult> {
  const random = generator(settings.seed ?? 20_261_207);
  const windowMs = settings.seconds * 1000;
  const morning = buildPeople(settings.tenantId, settings.people, 0, windowMs, random);
  const base = buildPeople(
    settings.tenantId,
    settings.baselinePeople,
    settings.people + (TEAM_SIZE - (settings.people % TEAM_SIZE)),
    windowMs,
    random,
  );
  const everyone = [...morning, ...base];
  const client = createClient(app.url);
  try {
    log(`morning: storing ${everyone.length} people`);
    // An upsert is idempotent: tried again while a busy Azurite answers late.
    await inParallel(everyone, 4, async (person) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await storage.users.upsert(person.user);
        } catch (error) {
          if (attempt >= 5) throw error;
          await sleep(500 * attempt);
        }
      }
    });

    // Published stories, newest on top: told by colleagues, about a teammate, approved by their
    // manager (the tab's approvals view), so every story of the first two pages can be read.
    const known = new Map<string, KnownStory>();
    const colleagues = everyone.filter((p) => p.user.managerId);
    const teammate = (author: User) =>
      colleagues.find((p) => p.user.managerId === author.managerId && p.user.id !== author.id)?.user
        .id;
    const tell = async (author: User, label: string) => {
      const featured = teammate(author);
      const story = await must<StoryDto>(
        client,
        author.id,
        'POST',
        '/api/stories',
        201,
        storyInput(author, featured, label),
      );
      known.set(story.id, { excluded: new Set([author.id, ...(featured ? [featured] : [])]) });
      return story;
    };
    log(`morning: ${PUBLISHED} stories told and approved`);
    const authors = Array.from(
      { length: PUBLISHED },
      (_, i) => colleagues[Math.floor(random() * colleagues.length)] ?? colleagues[i],
    );
    await inParallel(
      authors.map((author, i) => ({ author: author as Person, i })),
      4,
      async ({ author, i }) => {
        const story = await tell(author.user, `published ${i}`);
        const decided = await must<StoryDto>(
          client,
          author.user.managerId as string,
          'POST',
          `/api/stories/${story.id}/decision`,
          200,
          { decision: 'approve' },
        );
        if (decided.status !== 'published') {
          throw new Error(`morning setup: an approved story is ${decided.status}`);
        }
      },
    );
    const approvers = everyone.filter((p) => p.plan.approve);
    log(
      `morning: ${approvers.length * WAITING_PER_APPROVER} stories waiting for ${approvers.length} managers`,
    );
    const waiting = approvers.flatMap((manager) => {
      const team = colleagues.filter((p) => p.user.managerId === manager.user.id);
      return Array.from(
        { length: WAITING_PER_APPROVER },
        (_, k) => team[k % team.length] as Person,
      );
    });
    await inParallel(
      waiting.map((author, i) => ({ author, i })),
      4,
      async ({ author, i }) => void (await tell(author.user, `waiting ${i}`)),
    );
    await waitForWall(client, everyone[0]?.user.id ?? '', known);

    const baselineLedger = newLedger();
    const half = Math.ceil(base.length / 2);
    const runBaseline = async (people: Person[]) => {
      for (const person of people) await visit(client, person, known, baselineLedger, true);
    };
    log(`morning: baseline, ${half} people one request at a time`);
    await runBaseline(base.slice(0, half));

    log(`morning: ${morning.length} people over ${settings.seconds} s`);
    const ledger = newLedger();
    const rssMbBefore = app.memory().rssMb;
    const cpuBefore = cpuMicros(app.pid);
    let peakRssMb = rssMbBefore;
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, app.memory().rssMb);
    }, 100);
    await app.resetCounts();
    const started = performance.now();
    try {
      await Promise.all(
        morning.map(async (person) => {
          await sleep(person.plan.arrivalMs);
          await visit(client, person, known, ledger, false);
        }),
      );
    } finally {
      clearInterval(sampler);
    }
    const durationSeconds = (performance.now() - started) / 1000;
    const appCpuMicros = cpuMicros(app.pid) - cpuBefore;
    const counts = await app.readCounts();
    peakRssMb = Math.max(peakRssMb, app.memory().rssMb);

    log(`morning: baseline, ${base.length - half} more people one request at a time`);
    await runBaseline(base.slice(half));

    log('morning: checking every vote and approval in storage');
    const lostWrites = await lost(storage, settings.tenantId, [ledger, baselineLedger]);

    return summarizeMorning({
      settings,
      ledger,
      baselineLedger,
      lostWrites,
      durationSeconds,
      started,
      rssMbBefore,
      peakRssMb,
      appCpuMicros,
      maxInFlight: client.maxInFlight(),
      counts,
      morning,
    });
  } finally {
    client.close();
  }
}

/** Until the first page shows the stories just published (the wall cache lives 2 s). */
async function waitForWall(client: Client, userId: string, known: Map<string, KnownStory>) {
  for (let tries = 0; tries < 50; tries++) {
    const page = (await client.call(userId, 'GET', '/api/stories?limit=30')).body as WallPageDto;
    if (page.items.length > 0 && page.items.every((story) => known.has(story.id))) return;
    await sleep(200);
  }
  throw new Error('morning setup: the first page does not show the stories just published');
}

/**
 * Writes answered as done that storage does not hold: a vote without its row, a vote count
 * below the votes answered, an approval whose story is not published.
 */
async function lost(
  storage: TableStorage,
  tenantId: string,
  ledgers: readonly Ledger[],
): Promise<number> {
  const votes = new Map<string, string[]>();
  for (const ledger of ledgers) {
    for (const [storyId, voters] of ledger.votes) {
      votes.set(storyId, [...(votes.get(storyId) ?? []), ...voters]);
    }
  }
  let missing = 0;
  for (const [storyId, voters] of votes) {
    const ref = { tenantId, storyId };
    const story = await storage.stories.get(ref);
    // More votes than answered is fine: a vote answered 503 may have been stored meanwhile.
    if ((story?.value.voteCount ?? 0) < voters.length) missing++;
    for (const voter of voters) {
      if (!(await storage.stories.reactionOf(ref, 'vote', voter))) missing++;
    }
  }
  for (const storyId of ledgers.flatMap((ledger) => ledger.approved)) {
    const story = await storage.stories.get({ tenantId, storyId });
    if (story?.value.status !== 'published') missing++;
  }
  return missing;
}

/** The first error of each kind and status. */
function firstOfEach(errors: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const error of errors) {
    const key = error.split(':')[0] ?? error;
    if (!seen.has(key)) seen.set(key, error);
  }
  return [...seen.values()];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function summarizeMorning(input: {
  settings: MorningSettings;
  ledger: Ledger;
  baselineLedger: Ledger;
  lostWrites: number;
  durationSeconds: number;
  /** When the first person arrived (`performance.now()`). */
  started: number;
  rssMbBefore: number;
  peakRssMb: number;
  appCpuMicros: number;
  maxInFlight: number;
  counts: Counts;
  morning: Person[];
}): MorningResult {
  const { ledger, baselineLedger } = input;
  const all = summarize(ledger.samples.map((s) => s.ms));
  const baseline = summarize(baselineLedger.samples.map((s) => s.ms));
  const byKind: Partial<Record<Kind, KindResult>> = {};
  for (const kind of KINDS) {
    const times = ledger.samples.filter((s) => s.kind === kind).map((s) => s.ms);
    if (times.length === 0) continue;
    const alone = baselineLedger.samples.filter((s) => s.kind === kind).map((s) => s.ms);
    const load = summarize(times);
    const one = alone.length > 0 ? summarize(alone) : undefined;
    byKind[kind] = {
      n: load.n,
      p50Ms: load.p50,
      p95Ms: load.p95,
      baselineN: one?.n ?? 0,
      baselineP50Ms: one?.p50 ?? 0,
      baselineP95Ms: one?.p95 ?? 0,
      ratioP95: one ? round(load.p95 / one.p95, 2) : null,
    };
  }
  const requests = ledger.samples.length + ledger.errors.length;
  const roles = { employees: 0, approvers: 0, editors: 0 };
  for (const { user } of input.morning) {
    if (user.roles.includes('approver')) roles.approvers++;
    else if (user.roles.includes('editor')) roles.editors++;
    else roles.employees++;
  }
  return {
    people: input.settings.people,
    seconds: input.settings.seconds,
    stored: input.settings.stored,
    durationSeconds: round(input.durationSeconds, 1),
    requests,
    rps: round(requests / input.durationSeconds, 1),
    errors: ledger.errors.length + baselineLedger.errors.length,
    errorsByKind: countBy(
      [...ledger.errors, ...baselineLedger.errors],
      (e) => e.split(':')[0] ?? e,
    ),
    errorSamples: firstOfEach([...ledger.errors, ...baselineLedger.errors]),
    errorsByTenSeconds: ledger.errorTimes.reduce<number[]>((buckets, at) => {
      const bucket = Math.max(0, Math.floor((at - input.started) / 10_000));
      while (buckets.length <= bucket) buckets.push(0);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
      return buckets;
    }, []),
    lostWrites: input.lostWrites,
    p50Ms: all.p50,
    p95Ms: all.p95,
    all,
    baseline,
    ratioP95: round(all.p95 / baseline.p95, 2),
    byKind,
    did: ledger.did,
    rssMbBefore: round(input.rssMbBefore, 0),
    peakRssMb: round(input.peakRssMb, 0),
    appCpuUsPerRequest: round(input.appCpuMicros / requests, 0),
    maxInFlight: input.maxInFlight,
    storageCallsPerPerson: round(input.counts.calls / input.settings.people, 1),
    storageCallsByTable: Object.fromEntries(
      Object.entries(input.counts.byTable)
        .sort(([, a], [, b]) => b - a)
        .map(([target, n]) => [target, round(n / input.settings.people, 2)]),
    ),
    roles,
  };
}

const LABELS: Record<Kind, string> = {
  wall: 'GET /api/stories?limit=30',
  wallTotal: 'GET /api/stories?limit=1&total=true',
  me: 'GET /api/me',
  reactions: 'GET /api/me/reactions',
  approvals: 'GET /api/approvals',
  nextPage: 'GET /api/stories?limit=30&cursor=…',
  story: 'GET /api/stories/:id',
  vote: 'POST /api/stories/:id/vote',
  approve: 'POST /api/stories/:id/decision',
  submit: 'POST /api/stories',
};

/** The printed table's rows of the morning: `load.errors` and `load.lostWrites` are targets. */
export function morningRows(m: MorningResult): Row[] {
  const ratio = (r: number | null) => (r === null ? 'no baseline' : `ratio ${r}`);
  return [
    {
      name: 'load.errors',
      value: m.errors,
      unit: '',
      limit: 0,
      note:
        (Object.entries(m.errorsByKind)
          .map(([kind, n]) => `${kind}: ${n}`)
          .join(', ') || `of ${m.requests} requests`) +
        (m.errorsByTenSeconds.length > 0 ? `; per 10 s: ${m.errorsByTenSeconds.join(' ')}` : ''),
    },
    { name: 'load.lostWrites', value: m.lostWrites, unit: '', limit: 0, note: 'votes, approvals' },
    {
      name: 'load.storageCallsPerPerson',
      value: m.storageCallsPerPerson,
      unit: '',
      note:
        'storage calls during the morning ÷ people: ' +
        Object.entries(m.storageCallsByTable)
          .map(([target, n]) => `${target} ${n}`)
          .join(', '),
    },
    {
      name: 'load.requests',
      value: m.requests,
      unit: '',
      note:
        `${m.people} people over ${m.seconds} s, ${m.stored} stories stored, done in ${m.durationSeconds} s; ` +
        `${m.rps} req/s, at most ${m.maxInFlight} in flight`,
    },
    { name: 'load.p50Ms', value: m.p50Ms, unit: 'ms', note: `one at a time ${m.baseline.p50}` },
    {
      name: 'load.p95Ms',
      value: m.p95Ms,
      unit: 'ms',
      note: `one at a time ${m.baseline.p95} (n=${m.baseline.n}); p99 ${m.all.p99}`,
    },
    { name: 'load.ratioP95', value: m.ratioP95, unit: '', note: 'p95 under load ÷ one at a time' },
    ...KINDS.flatMap((kind): Row[] => {
      const k = m.byKind[kind];
      return k
        ? [
            {
              name: `load.p95Ms ${kind}`,
              value: k.p95Ms,
              unit: 'ms',
              note:
                `${LABELS[kind]}: p50 ${k.p50Ms}, n=${k.n}; alone p95 ${k.baselineP95Ms} ` +
                `(n=${k.baselineN}), ${ratio(k.ratioP95)}`,
            },
          ]
        : [];
    }),
    {
      name: 'load.peakRssMb',
      value: m.peakRssMb,
      unit: 'MB',
      note: `app process, sampled every 100 ms; ${m.rssMbBefore} MB before`,
    },
    {
      name: 'load.appCpuUsPerRequest',
      value: m.appCpuUsPerRequest,
      unit: 'µs',
      note: `app process CPU from the first arrival to the last answer ÷ requests: ${round((m.appCpuUsPerRequest * m.requests) / 1e6, 1)} s over ${m.durationSeconds} s`,
    },
  ];
}

/** `load` of bench/results.json. */
export function morningResults(m: MorningResult) {
  return {
    errors: m.errors,
    lostWrites: m.lostWrites,
    requests: m.requests,
    p50Ms: m.p50Ms,
    p95Ms: m.p95Ms,
    ratioP95: m.ratioP95,
    peakRssMb: m.peakRssMb,
    rssMbBefore: m.rssMbBefore,
    appCpuUsPerRequest: m.appCpuUsPerRequest,
    people: m.people,
    seconds: m.seconds,
    durationSeconds: m.durationSeconds,
    rps: m.rps,
    maxInFlight: m.maxInFlight,
    storageCallsPerPerson: m.storageCallsPerPerson,
    storageCallsByTable: m.storageCallsByTable,
    roles: m.roles,
    did: m.did,
    mix: MIX,
    all: m.all,
    baseline: m.baseline,
    byKind: m.byKind,
    errorsByKind: m.errorsByKind,
    errorSamples: m.errorSamples,
    errorsByTenSeconds: m.errorsByTenSeconds,
  };
}
