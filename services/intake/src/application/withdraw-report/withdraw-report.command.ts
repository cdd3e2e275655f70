export class WithdrawReport {
  constructor(
    readonly caseId: string,
    readonly correlationId: string,
  ) {}
}
