// Values the oversight screens render by, shared by the server modules and the components (which must not import a
// `.server` module): the reporting service's compliance regimes and deadlines, the case service's deadline states.

export const COMPLIANCE_REGIMES = ['wbk', 'service-standard'] as const;
export const COMPLIANCE_DEADLINES = ['acknowledgement', 'feedback'] as const;
export const DEADLINE_STATES = ['met', 'missed', 'pending', 'stopped'] as const;
