export class ReadMark {
  constructor(
    readonly markId: string,
    readonly advisorId: string,
  ) {}
}
