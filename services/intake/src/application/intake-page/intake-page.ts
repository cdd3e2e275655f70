import { Inject, Injectable } from '@nestjs/common';
import { FORM_LANGUAGES, translation, type FormLanguage } from '../../i18n/translations';
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
    formLanguages: [...FORM_LANGUAGES],
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
