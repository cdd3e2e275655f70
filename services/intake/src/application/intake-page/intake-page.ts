import { Inject, Injectable } from '@nestjs/common';
import { CURRENT_CONSENT_VERSION, FORM_LANGUAGES, translation, type ConsentVersion, type FormLanguage } from '../../i18n/translations';
import { IntakeCodeNotFoundError } from '../intake.errors';
import { IntakeDirectory, type ListedOrganisation } from './intake-directory';
import { amsterdamDay } from '@vertrouwd/domain';
import { PAGE_VISIT_TALLIES, type PageVisitTallies } from '../ports/page-visits.port';

/** The public intake page of an organisation, by its intake code, from matching's directory. */
@Injectable()
export class IntakePages {
  constructor(
    private readonly directory: IntakeDirectory,
    @Inject(PAGE_VISIT_TALLIES) private readonly visits: PageVisitTallies,
  ) {}

  /**
   * The page; each answered page counts one visit of the organisation's day (only the count is kept), unless the
   * reporter's site asks for it (`countVisit: false`): the site serves the page to many visitors from one answer and
   * reports the visits it served itself (`addVisits`).
   */
  async page(intakeCode: string, language: FormLanguage, options: { countVisit?: boolean } = {}) {
    const listed = await this.directory.organisation(intakeCode);
    const page = intakePage(listed, language);
    if (options.countVisit !== false) {
      await this.visits.add(listed!.organisation.organisationId, listed!.organisation.agencyId, amsterdamDay(new Date()));
    }
    return page;
  }

  /** Visits of the organisation's page the reporter's site served today, counted (only the number is kept). */
  async addVisits(intakeCode: string, visits: number): Promise<void> {
    const listed = await this.directory.organisation(intakeCode);
    if (!listed) throw new IntakeCodeNotFoundError();
    await this.visits.add(listed.organisation.organisationId, listed.organisation.agencyId, amsterdamDay(new Date()), visits);
  }
}

/** What the public intake page shows, in the reporter's language. */
export function intakePage(listed: ListedOrganisation | undefined, language: FormLanguage) {
  if (!listed) throw new IntakeCodeNotFoundError();
  const text = translation(language);
  return {
    organisation: { name: listed.name, languages: listed.organisation.languages },
    language,
    direction: text.direction,
    formLanguages: [...FORM_LANGUAGES],
    // What a reporter needs before writing, in reading order: what is not for the counsellor (workload) first.
    // Before anything is sent: where to go, without the answer's "not stored".
    outOfScope: { workload: { title: text.workload.title, whereToGo: text.workload.whereToGo } },
    framing: text.framing,
    nextSteps: text.nextSteps,
    anonymousContact: text.anonymousContact,
    confidentiality: text.confidentiality,
    externalReporting: text.externalReporting,
    questions: text.questions,
    consent: { version: CURRENT_CONSENT_VERSION, ...text.consentTexts[CURRENT_CONSENT_VERSION] },
    text: { form: text.form, receipt: text.receipt },
    themes: Object.entries(text.themes).map(([theme, t]) => ({ theme, ...t })),
    counsellor: text.counsellor,
    // By name and id: the reporter may choose one of them (`preferences.counsellorId` on submission).
    counsellors: listed.counsellors.map((c) => ({ ...c, kindLabel: text.advisorKinds[c.kind] })),
    relations: labelled(text.relations),
    // The provinces of the organisation's sites (their Dutch names): the optional `site` of a submission.
    site: { ...text.site, options: listed.organisation.sites.map((value) => ({ value, label: PROVINCE_NAMES[value] ?? value })) },
    anonymity: labelled(text.anonymity),
    contactOptions: labelled(text.contact),
    advisorGenders: labelled(text.genders),
  };
}

/** The provinces by their official Dutch names, which every language of the page uses. */
const PROVINCE_NAMES: Record<string, string> = {
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
};

function labelled(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A consent and privacy text by its version, in the reporter's language: what `consentVersion` names. */
export function consentText(version: ConsentVersion, language: FormLanguage) {
  const text = translation(language);
  return { version, language, direction: text.direction, ...text.consentTexts[version] };
}
