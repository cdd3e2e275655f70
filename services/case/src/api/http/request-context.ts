import { NotFoundException } from '@nestjs/common';
import type { Principal } from '@vertrouwd/auth';
export { contextOf, type ContextRequest as HttpRequest } from '@vertrouwd/service-kit';

/** The advisor id of an advisor's token; without one, no case is theirs. */
export function advisorOf(principal: Principal): string {
  if (!principal.advisorId) throw new NotFoundException('No such case of yours');
  return principal.advisorId;
}
