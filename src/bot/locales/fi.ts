import type { Messages } from './en.js';

/** Finnish texts of the bot; the same keys as `en.ts`, checked by the `Messages` type. */
export const fi: Messages = {
  help: {
    title: 'Story Wall',
    welcome: 'Tervetuloa Story Walliin!',
    intro:
      'Kerro tosia tarinoita hetkistä, joissa joku ylitti asiakkaan odotukset. Esihenkilösi hyväksyy jokaisen tarinan, ja hyväksytyt tarinat julkaistaan tarinaseinällä kaikkien opiksi.',
    how: 'Hyvä tarina kertoo, mikä oli tilanne, mitä tehtiin, miten asiakas reagoi ja mitä muut voivat siitä oppia.',
    commands: 'Mitä voit pyytää minulta',
    commandShare: '**kerro tarina**: avaa tarinalomakkeen',
    commandNominate:
      '**ehdota** *nimi*: avaa tarinalomakkeen, jossa kollega on valmiiksi mainittuna',
    commandMyStories: '**omat tarinat**: listaa tarinasi ja missä kukin on menossa',
    commandHelp: '**ohje** tai **apua**: näyttää tämän kortin',
    commandPostHere:
      '**julkaise tarinat täällä** (ylläpitäjät, mainitse minut tiimin kanavalla): julkaistut tarinat julkaistaan sillä kanavalla',
    share: 'Kerro tarina',
  },
  myStories: {
    title: 'Omat tarinat',
    empty: 'Et ole vielä kertonut tarinoita. Kirjoita **kerro tarina** kertoaksesi yhden.',
    more: 'Tässä ovat vain uusimmat tarinasi; tarinaseinän Omat tarinat -näkymässä ovat kaikki.',
  },
  hint: {
    unknown:
      'En ymmärtänyt. Kirjoita **ohje**, niin näet mitä osaan, tai **kerro tarina**, niin pääset kertomaan tarinan.',
    personalOnly:
      'Tarinat kerrotaan henkilökohtaisessa chatissa kanssani: avaa chat Story Wallin kanssa ja kirjoita **kerro tarina**.',
  },
  form: {
    title: 'Kerro tarina',
    intro:
      'Kerro hetkestä, jossa joku ylitti asiakkaan odotukset. Tähdellä (*) merkityt kentät ovat pakollisia.',
    invalid: 'Tarkista nämä kentät: {{fields}}.',
    required: 'Tämä kenttä on pakollinen.',
    submit: 'Lähetä hyväksyttäväksi',
    editTitle: 'Muokkaa tarinaasi',
    editIntro:
      'Tee pyydetyt muutokset ja lähetä tarina uudelleen. Tähdellä (*) merkityt kentät ovat pakollisia.',
    resubmit: 'Lähetä uudelleen hyväksyttäväksi',
    fields: {
      title: { label: 'Otsikko', placeholder: 'Lyhyt otsikko tarinalle' },
      situation: { label: 'Tilanne', placeholder: 'Mitä tapahtui ja mitä asiakas tarvitsi?' },
      action: { label: 'Mitä tehtiin', placeholder: 'Mitä kollegasi tai sinä teitte?' },
      outcome: { label: 'Asiakkaan reaktio', placeholder: 'Miten asiakas reagoi?' },
      lesson: { label: 'Opetus', placeholder: 'Mitä kaikki voivat oppia tästä?' },
      team: { label: 'Tiimi', placeholder: 'esim. Asiakaspalvelu', choose: 'Valitse tiimisi' },
      category: { label: 'Kategoria', placeholder: 'Valitse hetken tyyppi' },
      featured: { label: 'Mainitut kollegat', placeholder: 'Kuka teki enemmän kuin odotettiin?' },
      customerQuote: {
        label: 'Asiakkaan kiitos (valinnainen)',
        placeholder: 'Mitä asiakas sanoi, sanasta sanaan',
      },
      sourceUrl: { label: 'Linkki lähteeseen (valinnainen)', placeholder: 'https://…' },
      accountName: {
        label: 'Asiakkuus (valinnainen)',
        placeholder: 'Asiakasyritys, kuten CRM sen nimeää',
      },
      crmUrl: { label: 'Linkki asiakkuuteen CRM:ssä (valinnainen)', placeholder: 'https://…' },
    },
    consent: {
      label: 'Suostumus',
      title: 'Tarinan asiakastiedot saa julkaista',
    },
  },
  coach: {
    check: 'Tarkista tarinani',
    title: 'Tarinavalmentaja',
    intro:
      'Mitään ei ole vielä lähetetty. Paranna tarinaa halutessasi ja lähetä se sitten hyväksyttäväksi.',
    quality: 'Laatu: **{{quality}}** ({{score}}/100)',
    levels: {
      weak: 'Heikko',
      fair: 'Kohtalainen',
      good: 'Hyvä',
      strong: 'Vahva',
    },
    verdicts: {
      missing: 'Puuttuu',
      needsWork: 'Kaipaa työtä',
      good: 'Kunnossa',
    },
    hint: '**{{field}}:** {{text}}',
    wholeStory: 'Koko tarina',
    allGood: 'Ei lisättävää: tämä tarina opettaa. Muut voivat kertoa sen eteenpäin ja oppia siitä.',
    hints: {
      missing: 'Vielä kirjoittamatta. {{question}}',
      thin: 'Liian lyhyt kerrottavaksi eteenpäin: lisää muutama sana siitä, kuka, missä ja mitä tarkalleen.',
      sameText: 'Sama teksti kuin kohdassa ”{{other}}”. Kerro tämä osa omin sanoin.',
      vague:
        'Ympäripyöreät sanat (”kiva”, ”juttu”, ”jotain”) kertovat vähän. Kerro, mitä tarkalleen tapahtui.',
      situationNoCustomer:
        'Kuka asiakas oli ja mitä hän tarvitsi? Mainitse hänet vaikkapa sanalla ”asiakas” tai ”vieras”.',
      outcomeNoCustomer: 'Kerro, miten asiakas reagoi: mitä hän sanoi tai teki?',
      lessonRepeatsAction:
        'Opetus toistaa sen, mitä tehtiin. Mitä muut voivat oppia tästä omaan työhönsä?',
      lessonNotGeneral:
        'Muotoile opetus neuvoksi, jota muutkin voivat noudattaa: ”Kun…, kannattaa…”.',
      noDetail:
        'Lisää yksi konkreettinen yksityiskohta: aika, luku, paikka tai asiakkaan omat sanat.',
    },
  },
  personalData: {
    formNotice:
      'Tarinassa voi olla henkilötietoja. Poista tiedot, joita tarina ei tarvitse, ja lähetä se uudelleen, tai valitse **Lähetä silti**.',
    approvalNotice: 'Tarkista henkilötiedot ennen päätöstä. Tarinassa voi olla:',
    line: '{{field}}: {{kinds}}',
    sendAnyway: 'Lähetä silti',
    fields: {
      title: 'Otsikko',
      situation: 'Tilanne',
      action: 'Mitä tehtiin',
      outcome: 'Asiakkaan reaktio',
      lesson: 'Opetus',
      customerQuote: 'Asiakkaan kiitos',
    },
    kinds: {
      email: 'sähköpostiosoite',
      phone: 'puhelinnumero',
      personalId: 'henkilötunnus',
      iban: 'tilinumero (IBAN)',
      card: 'maksukortin numero',
    },
  },
  nominate: {
    featured:
      'Ehdotat kollegaa **{{name}}**. Kerro, mitä hän teki asiakkaan hyväksi. Voit lisätä muita kohdassa {{field}}.',
    ambiguous:
      'Nimellä ”{{query}}” löytyi useita kollegoita: {{names}}. Valitse oikea kohdassa {{field}}.',
    notFound: 'En löytänyt ketään nimellä ”{{query}}”. Valitse kollega kohdassa {{field}}.',
    self: 'Itseään ei voi ehdottaa, mutta tarinasi on tervetullut: valitse mukana olleet kollegat kohdassa {{field}} tai jätä kohta tyhjäksi.',
    unnamed:
      'Kenet haluat ehdottaa? Valitse hänet kohdassa {{field}} tai kirjoita **ehdota** ja hänen nimensä.',
  },
  extension: {
    shareTitle: 'Jaa tarinana',
    noStories: 'Haullasi ei löytynyt tarinoita. Kokeile muita sanoja.',
    emptyWall: 'Tarinaseinällä ei ole vielä tarinoita.',
  },
  category: {
    'beyond-expectations': 'Yli odotusten',
    care: 'Välittäminen',
    'quick-thinking': 'Nopea ajattelu',
    craftsmanship: 'Ammattitaito',
    teamwork: 'Tiimityö',
    'customer-praise': 'Asiakkaan kiitos',
  },
  thanks: {
    title: 'Kiitos tarinastasi!',
    resubmittedTitle: 'Tarinasi lähetettiin uudelleen!',
    pending: '”{{title}}” odottaa nyt hyväksyntää: {{approver}}.',
    next: 'Kerron sinulle tässä chatissa, kun tarinasta on päätetty.',
    unknownApprover: 'hyväksyjäsi',
  },
  story: {
    toldBy: 'Kertoja: {{author}}',
    formerColleague: 'Entinen kollega',
    situation: 'Tilanne',
    action: 'Mitä tehtiin',
    outcome: 'Asiakkaan reaktio',
    lesson: 'Opetus',
    team: 'Tiimi',
    category: 'Kategoria',
    featured: 'Mainitut',
    quote: 'Asiakkaan kiitos',
    source: 'Avaa lähde',
    account: 'Asiakkuus',
    openInCrm: 'Avaa asiakkuus CRM:ssä',
  },
  approval: {
    heading: 'Tarina odottaa päätöstäsi',
    approve: 'Hyväksy',
    requestChanges: 'Pyydä muutoksia',
    changesLabel: 'Mitä pitäisi muuttaa?',
    changesPlaceholder: 'Kerro kertojalle, mitä lisätä tai korjata',
    sendChanges: 'Lähetä pyyntö',
    reject: 'Hylkää',
    rejectLabel: 'Syy (valinnainen)',
    rejectPlaceholder: 'Miksi tarinaa ei julkaista?',
    sendReject: 'Hylkää tarina',
    reminder: 'Muistutus: tarina odottaa yhä päätöstäsi.',
    stage: 'Vaihe {{stage}}/{{stages}}',
    waitingFor: 'Odottaa: {{names}}',
    approvedSoFar: 'Tähän mennessä hyväksyneet: {{names}}',
    reassign: 'Siirrä toiselle',
    reassignLabel: 'Kuka päättää sinun sijastasi?',
    reassignPlaceholder: 'Hae kollegaa',
    reassignCommentLabel: 'Huomautus tapahtumiin (valinnainen)',
    reassignCommentPlaceholder: 'esim. Olen lomalla maanantaihin asti',
    sendReassign: 'Siirrä',
    reassigned: 'Siirretty henkilölle {{name}}.',
  },
  status: {
    pending: 'Odottaa päätöstä',
    published: 'Hyväksytty ja julkaistu',
    changes_requested: 'Muutoksia pyydetty',
    rejected: 'Hylätty',
    withdrawn: 'Peruttu',
    archived: 'Arkistoitu',
    hidden: 'Toimittajat piilottivat tarinan',
    decidedBy: 'Päättäjä: {{name}}',
    comment: 'Kommentti: {{comment}}',
  },
  decided: {
    approve: 'Tarinasi ”{{title}}” hyväksyttiin, ja se on nyt tarinaseinällä. Kiitos!',
    changes: '{{name}} pyysi muutoksia tarinaasi ”{{title}}”.',
    reject: 'Tarinaasi ”{{title}}” ei julkaistu.',
    expire:
      'Tarinastasi ”{{title}}” ei päätetty ajoissa, joten se palasi sinulle. Muokkaa sitä ja lähetä se uudelleen.',
    comment: '{{name}} kirjoitti: {{comment}}',
    edit: 'Muokkaa ja lähetä uudelleen',
  },
  featured: {
    title: 'Sinut mainitaan tarinassa!',
    told: '{{author}} kertoi tarinan, jossa sinut mainitaan: ”{{title}}”. Se on nyt tarinaseinällä kaikkien opiksi.',
    thanks: 'Kiitos, että ylitit asiakkaan odotukset!',
    remove: 'Poista nimeni',
    control: 'Sinä päätät: voit poistaa nimesi tästä tarinasta milloin tahansa.',
    removed: 'Nimesi ei ole enää tarinassa ”{{title}}”. Tarina näkyy kaikkialla ilman sinua.',
    askTitle: 'Saako nimesi näkyä tarinassa?',
    ask: '{{author}} kertoi tarinan, jossa sinut mainitaan: ”{{title}}”. Nimesi näytetään koko yritykselle vasta, kun hyväksyt sen.',
    askPublished:
      '{{author}} kertoi tarinan, jossa sinut mainitaan: ”{{title}}”. Tarina on tarinaseinällä; nimesi näkyy siinä vasta, kun hyväksyt sen.',
    confirm: 'Hyväksy',
    confirmed:
      'Kiitos! Nimesi näkyy tarinassa ”{{title}}”. Voit silti poistaa sen milloin tahansa.',
    awaiting: '{{name}} (ei vielä hyväksynyt)',
  },
  channel: {
    featured: 'Tarinassa mukana: {{names}}',
    votes: 'Ääniä',
    vote: 'Äänestä',
    hidden: 'Toimittajat poistivat tarinan näkyvistä. Se ei näy, kun he tarkistavat sitä.',
    voted: 'Kiitos äänestäsi!',
    set: 'Valmista: julkaistut tarinat julkaistaan tällä kanavalla.',
    adminOnly:
      'Pahoittelen, vain Story Wallin ylläpitäjä voi valita kanavan, jolle tarinat julkaistaan.',
    channelOnly:
      'Valitse julkaisukanava mainitsemalla minut sillä tiimin kanavalla ja kirjoittamalla **julkaise tarinat täällä**.',
  },
  award: {
    kicker: 'Kuukauden tarina · {{month}}',
    replaced:
      'Valittiin kuukauden tarinaksi ({{month}}); toimittajat ovat sittemmin valinneet toisen tarinan.',
    citation: 'Miksi toimittajat valitsivat sen',
    thanks: 'Kiitos, että ylitit asiakkaan odotukset ja kerroit siitä meille!',
    noticeTitle: 'Kuukauden tarina · {{month}}',
    noticeAuthor:
      'Onnittelut! Tarinasi ”{{title}}” on kuukauden tarina ({{month}}). Se julkistetaan yrityksen kanavalla ja näytetään tarinaseinällä.',
    noticeFeatured:
      'Onnittelut! Tarina ”{{title}}”, jonka kertoi {{author}} ja jossa sinut mainitaan, on kuukauden tarina ({{month}}). Se julkistetaan yrityksen kanavalla ja näytetään tarinaseinällä.',
  },
  digest: {
    weeklyTitle: 'Viikon tarinat',
    weeklyByVotes: 'Eniten ääniä saaneet tarinat, jotka julkaistiin aikavälillä {{period}}',
    weeklyNewest: 'Uusimmat tarinat, jotka julkaistiin aikavälillä {{period}}',
    monthlyTitle: 'Tiimisi kuukauden tarinat',
    monthlyIntro_one: 'Tiimiltäsi julkaistiin {{count}} tarina aikavälillä {{period}}.',
    monthlyIntro_other: 'Tiimiltäsi julkaistiin {{count}} tarinaa aikavälillä {{period}}.',
    monthlyWhy: 'Saat tämän koosteen, koska olet näiden tarinoiden kertojien esihenkilö.',
    toldBy: 'Kertoja {{author}}, {{team}}',
    votes_one: '{{count}} ääni',
    votes_other: '{{count}} ääntä',
    lesson: '**Opetus:** {{lesson}}',
    more_one: '… ja {{count}} muu tarina tarinaseinällä.',
    more_other: '… ja {{count}} muuta tarinaa tarinaseinällä.',
  },
  errors: {
    generic: 'Pahoittelen, jokin meni vikaan päässäni. Yritä hetken kuluttua uudelleen.',
    unauthenticated:
      'Pahoittelen, en tunnistanut sinua. Avaa Story Wall Teamsissa ja yritä uudelleen.',
    forbidden: 'Vain tarinan hyväksyjä voi päättää siitä.',
    not_found: 'En löytänyt tarinaa. Se on ehkä poistettu.',
    illegal_transition: 'Tarinasta on jo päätetty, joten sitä ei voi enää muuttaa.',
    conflict: 'Joku muutti tarinaa samaan aikaan. Yritä uudelleen.',
    no_approver:
      'Tarinaa ei voitu lähettää: sinulle ei ole määritetty hyväksyjää. Ota yhteys ylläpitäjään.',
    validation: 'Osa tiedoista ei kelpaa. Tarkista ne ja yritä uudelleen.',
    rate_limited: 'Liian monta pyyntöä juuri nyt. Yritä hetken kuluttua uudelleen.',
    unavailable: 'Story Wall ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.',
    missingComment: 'Kerro, mitä pitäisi muuttaa.',
    missingPerson: 'Valitse kollega, joka päättää.',
    notWaiting: 'Tarina ei enää odota sinun päätöstäsi.',
    already_voted: 'Olet jo äänestänyt tätä tarinaa.',
    self_vote: 'Et voi äänestää tarinaa, joka kertoo sinusta.',
    notAuthor: 'Vain tarinan kertoja voi muokata sitä.',
    unknownAction: 'Tämä painike ei enää tee mitään. Kirjoita **ohje**, niin näet mitä osaan.',
    notEditable:
      'Tarina ei enää odota muutoksia, joten sitä ei voi muokata täällä. Se on ehkä jo lähetetty uudelleen.',
  },
};
