import type { OrganisationDetailsBody } from '../../api/administration.server';
import { list, text } from '../coordinator-form';

/** The fields of an organisation's details, in the form's order: the names the service's refusal names. */
export const DETAILS_FIELDS = ['name', 'intakeCode', 'kvkNumber', 'vatId', 'sbiCode', 'regions', 'languages'] as const;

/** The organisation's details as typed (matching `PUT …/details` replaces them all; an empty VAT id is none). */
export function detailsOf(form: FormData): OrganisationDetailsBody {
  const vatId = text(form, 'vatId');
  return {
    name: text(form, 'name'),
    intakeCode: text(form, 'intakeCode'),
    kvkNumber: text(form, 'kvkNumber'),
    ...(vatId ? { vatId } : {}),
    sbiCode: text(form, 'sbiCode'),
    regions: list(form, 'regions'),
    languages: list(form, 'languages'),
  } as OrganisationDetailsBody;
}
