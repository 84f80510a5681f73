import { DEFAULT_SETTINGS, type FeaturedPerson, type Locale, type Story } from '../domain/index.js';
import { DEMO_USER_IDS, demoUsers } from './demoUsers.js';

/** One published story of the demo wall. */
export interface DemoStory {
  readonly story: Story;
}

const ids = DEMO_USER_IDS;

/** The demo people a story may name or be told by; the manager approves them all. */
type PersonKey = Exclude<keyof typeof DEMO_USER_IDS, 'manager'>;

/** A story as told, with its place in time given relative to `now`. */
interface Seed {
  readonly id: string;
  readonly locale: Locale;
  readonly title: string;
  readonly situation: string;
  readonly action: string;
  readonly outcome: string;
  readonly lesson: string;
  readonly team: string;
  readonly category: string;
  readonly featured: readonly PersonKey[];
  readonly author: PersonKey;
  readonly customerQuote?: string;
  readonly sourceUrl?: string;
  readonly consent: boolean;
  /** Days before `now` the story was published, and the UTC hour of publication. */
  readonly publishedDaysAgo: number;
  readonly publishedHour: number;
  /** Days the story waited between submission and approval. */
  readonly reviewDays: number;
  readonly voteCount: number;
}

const seeds: readonly Seed[] = [
  {
    id: 'demo-001',
    locale: 'fi',
    title: 'Kuljettajan oma takki seminaarivieraan ylle',
    situation:
      'Tomi nouti First Class -asiakkaan lentokentältä seminaarin ensimmäisenä aamuna. Messukeskuksen ovella asiakas huomasi harmikseen, että hänen pikkutakkinsa oli jäänyt lähtömaahan. Edessä oli kaksi seminaaripäivää ja illallinen puhujien kanssa pelkässä paidassa.',
    action:
      'Tomi huomasi, että he olivat suunnilleen samaa kokoa. Hän riisui oman puvuntakkinsa ja tarjosi sen asiakkaan käyttöön koko seminaarin ajaksi – niin ripeästi, että povitaskuun jäi hänen oma muistikirjansa. Takin hän otti takaisin vasta, kun vei asiakkaan kentälle.',
    outcome:
      'Asiakas kiersi seminaarin Tomin takissa ja kertoi tarinan jokaiselle, jonka kanssa jutteli. Hän palautti takin muistikirjoineen ja kiitoskortin kera ja ilmoittautui saman tien seuraavan vuoden tapahtumaan.',
    lesson:
      'Missään ohjeessa ei lue, että kuljettaja lainaa takkinsa. Parhaat palveluteot syntyvät, kun katsomme asiakkaan tilannetta emmekä omaa tehtävänkuvaamme – ja uskallamme toimia heti.',
    team: 'Logistics',
    category: 'beyond-expectations',
    featured: ['driver'],
    author: 'service',
    customerQuote:
      'Tulin seminaariin ilman takkia ja lähdin kotiin tarinan kanssa, jota kerron vieläkin.',
    consent: true,
    publishedDaysAgo: 118,
    publishedHour: 9,
    reviewDays: 3,
    voteCount: 12,
  },
  {
    id: 'demo-002',
    locale: 'fi',
    title: 'Hetki vauvan kanssa, jotta koko sali sai kuunnella',
    situation:
      'Aamupäivän pääpuheenvuoro oli juuri alkanut, kun Niklas huomasi salin takaosassa äidin, jonka sylivauva kävi yhä levottomammaksi. Äiti yritti rauhoitella lasta ja seurata puhetta yhtä aikaa, ja lähellä istuvat vieraat alkoivat vilkuilla.',
    action:
      'Niklas kyykistyi äidin viereen ja tarjoutui hiljaa pitämään vauvaa hetken. Kun äiti suostui, hän kanteli vauvaa aulassa, jutteli ja keinutteli, kunnes tämä rauhoittui, ja toi hänet takaisin äidilleen tauon alkaessa.',
    outcome:
      'Äiti kuuli puheenvuoron loppuun, ja niin kuulivat kaikki hänen ympärillään istuneetkin. Tauolla hän etsi Niklasin käsiinsä kiittääkseen, ja tilanteesta otettu kuva kiersi myöhemmin koko henkilökunnan keskuudessa.',
    lesson:
      'Tilannetaju on palvelua: kun autat yhtä asiakasta, autat usein koko salia. Tarjoa apua hiljaa ja kunnioittavasti, ja anna asiakkaan päättää.',
    team: 'Customer service',
    category: 'care',
    featured: ['service'],
    author: 'cloakroom',
    consent: false,
    publishedDaysAgo: 109,
    publishedHour: 11,
    reviewDays: 2,
    voteCount: 11,
  },
  {
    id: 'demo-003',
    locale: 'fi',
    title: 'Nappi, jota kukaan ei pyytänyt ompelemaan',
    situation:
      'Kun Anna otti narikassa vastaan asiakkaan talvitakin, hän huomasi, että yksi napeista roikkui enää yhden langan varassa. Samaan aikaan livestream-huoneessa alkoi päivän odotetuin puheenvuoro, jonka moni narikan työntekijä halusi nähdä.',
    action:
      'Anna jäi omasta tahdostaan narikkaan, haki huoltokaapista neulan ja lankaa ja ompeli napin tukevasti paikalleen. Takin taskuun hän jätti lapun: "Nappi oli irtoamassa, joten ompelin sen kiinni. Hyvää kotimatkaa! – Anna, narikka."',
    outcome:
      'Illalla takkiaan hakenut asiakas löysi lapun, luki sen kahdesti ja palasi tiskille kiittämään. Hän kertoi kuulleensa päivän aikana monta hyvää puhetta, mutta muistavansa tapahtumasta ensimmäisenä narikan.',
    lesson:
      'Pieni, pyytämättä tehty palvelus jää mieleen pidempään kuin suuri lupaus. Kun huomaat jotain korjattavaa, korjaa se – ja kerro asiakkaalle, että joku välitti.',
    team: 'Venue services',
    category: 'craftsmanship',
    featured: ['cloakroom'],
    author: 'driver',
    customerQuote: 'Moni puhe unohtuu, mutta sitä nappia en unohda. Kiitos, Anna.',
    consent: true,
    publishedDaysAgo: 97,
    publishedHour: 13,
    reviewDays: 4,
    voteCount: 9,
  },
  {
    id: 'demo-004',
    locale: 'en',
    title: 'A guest’s own post about our introvert recharge corner',
    situation:
      'Two days of keynotes, thousands of people and loud coffee breaks can drain anyone. This year Venue services set aside a quiet corner behind the main hall: soft light, armchairs, water, phone chargers and a simple sign: "Introvert recharge corner. No networking required."',
    action:
      'Anna and Niklas kept the corner calm all day. They moved the coffee queue away from it, kept the chargers working and gently reminded passers-by that it was a quiet space. The idea itself came from one guest’s feedback the year before.',
    outcome:
      'A week later a guest’s own post about the corner turned up in our social feed, shared hundreds of times. Several people commented that it was the first event where they had lasted all the way to the evening party.',
    lesson:
      'Listen to the quiet customers too. The needs people are least likely to voice in person are often the ones they thank you for most loudly afterwards.',
    team: 'Venue services',
    category: 'customer-praise',
    featured: ['cloakroom', 'service'],
    author: 'editor',
    customerQuote:
      'Best thing at the whole event? The introvert recharge corner. Twenty minutes in an armchair and I was ready for the afternoon. Whoever thought of this: thank you.',
    sourceUrl: 'https://example.com/posts/introvert-recharge-corner',
    consent: true,
    publishedDaysAgo: 88,
    publishedHour: 8,
    reviewDays: 2,
    voteCount: 10,
  },
  {
    id: 'demo-005',
    locale: 'en',
    title: 'The quote that remembered what the customer forgot',
    situation:
      'A twelve-person engineering firm came back for a second year and asked for a group quote by the end of the day. Sales was short-handed that week, so Emma from Customer service was covering the shared sales inbox.',
    action:
      'Before writing the quote, Emma read last year’s booking notes. Two of the group had needed step-free seating and one had a nut allergy. She put both into the quote unasked, with one line: "We have kept these from last year; just tell us if anything has changed."',
    outcome:
      'The customer replied within the hour, signed the same afternoon and added three more people to the booking. Their office manager told us later that she had been dreading explaining everything again.',
    lesson:
      'What a customer has told us once, they should never have to tell us twice. Reading the history before replying is a small habit that customers notice at once.',
    team: 'Sales',
    category: 'beyond-expectations',
    featured: ['employee'],
    author: 'service',
    customerQuote:
      'You remembered things I had forgotten to tell you. That has never happened to me with a supplier.',
    consent: true,
    publishedDaysAgo: 76,
    publishedHour: 10,
    reviewDays: 3,
    voteCount: 7,
  },
  {
    id: 'demo-006',
    locale: 'fi',
    title: 'Onnittelut valkokankaalla asiakkaan 25-vuotispäivänä',
    situation:
      'Eeva asiakaskokemustiimistä kävi markkinoinnin kanssa läpi tapahtuman osallistujalistaa ja huomasi, että yksi pitkäaikaisimmista asiakasyrityksistämme täytti 25 vuotta juuri seminaarin ensimmäisenä päivänä. Yrityksestä oli paikalla toimitusjohtaja ja koko johtoryhmä.',
    action:
      'Eeva varmisti ensin toimitusjohtajan assistentilta, että yllätys olisi tervetullut. Sitten hän sopi tuotannon kanssa, että iltapäivän tauolla päänäytöillä näkyy lyhyt onnittelu yrityksen nimellä, ja varasi ryhmälle oman pöydän kakkukahveineen.',
    outcome:
      'Johtoryhmä kuvasi itsensä näytön edessä, ja toimitusjohtaja jakoi kuvan omissa somekanavissaan kiitosten kera. Yritys varasi seuraavan vuoden paikat jo ennen kuin tapahtuma oli ohi.',
    lesson:
      'Asiakkaan tärkeät päivät ovat meidänkin tärkeitä päiviämme. Kun huomaat jotain asiakkaalle merkityksellistä, näytä että huomasit – mutta kysy ensin, sopiiko se hänelle.',
    team: 'Marketing',
    category: 'beyond-expectations',
    featured: ['editor'],
    author: 'cloakroom',
    sourceUrl: 'https://example.com/posts/25-vuotta-onnittelut',
    consent: true,
    publishedDaysAgo: 64,
    publishedHour: 12,
    reviewDays: 5,
    voteCount: 6,
  },
  {
    id: 'demo-007',
    locale: 'en',
    title: 'An invoice that finally fitted the customer’s system',
    situation:
      'A municipal customer’s procurement system rejected our invoice three times because of a reference-number format we did not produce. Their accounts-payable clerk phoned Finance, worried that the late-payment reminder she had just received would be counted as her mistake.',
    action:
      'Finance cancelled the reminder and its fee during the call. Then they asked Aaron from IT to look at the format. Within two days he had added the customer’s reference format to our e-invoice export, and Finance phoned the clerk back to send the corrected invoice while she watched it arrive.',
    outcome:
      'The invoice went through on the first try and was paid the same week. The clerk wrote to thank us for "not making it my problem", and the export now handles the same format for every public-sector customer.',
    lesson:
      'A billing problem is a customer-experience problem. Fix the one case for the customer first, then fix the cause so that the next customer never meets it.',
    team: 'Finance',
    category: 'teamwork',
    featured: ['admin'],
    author: 'employee',
    consent: false,
    publishedDaysAgo: 55,
    publishedHour: 14,
    reviewDays: 2,
    voteCount: 4,
  },
  {
    id: 'demo-008',
    locale: 'fi',
    title: 'Kaatosade ja kuivat vieraat',
    situation:
      'Toisen seminaaripäivän aamuna alkoi ukkoskuuro juuri, kun vieraat saapuivat. Sateenvarjot loppuivat kymmenessä minuutissa, ja moni astui sisään läpimärkänä, edessään kolmen tunnin ohjelma.',
    action:
      'Anna ja Niklas tekivät nopean suunnitelman. Niklas kokosi palvelutiimistä vapaat kädet saattamaan vieraita sateenvarjojen alla taksitolpalta ovelle. Anna raivasi narikkaan oman kuivatusrivin märille takeille ja lainasi vieraille tapahtuman huppareita siksi aikaa.',
    outcome:
      'Kun vieraat hakivat takkinsa illalla, ne olivat kuivia. Palautekyselyssä moni mainitsi sateen – mutta kiitoksena, ei valituksena.',
    lesson:
      'Kun suunnitelma pettää, tiimi ratkaisee. Yhteinen tavoite – asiakas istuu saliin kuivana ja hyvällä mielellä – riittää ohjeeksi, kun jokainen tarttuu siihen, minkä osaa parhaiten.',
    team: 'Venue services',
    category: 'teamwork',
    featured: ['cloakroom', 'service'],
    author: 'driver',
    consent: false,
    publishedDaysAgo: 43,
    publishedHour: 7,
    reviewDays: 3,
    voteCount: 8,
  },
  {
    id: 'demo-009',
    locale: 'en',
    title: 'A cancelled flight, and a seat that still counted',
    situation:
      'At 7.40 pm on the evening before the forum, a customer from Tallinn called Customer service: a strike had cancelled her flight and there was no other way to arrive in time. She had looked forward to the workshop all spring.',
    action:
      'Emma, already past the end of her shift, stayed on the line. She moved the ticket to the livestream, had the printed workshop workbook couriered to the customer’s office for the next morning and, with her permission, passed her seat at the networking dinner to a colleague of hers who was already in town.',
    outcome:
      'The customer followed both days from her office with the workbook on her desk, and her colleague came back with a pocketful of business cards. When she renewed for the next year, she asked for Emma by name.',
    lesson:
      'When we cannot give customers what they paid for, give them the best version of it we can, and decide quickly. Speed is part of the kindness.',
    team: 'Customer service',
    category: 'quick-thinking',
    featured: ['employee'],
    author: 'admin',
    customerQuote:
      'I expected a refund form. I got a plan, a workbook on my desk and someone who cared. Thank you, Emma.',
    consent: true,
    publishedDaysAgo: 33,
    publishedHour: 15,
    reviewDays: 4,
    voteCount: 5,
  },
  {
    id: 'demo-010',
    locale: 'en',
    title: 'A phone returned before security',
    situation:
      'Tomi had just dropped a speaker at the airport when something started buzzing on the back seat. The guest’s phone had slipped between the seats, with her boarding pass and a whole week of meetings on it.',
    action:
      'Tomi turned back and called Customer service on the way. Niklas found the number of the guest’s travelling companion in the registration details and arranged for her to wait at the departures door. Tomi handed the phone over ten minutes before she would have gone through security.',
    outcome:
      'The guest made her flight with the phone in her pocket. She wrote later that she would only have missed it at the gate, and that she had never met event staff who thought about her journey beyond the door.',
    lesson:
      'A customer’s experience does not end when they step out of the car. When you spot a problem before the customer does, solve it before they have time to worry, and ask a colleague for help straight away.',
    team: 'Logistics',
    category: 'quick-thinking',
    featured: ['driver', 'service'],
    author: 'cloakroom',
    consent: false,
    publishedDaysAgo: 22,
    publishedHour: 10,
    reviewDays: 2,
    voteCount: 3,
  },
  {
    id: 'demo-011',
    locale: 'en',
    title: 'A programme in large print, made for one guest',
    situation:
      'A week before the event, a customer emailed to say that her father, the retired founder of her company, would come with her. His eyesight was poor, and the programme and venue map we had sent were too small for him to read.',
    action:
      'Eeva from Customer experience sat down with Marketing and laid out a large-print programme and venue map that same evening, in high contrast, with the session rooms numbered in the order he would need them. She had two copies printed and left them at the registration desk in an envelope with his name on it.',
    outcome:
      'He found his own way to every session he had chosen, which his daughter said mattered to him more than anything. Large print is now an option in our registration form, and forty guests chose it at the next event.',
    lesson:
      'Design for the one guest who asks and you often find many who did not. Accessibility is rarely extra work once it is part of the template.',
    team: 'Marketing',
    category: 'care',
    featured: ['editor'],
    author: 'employee',
    consent: false,
    publishedDaysAgo: 12,
    publishedHour: 9,
    reviewDays: 3,
    voteCount: 2,
  },
  {
    id: 'demo-012',
    locale: 'fi',
    title: 'Nimi oikein – tällä kertaa kaikille',
    situation:
      'Asiakas kirjoitti tuohtuneena, että hänen nimensä oli taas väärin sekä nimikyltissä että osallistumistodistuksessa: Hämäläisestä oli tullut Hamalainen, ilman ääkkösiä, jo toisena vuonna peräkkäin.',
    action:
      'Niklas ei tyytynyt pahoittelemaan. Hän korjasi nimen, tulostutti uuden todistuksen ja postitti sen käsin kirjoitetun kortin kanssa. Sitten hän selvitti Aaronin kanssa, mistä vika johtui: rekisteröintien vienti muutti ääkköset väärin. Vika korjattiin, ja samalla korjaantui 214 muuta nimeä.',
    outcome:
      'Asiakas soitti kiittääkseen ja sanoi odottaneensa korkeintaan anteeksipyyntöä. Seuraavassa tapahtumassa yksikään nimikyltti ei ollut väärin.',
    lesson:
      'Anteeksipyyntö korjaa yhden asiakkaan päivän, juurisyyn korjaus kaikkien. Kun sama virhe toistuu, kysy miksi – ja vie asia loppuun asti.',
    team: 'Customer service',
    category: 'craftsmanship',
    featured: ['service', 'admin'],
    author: 'editor',
    customerQuote: 'Kerrankin joku korjasi asian eikä vain pahoitellut. Kiitos, Niklas.',
    consent: true,
    publishedDaysAgo: 3,
    publishedHour: 11,
    reviewDays: 2,
    voteCount: 0,
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** `days` whole days before `now`, at the given UTC hour; always before `now` for days ≥ 1. */
function daysBefore(now: Date, days: number, hour: number): Date {
  const at = new Date(now.getTime() - days * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
}

/**
 * The published stories local mode seeds so that a new user meets a living wall: half in
 * English, half in Finnish, spread over the four months before `now`, each approved by the
 * demo manager. Pure data; the same `tenantId` and `now` always give the same stories.
 */
export function demoStories(tenantId: string, now: Date): DemoStory[] {
  // Names come from the demo directory, so a renamed demo user is renamed on the wall too.
  const names = new Map(demoUsers(tenantId).map((user) => [user.id, user.displayName]));
  const person = (key: PersonKey): FeaturedPerson => ({
    id: ids[key],
    displayName: names.get(ids[key]) ?? key,
  });
  const managerName = names.get(ids.manager) ?? 'manager';
  return seeds.map((seed) => {
    const publishedAt = daysBefore(now, seed.publishedDaysAgo, seed.publishedHour);
    const createdAt = new Date(publishedAt.getTime() - seed.reviewDays * DAY_MS - 3 * 3600_000);
    const author = person(seed.author);
    const story: Story = {
      tenantId,
      id: seed.id,
      title: seed.title,
      situation: seed.situation,
      action: seed.action,
      outcome: seed.outcome,
      lesson: seed.lesson,
      team: seed.team,
      category: seed.category,
      featured: seed.featured.map(person),
      ...(seed.customerQuote ? { customerQuote: seed.customerQuote } : {}),
      ...(seed.sourceUrl ? { sourceUrl: seed.sourceUrl } : {}),
      consent: seed.consent,
      locale: seed.locale,
      authorId: author.id,
      authorName: author.displayName,
      status: 'published',
      approval: {
        policyVersion: 1,
        plan: DEFAULT_SETTINGS.approval,
        startedAt: createdAt,
        stage: {
          index: 0,
          mode: 'any',
          slots: [{ userId: ids.manager, displayName: managerName, approvedAt: publishedAt }],
          startedAt: createdAt,
        },
        reminders: 0,
        nudgedAt: createdAt,
        asked: [ids.manager],
      },
      decidedBy: ids.manager,
      createdAt,
      updatedAt: publishedAt,
      publishedAt,
      voteCount: seed.voteCount,
      learnedCount: 0,
      revision: 1,
    };
    return { story };
  });
}
