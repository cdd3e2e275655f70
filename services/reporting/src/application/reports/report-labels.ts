import type {
  ANONYMITY,
  DEADLINES,
  ENGAGEMENT_KINDS,
  OUTCOMES,
  REFERRAL_TYPES,
  REGIMES,
  REGIONS,
  RELATIONS,
  THEMES,
} from '@vertrouwd/contracts';

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export const REPORT_AUDIENCES = ['board', 'works-council'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

type Names<T extends readonly string[]> = Record<T[number], string>;

/** Everything the annual report's PDF says in its own words, per language. Figures are never part of a label. */
export interface ReportLabels {
  title: (year: number) => string;
  audience: Record<ReportAudience, string>;
  fileName: (year: number, publication: number, audience: ReportAudience) => string;
  introduction: Record<ReportAudience, (year: number) => string>;
  discussion: Record<ReportAudience, string>;
  months: string[];
  headcount: string;
  published: (publication: number, date: string) => string;
  cases: string;
  casesIntro: string;
  trend: string;
  quarter: (q: number) => string;
  total: string;
  direction: Record<'up' | 'down' | 'same', string> & { none: string };
  tables: Record<'by-theme' | 'by-relation' | 'by-anonymity' | 'by-state' | 'by-site' | 'referrals' | 'deadlines-missed', string>;
  /** The first column's heading of each table. */
  columns: Record<
    'by-theme' | 'by-relation' | 'by-anonymity' | 'by-state' | 'by-site' | 'referrals' | 'deadlines-missed' | 'hours',
    string
  >;
  count: string;
  themes: Names<typeof THEMES>;
  relations: Names<typeof RELATIONS>;
  anonymity: Names<typeof ANONYMITY>;
  states: Names<typeof OUTCOMES> & { open: string };
  referrals: Names<typeof REFERRAL_TYPES>;
  deadlines: Names<typeof DEADLINES>;
  regimes: Names<typeof REGIMES> & { unknown: string };
  /** The provinces a site can be in, and a case whose reporter gave none. */
  sites: Names<typeof REGIONS> & { 'not-given': string };
  hoursHeading: string;
  hoursUnit: string;
  activitiesMinutes: string;
  caseWorkMinutes: string;
  activitiesHeading: string;
  activity: string;
  times: string;
  noActivities: string;
  kinds: Names<typeof ENGAGEMENT_KINDS>;
  visibility: string;
  visibilityLow: (agencyRate: string | null) => string;
  visibilityFine: (agencyRate: string | null) => string;
  suggestions: string;
  narrative: string;
  signals: string;
  advice: string;
  none: string;
  legend: string;
  legendSuppressed: (k: number) => string;
  legendHidden: string;
  verification: string;
  publication: string;
  publishedOn: string;
  organisation: string;
  threshold: string;
  method: string;
  cutOff: string;
  digest: string;
  signature: string;
  howToVerify: (year: number, publication: number) => string;
  page: (n: number) => string;
}

const nl: ReportLabels = {
  title: (year) => `Jaarverslag vertrouwenspersoon ${year}`,
  audience: { board: 'Aan het bestuur', 'works-council': 'Aan de ondernemingsraad' },
  fileName: (year, publication, audience) =>
    `jaarverslag-${year}-publicatie-${publication}-${audience === 'board' ? 'bestuur' : 'ondernemingsraad'}.pdf`,
  introduction: {
    board: (year) =>
      `Dit is het jaarverslag ${year} van de externe vertrouwenspersoon voor het bestuur: hoeveel meldingen er waren, ` +
      'waarover en hoe ze afliepen, de preventieve activiteiten, en de signalen en adviezen van de vertrouwenspersoon. ' +
      'Als werkgever bent u verantwoordelijk voor beleid tegen psychosociale arbeidsbelasting (Arbowet) en voor een ' +
      'veilige meldprocedure (Wet bescherming klokkenluiders); de signalen en adviezen zijn bedoeld als bouwstenen voor dat beleid.',
    'works-council': (year) =>
      `Dit is het jaarverslag ${year} van de externe vertrouwenspersoon voor de ondernemingsraad. Het bevat dezelfde ` +
      'cijfers, signalen en adviezen als het verslag aan het bestuur. De ondernemingsraad heeft instemmingsrecht op ' +
      'regelingen over arbeidsomstandigheden en over het melden van een vermoeden van een misstand (WOR artikel 27); ' +
      'dit verslag kan helpen die met de bestuurder te bespreken.',
  },
  discussion: {
    board: 'De vertrouwenspersoon licht dit verslag graag toe in een overleg met het bestuur.',
    'works-council': 'De vertrouwenspersoon licht dit verslag graag toe in een vergadering van de ondernemingsraad.',
  },
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  headcount: 'Aantal medewerkers',
  published: (publication, date) => `Publicatie ${publication}, gepubliceerd op ${date}`,
  cases: 'Meldingen',
  casesIntro: 'Het aantal meldingen bij de vertrouwenspersoon per kwartaal van ontvangst, tegenover vorig jaar.',
  trend: 'Ontwikkeling',
  quarter: (q) => `${q}e kwartaal`,
  total: 'Totaal',
  direction: {
    up: 'Meer meldingen dan vorig jaar.',
    down: 'Minder meldingen dan vorig jaar.',
    same: 'Evenveel meldingen als vorig jaar.',
    none: 'Niet te vergelijken met vorig jaar: een van beide totalen wordt niet getoond.',
  },
  tables: {
    'by-theme': 'Meldingen per thema',
    'by-relation': 'Meldingen per relatie',
    'by-anonymity': 'Meldingen naar anonimiteit',
    'by-state': 'Stand aan het eind van het jaar',
    'by-site': 'Meldingen per vestiging (provincie)',
    referrals: 'Doorverwijzingen',
    'deadlines-missed': 'Gemiste termijnen',
  },
  columns: {
    'by-theme': 'Thema',
    'by-relation': 'Relatie tussen melder en betrokkene',
    'by-anonymity': 'Anonimiteit',
    'by-state': 'Stand',
    'by-site': 'Vestiging',
    referrals: 'Doorverwezen naar',
    'deadlines-missed': 'Termijn (regeling)',
    hours: 'Werk',
  },
  count: 'Aantal',
  themes: {
    intimidation: 'Intimidatie',
    bullying: 'Pesten',
    'aggression-and-violence': 'Agressie en geweld',
    discrimination: 'Discriminatie',
    'sexual-harassment': 'Seksuele intimidatie',
    'theft-or-fraud': 'Diefstal of fraude',
    corruption: 'Corruptie',
    extortion: 'Afpersing',
    'misuse-of-information-or-resources': 'Misbruik van informatie of middelen',
    'unacceptable-side-activities': 'Ongeoorloofde nevenactiviteiten',
    'conflict-of-interest': 'Belangenverstrengeling',
    'not-sure': 'Nog onduidelijk',
    'public-interest-wrongdoing': 'Vermoeden van een maatschappelijke misstand',
  },
  relations: {
    manager: 'Leidinggevende en medewerker',
    colleague: 'Tussen collega’s',
    'client-or-patient': 'Cliënt of patiënt en medewerker',
    other: 'Anders',
  },
  anonymity: { anonymous: 'Anoniem', 'known-to-advisor': 'Bekend bij de vertrouwenspersoon' },
  states: {
    open: 'Nog lopend',
    'settled-informally': 'Informeel opgelost',
    'formal-complaint-filed': 'Formele klacht ingediend',
    referred: 'Doorverwezen',
    withdrawn: 'Ingetrokken',
    'no-further-contact': 'Geen verder contact',
    'listened-and-advised': 'Gehoord en geadviseerd',
  },
  referrals: {
    hr: 'HR',
    management: 'Leiding',
    'company-doctor': 'Bedrijfsarts',
    lawyer: 'Advocaat',
    mediator: 'Mediator',
    'therapist-or-coach': 'Therapeut of coach',
    police: 'Politie',
    'whistleblowers-authority': 'Huis voor Klokkenluiders',
    'complaints-committee': 'Klachtencommissie',
    other: 'Anders',
    'whistleblowers-advice-centre': 'Adviespunt Klokkenluiders',
    'human-rights-institute': 'College voor de Rechten van de Mens',
    'labour-inspectorate': 'Nederlandse Arbeidsinspectie',
    'trade-union': 'Vakbond',
    'legal-aid-desk': 'Juridisch Loket',
    'general-practitioner': 'Huisarts',
    'social-work': 'Maatschappelijk werk',
  },
  deadlines: { acknowledgement: 'Ontvangstbevestiging', feedback: 'Terugkoppeling' },
  regimes: { wbk: 'Wbk', 'service-standard': 'servicenorm', unknown: 'onbekend' },
  sites: {
    drenthe: 'Drenthe',
    flevoland: 'Flevoland',
    friesland: 'Fryslân',
    gelderland: 'Gelderland',
    groningen: 'Groningen',
    limburg: 'Limburg',
    'noord-brabant': 'Noord-Brabant',
    'noord-holland': 'Noord-Holland',
    overijssel: 'Overijssel',
    utrecht: 'Utrecht',
    zeeland: 'Zeeland',
    'zuid-holland': 'Zuid-Holland',
    'not-given': 'Niet opgegeven',
  },
  hoursHeading: 'Inzet van de vertrouwenspersoon',
  hoursUnit: 'Uren',
  activitiesMinutes: 'Preventieve activiteiten',
  caseWorkMinutes: 'Begeleiding van meldingen',
  activitiesHeading: 'Preventieve activiteiten',
  activity: 'Activiteit',
  times: 'Keren',
  noActivities: 'Er zijn dit jaar geen activiteiten vastgelegd.',
  kinds: {
    presentation: 'Presentatie',
    workshop: 'Workshop',
    posters: 'Posters',
    intranet: 'Intranet',
    'onboarding-information-pack': 'Informatie voor nieuwe medewerkers',
    'team-leader-training': 'Training voor leidinggevenden',
    'board-advice': 'Advies aan het bestuur',
    'works-council-advice': 'Advies aan de ondernemingsraad',
    'annual-report-discussion': 'Bespreking van het jaarverslag',
    other: 'Anders',
  },
  visibility: 'Zichtbaarheid van de vertrouwenspersoon',
  visibilityLow: (rate) =>
    'Er komen weinig meldingen binnen: minder dan de helft van wat de organisaties van ons bureau gemiddeld ontvangen' +
    (rate === null ? '.' : ` (${rate.replace('.', ',')} per 100 medewerkers).`) +
    ' Weinig meldingen betekent niet dat er niets speelt; de vertrouwenspersoon is mogelijk niet zichtbaar genoeg.',
  visibilityFine: (rate) =>
    'Geen signaal van te weinig meldingen' +
    (rate === null ? '.' : `; de organisaties van ons bureau ontvangen gemiddeld ${rate.replace('.', ',')} meldingen per 100 medewerkers.`),
  suggestions: 'Wat kan helpen:',
  narrative: 'Signalen en adviezen van de vertrouwenspersoon',
  signals: 'Signalen',
  advice: 'Adviezen',
  none: '(geen)',
  legend: 'Waarom sommige cijfers niet getoond worden',
  legendSuppressed: (k) =>
    `< ${k}: niet getoond. Een aantal onder de ${k} (ook 0) wordt nooit getoond, zodat geen melding tot een persoon te ` +
    'herleiden is. Ook een cijfer waaruit zo’n klein aantal te berekenen zou zijn (via een totaal, een ander kwartaal, ' +
    `vorig jaar of een eerdere publicatie) wordt niet getoond; zo’n cijfer kan ook ${k} of meer zijn.`,
  legendHidden: '—: de uren voor de begeleiding van meldingen worden alleen getoond als het totaal aantal meldingen getoond wordt.',
  verification: 'Verantwoording',
  publication: 'Publicatie',
  publishedOn: 'Gepubliceerd op',
  organisation: 'Organisatie (id)',
  threshold: 'Drempel',
  method: 'Methode',
  cutOff: 'Stand van de gegevens',
  digest: 'SHA-256',
  signature: 'Handtekening (Ed25519)',
  howToVerify: (year, publication) =>
    'Dit verslag geeft de inhoud van de publicatie weer, zoals de JSON- en CSV-versie ervan: dezelfde cijfers, dezelfde ' +
    'niet getoonde cijfers. De SHA-256 is berekend over die inhoud in canonieke JSON (RFC 8785), zonder de velden ' +
    '“digest” en “signature”; de handtekening is gezet met de sleutel van de rapportagedienst en met de publieke sleutel ' +
    `te controleren. Een auditor herhaalt de berekening uit de gebeurtenissen met …/reports/${year}/publications/${publication}/reproduction ` +
    'en krijgt dezelfde SHA-256, of precies wat verschilt en waarom.',
  page: (n) => `pagina ${n}`,
};

const en: ReportLabels = {
  title: (year) => `Confidential counsellor’s annual report ${year}`,
  audience: { board: 'To the board', 'works-council': 'To the works council' },
  fileName: (year, publication, audience) => `annual-report-${year}-publication-${publication}-${audience}.pdf`,
  introduction: {
    board: (year) =>
      `This is the external confidential counsellor’s annual report ${year} for the board: how many cases there were, ` +
      'what about and how they ended, the prevention activities, and the counsellor’s signals and advice. As the ' +
      'employer you are responsible for a policy against psychosocial workload (Working Conditions Act) and for a ' +
      'safe reporting procedure (Whistleblower Protection Act); the signals and advice are meant as building blocks for it.',
    'works-council': (year) =>
      `This is the external confidential counsellor’s annual report ${year} for the works council. It holds the same ` +
      'figures, signals and advice as the report to the board. The works council must consent to arrangements on ' +
      'working conditions and on reporting suspected wrongdoing (Works Councils Act, article 27); this report can help ' +
      'to discuss them with the employer.',
  },
  discussion: {
    board: 'The counsellor will gladly explain this report in a meeting with the board.',
    'works-council': 'The counsellor will gladly explain this report in a meeting of the works council.',
  },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  headcount: 'Employees',
  published: (publication, date) => `Publication ${publication}, published on ${date}`,
  cases: 'Cases',
  casesIntro: 'The cases brought to the confidential counsellor by quarter received, against last year.',
  trend: 'Trend',
  quarter: (q) => `Quarter ${q}`,
  total: 'Total',
  direction: {
    up: 'More cases than last year.',
    down: 'Fewer cases than last year.',
    same: 'As many cases as last year.',
    none: 'No comparison with last year: one of the two totals is not shown.',
  },
  tables: {
    'by-theme': 'Cases by theme',
    'by-relation': 'Cases by relation',
    'by-anonymity': 'Cases by anonymity',
    'by-state': 'State at the end of the year',
    'by-site': 'Cases by site (province)',
    referrals: 'Referrals',
    'deadlines-missed': 'Deadlines missed',
  },
  columns: {
    'by-theme': 'Theme',
    'by-relation': 'Relation between reporter and the other party',
    'by-anonymity': 'Anonymity',
    'by-state': 'State',
    'by-site': 'Site',
    referrals: 'Referred to',
    'deadlines-missed': 'Deadline (regime)',
    hours: 'Work',
  },
  count: 'Count',
  themes: {
    intimidation: 'Intimidation',
    bullying: 'Bullying',
    'aggression-and-violence': 'Aggression and violence',
    discrimination: 'Discrimination',
    'sexual-harassment': 'Sexual harassment',
    'theft-or-fraud': 'Theft or fraud',
    corruption: 'Corruption',
    extortion: 'Extortion',
    'misuse-of-information-or-resources': 'Misuse of information or resources',
    'unacceptable-side-activities': 'Unacceptable side activities',
    'conflict-of-interest': 'Conflict of interest',
    'not-sure': 'Not yet clear',
    'public-interest-wrongdoing': 'Suspected wrongdoing in the public interest',
  },
  relations: {
    manager: 'Manager and employee',
    colleague: 'Between colleagues',
    'client-or-patient': 'Client or patient and employee',
    other: 'Other',
  },
  anonymity: { anonymous: 'Anonymous', 'known-to-advisor': 'Known to the counsellor' },
  states: {
    open: 'Still open',
    'settled-informally': 'Settled informally',
    'formal-complaint-filed': 'Formal complaint filed',
    referred: 'Referred',
    withdrawn: 'Withdrawn',
    'no-further-contact': 'No further contact',
    'listened-and-advised': 'Listened to and advised',
  },
  referrals: {
    hr: 'HR',
    management: 'Management',
    'company-doctor': 'Company doctor',
    lawyer: 'Lawyer',
    mediator: 'Mediator',
    'therapist-or-coach': 'Therapist or coach',
    police: 'Police',
    'whistleblowers-authority': 'Whistleblowers Authority',
    'complaints-committee': 'Complaints committee',
    other: 'Other',
    'whistleblowers-advice-centre': 'Whistleblowers advice centre',
    'human-rights-institute': 'Netherlands Institute for Human Rights',
    'labour-inspectorate': 'Netherlands Labour Authority',
    'trade-union': 'Trade union',
    'legal-aid-desk': 'Legal aid desk',
    'general-practitioner': 'General practitioner',
    'social-work': 'Social work',
  },
  deadlines: { acknowledgement: 'Acknowledgement', feedback: 'Feedback' },
  regimes: { wbk: 'Wbk', 'service-standard': 'service standard', unknown: 'unknown' },
  sites: {
    drenthe: 'Drenthe',
    flevoland: 'Flevoland',
    friesland: 'Friesland',
    gelderland: 'Gelderland',
    groningen: 'Groningen',
    limburg: 'Limburg',
    'noord-brabant': 'North Brabant',
    'noord-holland': 'North Holland',
    overijssel: 'Overijssel',
    utrecht: 'Utrecht',
    zeeland: 'Zeeland',
    'zuid-holland': 'South Holland',
    'not-given': 'Not given',
  },
  hoursHeading: 'The counsellor’s time',
  hoursUnit: 'Hours',
  activitiesMinutes: 'Prevention activities',
  caseWorkMinutes: 'Work on cases',
  activitiesHeading: 'Prevention activities',
  activity: 'Activity',
  times: 'Times',
  noActivities: 'No activities were recorded this year.',
  kinds: {
    presentation: 'Presentation',
    workshop: 'Workshop',
    posters: 'Posters',
    intranet: 'Intranet',
    'onboarding-information-pack': 'Information for new employees',
    'team-leader-training': 'Training for team leaders',
    'board-advice': 'Advice to the board',
    'works-council-advice': 'Advice to the works council',
    'annual-report-discussion': 'Discussion of the annual report',
    other: 'Other',
  },
  visibility: 'Visibility of the confidential counsellor',
  visibilityLow: (rate) =>
    'Few cases come in: fewer than half of what our agency’s organisations receive on average' +
    (rate === null ? '.' : ` (${rate} per 100 employees).`) +
    ' Few cases does not mean nothing is going on; the counsellor may not be visible enough.',
  visibilityFine: (rate) =>
    'No sign of too few cases' + (rate === null ? '.' : `; our agency’s organisations receive ${rate} cases per 100 employees on average.`),
  suggestions: 'What can help:',
  narrative: 'The counsellor’s signals and advice',
  signals: 'Signals',
  advice: 'Advice',
  none: '(none)',
  legend: 'Why some figures are not shown',
  legendSuppressed: (k) =>
    `< ${k}: not shown. A count below ${k} (0 included) is never shown, so that no case can be traced to a person. ` +
    'Nor is a figure from which such a small count could be worked out (through a total, another quarter, last year ' +
    `or an earlier publication); such a figure may also be ${k} or more.`,
  legendHidden: '—: the hours of work on cases are shown only when the total number of cases is.',
  verification: 'Verification',
  publication: 'Publication',
  publishedOn: 'Published on',
  organisation: 'Organisation (id)',
  threshold: 'Threshold',
  method: 'Method',
  cutOff: 'Data as of (facts version)',
  digest: 'SHA-256',
  signature: 'Signature (Ed25519)',
  howToVerify: (year, publication) =>
    'This report shows the content of the publication, as its JSON and CSV versions do: the same figures, the same ' +
    'figures not shown. The SHA-256 is computed over that content as canonical JSON (RFC 8785), without the fields ' +
    '“digest” and “signature”; the signature was made with the reporting service’s key and is checked with its public ' +
    `key. An auditor repeats the computation from the events with …/reports/${year}/publications/${publication}/reproduction ` +
    'and gets the same SHA-256, or exactly what differs and why.',
  page: (n) => `page ${n}`,
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { nl, en };

/** `2026-01-10` as `10 januari 2026` / `10 January 2026`. */
export function formatDay(day: string, l: ReportLabels): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${l.months[month - 1]} ${year}`;
}

/** Minutes as `h:mm`. */
export function formatMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A value's name; a value this version has no words for (added since) shows as itself. */
export function nameOf(names: Record<string, string>, value: string): string {
  return Object.hasOwn(names, value) ? names[value] : value;
}

/** A published cell's key (`2025|theme=bullying`, `2025|missed=feedback|wbk`) in words, as the PDF prints it. */
export function cellLabel(key: string, l: ReportLabels): string {
  const [, what = '', extra] = key.split('|');
  const [dimension, value = ''] = what.split('=');
  switch (dimension) {
    case 'theme':
      return nameOf(l.themes, value);
    case 'relation':
      return nameOf(l.relations, value);
    case 'anonymity':
      return nameOf(l.anonymity, value);
    case 'state':
      return nameOf(l.states, value);
    case 'site':
      return nameOf(l.sites, value);
    case 'referral':
      return nameOf(l.referrals, value);
    case 'missed':
      return `${nameOf(l.deadlines, value)} (${nameOf(l.regimes, extra ?? 'unknown')})`;
    default:
      return key;
  }
}
