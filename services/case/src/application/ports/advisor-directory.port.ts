/**
 * Who can act on a case: an advisor of the agency, known to the platform and able to take cases. Until the
 * matching service brings its directory, case answers from its own staff directory (the demo advisors); the port
 * is where matching's directory plugs in.
 */
export interface AdvisorDirectory {
  canAct(agencyId: string, advisorId: string): Promise<boolean>;
}
export const ADVISOR_DIRECTORY = Symbol('AdvisorDirectory');
