import { Inject, Injectable } from '@nestjs/common';
import { AgencyNotFoundError, CounsellorNotFoundError, OrganisationNotFoundError } from '../../domain/directory/directory.errors';
import { CaseMatchNotFoundError } from '../../domain/match/case-match.aggregate';
import { DIRECTORY_READS, type DirectoryReads } from './directory-reads.port';

/** The API's reads: an unknown id, or another agency's, is a 404 (nobody learns what exists elsewhere). */
@Injectable()
export class DirectoryQueries {
  constructor(@Inject(DIRECTORY_READS) private readonly reads: DirectoryReads) {}

  agencies() {
    return this.reads.agencies();
  }

  async agency(agencyId: string) {
    return (await this.reads.agency(agencyId)) ?? notFound(new AgencyNotFoundError());
  }

  counsellors(agencyId: string) {
    return this.reads.counsellors(agencyId);
  }

  async counsellor(agencyId: string, counsellorId: string) {
    return (await this.reads.counsellor(agencyId, counsellorId)) ?? notFound(new CounsellorNotFoundError());
  }

  /** A counsellor's own profile, the organisations they serve and the engagements (work outside cases) they recorded. */
  async me(agencyId: string | undefined, counsellorId: string | undefined) {
    const profile = agencyId && counsellorId ? await this.reads.counsellor(agencyId, counsellorId) : undefined;
    if (!agencyId || !profile) return notFound(new CounsellorNotFoundError());
    const [serves, engagements] = await Promise.all([
      this.reads.servedBy(profile.counsellorId),
      this.reads.engagementsOf(agencyId, profile.counsellorId),
    ]);
    return { ...profile, serves, engagements };
  }

  /**
   * The active counsellors of the caller's agency besides themselves, by id and name only: whom an advisor can hand
   * a case over to, ask a second opinion of or name for an identity reveal. 404 when the caller is no counsellor.
   */
  async colleagues(agencyId: string | undefined, counsellorId: string | undefined) {
    const self = agencyId && counsellorId ? await this.reads.counsellor(agencyId, counsellorId) : undefined;
    if (!agencyId || !self) return notFound(new CounsellorNotFoundError());
    const all = await this.reads.counsellors(agencyId);
    return all
      .filter((c) => c.status === 'active' && c.counsellorId !== self.counsellorId)
      .map(({ counsellorId: id, name }) => ({ counsellorId: id, name }));
  }

  organisations(agencyId: string) {
    return this.reads.organisations(agencyId);
  }

  async organisation(agencyId: string, organisationId: string) {
    return (await this.reads.organisation(agencyId, organisationId)) ?? notFound(new OrganisationNotFoundError());
  }

  engagements(agencyId: string, organisationId: string) {
    return this.reads.engagements(agencyId, organisationId);
  }

  pageVisits(agencyId: string, organisationId: string) {
    return this.reads.pageVisits(agencyId, organisationId);
  }

  decisions(agencyId: string, unmatchedOnly: boolean) {
    return this.reads.decisions(agencyId, unmatchedOnly);
  }

  async decisionsOfCase(agencyId: string, caseId: string) {
    const rounds = await this.reads.decisionsOfCase(agencyId, caseId);
    return rounds.length > 0 ? rounds : notFound(new CaseMatchNotFoundError());
  }
}

function notFound(error: Error): never {
  throw error;
}
