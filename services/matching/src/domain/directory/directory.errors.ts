import { conflict, notFound, unprocessable } from '@vertrouwd/domain';

// Refusals by a rule: the kind gives the HTTP status (conflict 409, unprocessable 422, not found 404); the message
// names the rule and never carries content.

export class AgencyNotFoundError extends notFound('AgencyNotFoundError', 'No such agency') {}
export class AgencyExistsError extends conflict('AgencyExistsError', 'This agency exists already') {}
export class AgencySuspendedError extends conflict(
  'AgencySuspendedError',
  'The agency is suspended: nothing can change until it is reinstated',
) {}
export class AgencyStatusUnchangedError extends conflict('AgencyStatusUnchangedError', 'The agency has that status already') {}
export class CounsellorNotFoundError extends notFound('CounsellorNotFoundError', 'No such counsellor of your agency') {}
export class CounsellorExistsError extends conflict('CounsellorExistsError', 'This counsellor exists already') {}
export class CounsellorInactiveError extends conflict('CounsellorInactiveError', 'The counsellor has left the agency') {}
export class CounsellorActiveError extends conflict('CounsellorActiveError', 'The counsellor has not left the agency') {}
export class CounsellorChangedMeanwhileError extends conflict(
  'CounsellorChangedMeanwhileError',
  'The counsellor left or came back meanwhile: look again, then try again',
) {}
export class InternalCounsellorWithoutOrganisationError extends unprocessable(
  'InternalCounsellorWithoutOrganisationError',
  'An internal counsellor is an employee of exactly one client organisation of the agency: name it',
) {}
export class ExternalCounsellorWithOrganisationError extends unprocessable(
  'ExternalCounsellorWithOrganisationError',
  'An external counsellor belongs to the agency, not to a client organisation',
) {}
export class AbsenceOrderError extends unprocessable('AbsenceOrderError', 'An absence ends on or after the day it starts') {}
export class SubstituteIsSelfError extends unprocessable('SubstituteIsSelfError', 'A counsellor cannot stand in for themselves') {}
export class AbsenceIdTakenError extends conflict(
  'AbsenceIdTakenError',
  'absenceId is already used for another absence of this counsellor: choose a new id',
) {}
export class AbsenceNotFoundError extends notFound('AbsenceNotFoundError', 'No such absence of this counsellor') {}
export class ConflictNotFoundError extends notFound('ConflictNotFoundError', 'No such declared conflict of this counsellor') {}
export class ConflictTargetError extends unprocessable(
  'ConflictTargetError',
  'A conflict of interest is declared with one organisation or with the people of one case',
) {}
export class OrganisationNotFoundError extends notFound('OrganisationNotFoundError', 'No such organisation of your agency') {}
export class OrganisationExistsError extends conflict('OrganisationExistsError', 'This organisation exists already') {}
export class IntakeCodeTakenError extends conflict('IntakeCodeTakenError', 'Another organisation has this intake code') {}
export class SamePrimaryAndSubstituteError extends unprocessable(
  'SamePrimaryAndSubstituteError',
  'The primary and the substitute counsellor are two different people',
) {}
export class AppointeeNotEligibleError extends unprocessable(
  'AppointeeNotEligibleError',
  'Only active counsellors of the agency can be appointed, internal ones only for their own organisation',
) {}
export class AgreementTermError extends unprocessable('AgreementTermError', "An agreement's term ends on or after the day it starts") {}
export class HeadcountUnchangedError extends conflict('HeadcountUnchangedError', 'The headcount is that already from that day') {}
export class HeadcountBackdatedError extends unprocessable(
  'HeadcountBackdatedError',
  'A headcount change takes effect on or after the day of the headcount in force today',
) {}
export class HeadcountTooFarAheadError extends unprocessable(
  'HeadcountTooFarAheadError',
  'A headcount change takes effect at most a year (365 days) after today',
) {}
export class EngagementExistsError extends conflict('EngagementExistsError', 'This activity is recorded already') {}
export class NoAppointmentPossibleError extends conflict(
  'NoAppointmentPossibleError',
  'No two active counsellors of the agency can serve this organisation: onboard or free one first',
) {}
