import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { UUID_PARAM } from '@vertrouwd/http';
import { DirectoryQueries } from '../../application/queries/directory.queries';
import { OrganisationNamesView } from './matching.responses.dto';

/**
 * The agency's auditor reads the names of the agency's client organisations, so a report reproduction names the
 * organisation it is about. Names only: nothing else of the directory (headcounts, intake codes, who serves it). Only
 * the agency's own auditor (the token's agency is the path's).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('agencies/:agencyId/organisation-names')
@Roles('auditor')
@TenantScope({ agency: 'params.agencyId' })
export class AuditorOrganisationsHttpController {
  constructor(private readonly queries: DirectoryQueries) {}

  /** Every client organisation of the agency by id and name (null: erased). */
  @Get()
  @ApiOkResponse({ type: OrganisationNamesView })
  async names(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<OrganisationNamesView> {
    const organisations = await this.queries.organisations(agencyId);
    return { organisations: organisations.map(({ organisationId, name }) => ({ organisationId, name })) };
  }
}
