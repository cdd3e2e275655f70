import type { PublishedContent } from '../../domain/reports/organisation-reports.events';

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The published report's figures as CSV: one row per cell (`table,cell,value,reason`), suppressed cells as `< k`
 * with the reason; then hours and activities. Keys and reasons are the service's own words, values are numbers.
 */
export function reportCsv(content: PublishedContent): string {
  const below = `< ${content.k}`;
  const rows = [['table', 'cell', 'value', 'reason']];
  for (const table of content.tables) {
    for (const cell of table.cells) rows.push([table.id, cell.key, cell.value === null ? below : String(cell.value), cell.reason ?? '']);
  }
  rows.push(['hours', `${content.year}|activities-minutes`, String(content.hours.activitiesMinutes), '']);
  rows.push([
    'hours',
    `${content.year}|case-work-minutes`,
    content.hours.caseWorkMinutes === null ? below : String(content.hours.caseWorkMinutes),
    '',
  ]);
  for (const activity of content.activities) rows.push(['activities', `${content.year}|${activity.kind}`, String(activity.count), '']);
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
