import { spliceSection } from './report-sections';

const REPORT = ['# Event store benchmark', '', '## Intake', '', 'old intake', '', '## Web', '', 'old web', '', '## Method', '', 'how'].join(
  '\n',
);

describe('re-measured sections of the benchmark report', () => {
  it('replace their own section and nothing else', () => {
    const next = spliceSection(REPORT, '## Intake\n\nnew intake', 'intake');
    expect(next).toBe(REPORT.replace('old intake', 'new intake'));
  });

  it('replace the last section before Method up to Method', () => {
    expect(spliceSection(REPORT, '## Web\n\nnew web', 'web')).toBe(REPORT.replace('old web', 'new web'));
  });

  it('replace every section of a part that writes several, and keep none of the old ones', () => {
    const report = REPORT.replace('## Method', '## Web, staff\n\nold staff\n\n## Method');
    const next = spliceSection(report, '## Web\n\nnew web\n\n## Web, staff\n\nnew staff', 'web');
    expect(next).toBe(REPORT.replace('old web', 'new web\n\n## Web, staff\n\nnew staff'));
  });

  it('are added before Method when the report has none yet', () => {
    const next = spliceSection(REPORT, '## Reporting\n\nfigures', 'reporting');
    expect(next).toContain('old web\n\n## Reporting\n\nfigures\n\n## Method');
  });

  it('must start with a level-two heading', () => {
    expect(() => spliceSection(REPORT, 'figures without a heading', 'web')).toThrow('the web part does not start with a "## " heading');
  });
});
