import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { CloseBilling } from '../../application/close-billing/close-billing.command';
import { OpenBilling } from '../../application/open-billing/open-billing.command';
import { BillingLists } from '../../application/queries/billing-lists.query';
import { OpenBillingRequest } from './billing.request.dto';

const UUID = new ParseUUIDPipe();

/** The agency's coordinator works the agency's billings. Every endpoint declares its roles and tenant scope. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('agencies/:agencyId/billings')
@Roles('coordinator')
@TenantScope({ agency: 'params.agencyId' })
export class BillingHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly lists: BillingLists,
  ) {}

  @Get()
  async list(@Param('agencyId', UUID) agencyId: string) {
    return { items: await this.lists.ofAgency(agencyId) };
  }

  @Post()
  @HttpCode(204)
  async open(
    @Param('agencyId', UUID) agencyId: string,
    @Body() body: OpenBillingRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    await this.commands.execute(new OpenBilling(body.billingId, agencyId, contextOf(principal, req)));
  }

  @Post(':billingId/closure')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such billing of yours')
  @ApiProblemResponse(409, 'Already closed')
  async close(@Param('billingId', UUID) id: string, @CurrentPrincipal() principal: Principal, @Req() req: ContextRequest): Promise<void> {
    await this.commands.execute(new CloseBilling(id, contextOf(principal, req)));
  }
}
