import { Inject, Injectable } from '@nestjs/common';
import { CURRENT_CONSENT_VERSION, FORM_LANGUAGES, translation, type ConsentVersion, type FormLanguage } from '../../i18n/translations';
import { IntakeCodeNotFoundError } from '../intake.errors';
import { INTAKE_READ_MODEL, type IntakeOrganisation, type IntakeReadModel } from '../ports/intake-read-model.port';

/** The public intake page of an organisation, by its intake code. */
@Injectable()
export class IntakePages {
  constructor(@Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel) {}

  async page(intakeCode: string, language: FormLanguage) {
    return intakePage(await this.readModel.organisationByCode(intakeCode), language);
  }
}

/** What the public intake page shows, in the reporter's language. */
export function intakePage(organisation: IntakeOrganisation | undefined, language: FormLanguage) {
  if (!organisation) throw new IntakeCodeNotFoundError();
  const text = translation(language);
  return {
    organisation: { name: organisation.name },
    language,
    direction: text.direction,
    formLanguages: [...FORM_LANGUAGES],
    // What a reporter needs before writing, in reading order: what is not for the counsellor (workload) first.
    outOfScope: { workload: text.workload },
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
    counsellors: organisation.counsellors.map((c) => ({
      kind: c.kind,
      kindLabel: text.advisorKinds[c.kind],
      gender: c.gender,
      languages: c.languages,
    })),
    relations: labelled(text.relations),
    anonymity: labelled(text.anonymity),
    contactOptions: labelled(text.contact),
    advisorGenders: labelled(text.genders),
  };
}

function labelled(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A consent and privacy text by its version, in the reporter's language: what `consentVersion` names. */
export function consentText(version: ConsentVersion, language: FormLanguage) {
  const text = translation(language);
  return { version, language, direction: text.direction, ...text.consentTexts[version] };
}
