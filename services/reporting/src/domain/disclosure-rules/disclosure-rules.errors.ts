import { conflict, unprocessable } from '@vertrouwd/domain';

export class DisclosureRulesTooLaxError extends unprocessable(
  'DisclosureRulesTooLaxError',
  'Disclosure rules may only be stricter than the defaults: k at least 5, at least 3 organisations, at most 60 % for one',
) {}
export class DisclosureRulesChangedMeanwhileError extends conflict(
  'DisclosureRulesChangedMeanwhileError',
  "Someone else changed the agency's disclosure rules meanwhile; read them and set them again",
) {}
