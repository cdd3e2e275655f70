import { conflict, unprocessable } from '@vertrouwd/domain';

// Messages name the rule only: they may reach a problem+json answer and must never carry content.
export class MarkAlreadyRecordedError extends conflict('MarkAlreadyRecordedError', 'This mark is already recorded') {}
export class RemarkNotSealedError extends unprocessable('RemarkNotSealedError', 'A remark enters an event only sealed') {}
export class WeightOutOfRangeError extends unprocessable('WeightOutOfRangeError', 'A weight is a whole number from 0 to 100') {}
