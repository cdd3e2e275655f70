import { NotFoundException } from '@nestjs/common';
import { FORM_LANGUAGES, translation, type FormLanguage } from '../../i18n/translations';
import type { IntakeOrganisation } from './intake-organisations';

/** What the public intake page shows, in the reporter's language. */
export function intakePage(organisation: IntakeOrganisation | undefined, language: FormLanguage) {
  if (!organisation) throw new NotFoundException('No organisation has this intake code');
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
