/** How a case can end (the contracts' OUTCOMES, `libs/contracts/src/fields.ts`), in their published order. */
export const OUTCOMES = [
  'settled-informally',
  'formal-complaint-filed',
  'referred',
  'withdrawn',
  'no-further-contact',
  'listened-and-advised',
] as const;
