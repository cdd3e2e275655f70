import { DirectoryReadModels1796500000000 } from './1796500000000-directory-read-models';
import { PageVisits1796500000001 } from './1796500000001-page-visits';
import { DecisionIndexes1796500000002 } from './1796500000002-decision-indexes';
import { AgencyVersion1796500000075 } from './1796500000075-agency-version';
import { DecisionReads1796500000078 } from './1796500000078-decision-reads';
import { LoadChanges1796500000079 } from './1796500000079-load-changes';

/** Every read-model migration of matching, in order (the module and the benchmark apply the same). */
export const MATCHING_MIGRATIONS = [
  DirectoryReadModels1796500000000,
  PageVisits1796500000001,
  DecisionIndexes1796500000002,
  AgencyVersion1796500000075,
  DecisionReads1796500000078,
  LoadChanges1796500000079,
];
