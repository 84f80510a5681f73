import type { Story } from '../../src/domain/index.js';
import { buildStory } from './factories.js';

/**
 * A labelled set for text search: stories in Finnish and English, and queries as people type
 * them — Finnish in other cases than the stories use ("laskuissa" for "lasku"), English in other
 * forms ("deliveries" for "delivery") — each with the stories that answer it. Shared by the search
 * tests and the benchmark (`search.recallAt5`).
 */
interface Told {
  readonly id: string;
  readonly locale: 'fi' | 'en';
  readonly title: string;
  readonly text: string;
  readonly team: string;
}

const TOLD: readonly Told[] = [
  {
    id: 'fi-invoice',
    locale: 'fi',
    title: 'Väärä lasku korjattiin samana päivänä',
    text: 'Lasku oli lähtenyt vanhaan osoitteeseen ja eräpäivä lähestyi. Soitin ja korjasin tiedot heti.',
    team: 'Talous',
  },
  {
    id: 'fi-delivery',
    locale: 'fi',
    title: 'Myöhästynyt toimitus ehti perille',
    text: 'Kuljetusliike peruutti ja toimitus oli jäämässä viikonlopun yli. Ajoin itse tavarat perille lauantaina.',
    team: 'Logistiikka',
  },
  {
    id: 'fi-contract',
    locale: 'fi',
    title: 'Sopimus uusittiin ilman katkoa',
    text: 'Vanha sopimus oli päättymässä kesken lomien. Valmistelin jatkon etukäteen ja palvelu jatkui.',
    team: 'Myynti',
  },
  {
    id: 'fi-training',
    locale: 'fi',
    title: 'Koulutus järjestettiin uudelle tiimille',
    text: 'Uudet työntekijät eivät osanneet järjestelmää. Pidin heille koulutus illalla etänä.',
    team: 'HR',
  },
  {
    id: 'fi-warehouse',
    locale: 'fi',
    title: 'Varasto inventoitiin yön aikana',
    text: 'Varasto piti laskea ennen aamun tarkastusta. Koko tiimi jäi auttamaan ja lukemat täsmäsivät.',
    team: 'Logistiikka',
  },
  {
    id: 'fi-hospital',
    locale: 'fi',
    title: 'Laite vietiin sairaala kiireellä',
    text: 'Sairaala tarvitsi varaosan leikkaussaliin. Ajoin osan Tampereelle keskellä yötä.',
    team: 'Huolto',
  },
  {
    id: 'fi-meeting',
    locale: 'fi',
    title: 'Kokous pelastettiin tulkin avulla',
    text: 'Ulkomainen vieras ei puhunut suomea ja kokous oli alkamassa. Järjestin tulkin puhelimitse.',
    team: 'Asiakaspalvelu',
  },
  {
    id: 'fi-order',
    locale: 'fi',
    title: 'Tilaus löytyi väärästä hyllystä',
    text: 'Kadonnut tilaus oli merkitty toimitetuksi. Etsin sen käsin ja lähetin pikana.',
    team: 'Logistiikka',
  },
  {
    id: 'fi-customer',
    locale: 'fi',
    title: 'Asiakas sai avaimensa takaisin',
    text: 'Asiakas oli pudottanut avaimet myymälään. Löysin ne ja vein kotiovelle.',
    team: 'Myymälä',
  },
  {
    id: 'fi-cooperation',
    locale: 'fi',
    title: 'Yhteistyö kilpailijan kanssa pelasti tapahtuman',
    text: 'Oma tulostin hajosi ennen messuja. Naapuriosaston yhteistyö toi meille koneen lainaan.',
    team: 'Markkinointi',
  },
  {
    id: 'fi-problem',
    locale: 'fi',
    title: 'Verkko-ongelma ratkaistiin etänä',
    text: 'Konttorin verkko kaatui maanantaiaamuna. Ohjasin käyttäjät mobiiliyhteydelle ja vika korjattiin.',
    team: 'IT',
  },
  {
    id: 'fi-elderly',
    locale: 'fi',
    title: 'Iäkäs mies sai apua kauppakassien kanssa',
    text: 'Mies ei jaksanut kantaa ostoksia. Kannoin kassit autoon ja neuvoin kotiinkuljetuksen.',
    team: 'Myymälä',
  },
  {
    id: 'en-invoice',
    locale: 'en',
    title: 'A wrong invoice fixed before the due date',
    text: 'The invoice had gone to an old address. I called accounting and had it corrected the same day.',
    team: 'Finance',
  },
  {
    id: 'en-delivery',
    locale: 'en',
    title: 'The late delivery arrived on Saturday',
    text: 'The carrier cancelled and the shipment would have waited all weekend. I drove it over myself.',
    team: 'Logistics',
  },
  {
    id: 'en-contract',
    locale: 'en',
    title: 'Renewing a contract during the holidays',
    text: 'The service agreement was about to expire while everyone was away. I prepared the renewal early.',
    team: 'Sales',
  },
  {
    id: 'en-training',
    locale: 'en',
    title: 'An evening training for new hires',
    text: 'New colleagues could not use the booking system. I trained them online after hours.',
    team: 'HR',
  },
  {
    id: 'en-laptop',
    locale: 'en',
    title: 'A broken laptop replaced before the pitch',
    text: 'The laptop died an hour before a big presentation. I brought a spare and copied the slides.',
    team: 'IT',
  },
  {
    id: 'en-hospital',
    locale: 'en',
    title: 'Spare part rushed to the hospital',
    text: 'The hospital needed a pump for surgery. I drove the part across town at night.',
    team: 'Service',
  },
  {
    id: 'en-meeting',
    locale: 'en',
    title: 'An interpreter saved the meeting',
    text: 'Our visitor spoke no English and the meeting was starting. I found an interpreter by phone.',
    team: 'Customer service',
  },
  {
    id: 'en-refund',
    locale: 'en',
    title: 'A refund paid the same afternoon',
    text: 'A customer had been charged twice. I refunded the payment and apologised in person.',
    team: 'Finance',
  },
  {
    id: 'en-customer',
    locale: 'en',
    title: 'A customer got her keys back',
    text: 'She had dropped her keys in the shop. I found them and took them to her door.',
    team: 'Retail',
  },
  {
    id: 'en-warehouse',
    locale: 'en',
    title: 'Counting the warehouse overnight',
    text: 'Stock had to be counted before the morning audit. The whole team stayed and the numbers matched.',
    team: 'Logistics',
  },
  {
    id: 'en-flood',
    locale: 'en',
    title: 'Moving stock away from a flooding basement',
    text: 'Water was rising in the storage room. We carried the boxes upstairs before anything was damaged.',
    team: 'Retail',
  },
  {
    id: 'en-elderly',
    locale: 'en',
    title: 'Helping an elderly man with his shopping',
    text: 'He could not carry his bags. I carried them to his car and showed him home delivery.',
    team: 'Retail',
  },
];

/** Stories of the set, published, a day apart (the first one newest). */
export function searchCorpus(base: Partial<Story> = {}): Story[] {
  const start = Date.UTC(2026, 5, 30, 12);
  return TOLD.map((told, index) => {
    const at = new Date(start - index * 86_400_000);
    const [situation = '', action = ''] = told.text.split('. ');
    return buildStory({
      id: told.id,
      locale: told.locale,
      title: told.title,
      situation,
      action,
      outcome: '',
      lesson: '',
      team: told.team,
      status: 'published',
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      ...base,
    });
  });
}

/** A query and the ids of the stories that answer it. */
export interface LabelledQuery {
  readonly q: string;
  readonly relevant: readonly string[];
}

export const LABELLED_QUERIES: readonly LabelledQuery[] = [
  // Finnish, in other cases than the stories tell them.
  { q: 'laskuissa', relevant: ['fi-invoice'] },
  { q: 'laskun eräpäivä', relevant: ['fi-invoice'] },
  { q: 'toimituksen', relevant: ['fi-delivery'] },
  { q: 'sopimuksesta', relevant: ['fi-contract'] },
  { q: 'koulutuksessa', relevant: ['fi-training'] },
  { q: 'varastossa', relevant: ['fi-warehouse'] },
  { q: 'sairaalaan', relevant: ['fi-hospital'] },
  { q: 'kokouksessa', relevant: ['fi-meeting'] },
  { q: 'tilauksen', relevant: ['fi-order'] },
  { q: 'asiakkaalle', relevant: ['fi-customer'] },
  { q: 'avaimet asiakkaalle', relevant: ['fi-customer'] },
  { q: 'yhteistyöstä', relevant: ['fi-cooperation'] },
  { q: 'verkon ongelmat', relevant: ['fi-problem'] },
  { q: 'ostokset', relevant: ['fi-elderly'] },
  { q: 'tulkki', relevant: ['fi-meeting'] },
  // English, in other forms than the stories tell them.
  { q: 'invoices', relevant: ['en-invoice'] },
  { q: 'late deliveries', relevant: ['en-delivery'] },
  { q: 'contracts', relevant: ['en-contract'] },
  { q: 'trainings', relevant: ['en-training'] },
  { q: 'laptops', relevant: ['en-laptop'] },
  { q: 'hospitals', relevant: ['en-hospital'] },
  { q: 'meetings interpreters', relevant: ['en-meeting'] },
  { q: 'refunds', relevant: ['en-refund'] },
  { q: 'customers keys', relevant: ['en-customer'] },
  { q: 'counted stock', relevant: ['en-warehouse', 'en-flood'] },
  { q: 'flooded', relevant: ['en-flood'] },
  { q: 'carrying bags', relevant: ['en-elderly'] },
  { q: 'spare', relevant: ['en-laptop', 'en-hospital'] },
];

/** The share of each query's answers among its first five hits, averaged over the queries. */
export async function recallAt5(
  search: (q: string) => Promise<readonly string[]>,
  queries: readonly LabelledQuery[] = LABELLED_QUERIES,
): Promise<{ recall: number; misses: string[] }> {
  let sum = 0;
  const misses: string[] = [];
  for (const { q, relevant } of queries) {
    const top = (await search(q)).slice(0, 5);
    const found = relevant.filter((id) => top.includes(id));
    sum += found.length / relevant.length;
    if (found.length < relevant.length) misses.push(q);
  }
  return { recall: sum / queries.length, misses };
}
