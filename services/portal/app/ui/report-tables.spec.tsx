import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import en from '../i18n/catalogue/en.messages';
import nl from '../i18n/catalogue/nl.messages';
import { ReportTables } from './report-tables';

// A suppressed cell reaches the portal as `value: null` with its reason (the reporting service publishes no figure
// for it): the page prints "< 5" and explains it in the legend, and holds no number for it anywhere.
const tables = [
  { id: 'total', cells: [{ key: 'all', value: 23, reason: null }] },
  {
    id: 'by-theme',
    cells: [
      { key: 'bullying', value: 12, reason: null },
      { key: 'discrimination', value: null, reason: 'primary' },
      { key: 'intimidation', value: null, reason: 'secondary' },
    ],
  },
];

function render(language: 'nl' | 'en', shown = tables) {
  return renderToStaticMarkup(
    <IntlProvider locale={language} messages={{ nl, en }[language]}>
      <ReportTables tables={shown} k={5} />
    </IntlProvider>,
  );
}

describe("the employer's report tables", () => {
  it('shows a suppressed cell as "< 5", explained by the legend, in Dutch and English', () => {
    const nl = render('nl');
    expect(nl).toContain('discriminatie');
    expect(nl.match(/&lt; 5<\/span>/g)).toHaveLength(2);
    expect(nl).toContain('id="legend"');
    expect(nl).toContain('&lt; 5: minder dan 5 meldingen');
    expect(render('en')).toContain('&lt; 5: fewer than 5 reports');
  });

  it('holds no figure for a suppressed cell and hides nothing with CSS', () => {
    const html = render('nl');
    const discrimination = /discriminatie<\/th><td[^>]*>(.*?)<\/td>/.exec(html)![1];
    // The only digit in the cell is k's own, in "< 5".
    expect(discrimination).toContain('&lt; 5');
    expect(discrimination.replaceAll('5', '')).not.toMatch(/\d/);
    expect(html).not.toMatch(/hidden|display:\s*none|visually-hidden/);
    expect(html).toContain('12');
  });

  it('shows no legend when nothing was left out', () => {
    expect(render('nl', [tables[0]])).not.toContain('id="legend"');
  });
});

describe('the cells as the reporting service names them', () => {
  it('reads each key for its label: the year of the total, the quarter, a theme, a state, a missed deadline with its regime', () => {
    const html = render('nl', [
      { id: 'total', cells: [{ key: '2025|total', value: 7, reason: null }] },
      { id: 'by-quarter', cells: [{ key: '2025|Q1', value: null, reason: 'primary' }] },
      {
        id: 'by-theme',
        cells: [
          { key: '2025|theme=bullying', value: null, reason: 'secondary' },
          { key: '2025|theme=intimidation', value: null, reason: 'primary' },
        ],
      },
      { id: 'by-state', cells: [{ key: '2025|state=open', value: 7, reason: null }] },
      { id: 'by-relation', cells: [{ key: '2025|relation=manager', value: 7, reason: null }] },
      { id: 'deadlines-missed', cells: [{ key: '2025|missed=feedback|wbk', value: 0, reason: null }] },
    ]);
    for (const label of ['2025</th>', 'Q1</th>', 'pesten</th>', 'intimidatie</th>', 'lopend</th>', 'leidinggevende</th>'])
      expect(html).toContain(label);
    expect(html).toContain('Terugkoppeling (Wet bescherming klokkenluiders)</th>');
    expect(html).not.toContain('theme=');
  });

  it('names each province of the site table, and a case without one', () => {
    const sites = [
      {
        id: 'by-site',
        cells: [
          { key: '2025|site=noord-brabant', value: 6, reason: null },
          { key: '2025|site=friesland', value: null, reason: 'primary' },
          { key: '2025|site=not-given', value: null, reason: 'secondary' },
        ],
      },
    ];
    const nl = render('nl', sites);
    expect(nl).toContain('>Noord-Brabant<');
    expect(nl).toContain('>Fryslân<');
    expect(nl).not.toContain('noord-brabant');
    expect(render('en', sites)).toContain('>Friesland<');
  });
});
