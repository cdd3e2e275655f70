import { ReportingReadModels1796700000000 } from './1796700000000-reporting-read-models';

/** Every read-model migration of reporting, in order. */
export const REPORTING_MIGRATIONS = [ReportingReadModels1796700000000];
