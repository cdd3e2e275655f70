export { inTransaction } from '@vertrouwd/event-sourcing';
