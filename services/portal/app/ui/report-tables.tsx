import { FormattedMessage, useIntl } from 'react-intl';
import type { ReportTable } from '../api/reporting.server';

const KEY_LABELS: Record<string, string> = { 'by-theme': 'theme', 'by-state': 'outcome', 'by-relation': 'relation' };
/** The message prefix of each dimension a cell key names. */
const CELL_LABELS: Record<string, string> = {
  theme: 'theme',
  state: 'outcome',
  relation: 'oversight.relation',
  anonymity: 'oversight.anonymity',
  referral: 'oversight.referral',
  missed: 'cases',
  site: 'oversight.site',
};

/**
 * A published report's tables. A suppressed cell is printed as "< k" with the legend's explanation: the page never
 * holds its figure (the service sends none), so nothing is hidden that a reader's tools could reveal.
 */
export function ReportTables({ tables, k }: { tables: ReportTable[]; k: number }) {
  const intl = useIntl();
  const suppressed = tables.some((t) => t.cells.some((c) => c.value === null));
  const known = (id: string) => intl.messages[id] !== undefined;
  const labelOf = (table: string, key: string) => {
    // The service's keys: `2025|total`, `2025|Q1`, `2025|theme=bullying`, `2025|missed=feedback|wbk`.
    const [year = '', what, extra] = key.split('|');
    if (what !== undefined) {
      const [dimension = '', value] = what.split('=');
      if (value === undefined) return dimension === 'total' ? year : dimension;
      const id = value === 'open' && dimension === 'state' ? 'status.open' : `${CELL_LABELS[dimension] ?? dimension}.${value}`;
      const name = known(id) ? intl.formatMessage({ id }) : value;
      return extra
        ? `${name} (${known(`oversight.regime.${extra}`) ? intl.formatMessage({ id: `oversight.regime.${extra}` }) : extra})`
        : name;
    }
    const prefix = KEY_LABELS[table];
    const id = prefix ? `${prefix}.${key}` : '';
    return prefix && known(id) ? intl.formatMessage({ id }) : key;
  };
  const titleOf = (id: string) =>
    intl.messages[`report.table.${id}`] !== undefined ? intl.formatMessage({ id: `report.table.${id}` }) : id;
  return (
    <>
      {suppressed ? (
        <p className="utrecht-paragraph portal-legend" id="legend" data-testid="legend">
          <FormattedMessage id="report.legend" values={{ k }} />
        </p>
      ) : null}
      {tables.map((table) => (
        <div key={table.id} className="portal-table-scroll portal-section">
          <table className="utrecht-table" data-testid={`table-${table.id}`}>
            <caption className="utrecht-table__caption">{titleOf(table.id)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="report.key" />
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  <FormattedMessage id="report.value" />
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {table.cells.map((cell) => (
                <tr key={cell.key} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {labelOf(table.id, cell.key)}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric" dir="ltr">
                    {cell.value === null ? (
                      <span aria-describedby="legend" title={intl.formatMessage({ id: 'report.suppressedLabel' }, { k })}>
                        <FormattedMessage id="report.suppressed" values={{ k }} />
                      </span>
                    ) : (
                      intl.formatNumber(cell.value)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
