import { ReportingReadModels1796700000000 } from './1796700000000-reporting-read-models';
import { ReportingBenchmarks1796800000000 } from './1796800000000-reporting-benchmarks';

/** Every read-model migration of reporting, in order. */
export const REPORTING_MIGRATIONS = [ReportingReadModels1796700000000, ReportingBenchmarks1796800000000];
