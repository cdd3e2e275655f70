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

  it('are added before Method when the report has none yet', () => {
    const next = spliceSection(REPORT, '## Reporting\n\nfigures', 'reporting');
    expect(next).toContain('old web\n\n## Reporting\n\nfigures\n\n## Method');
  });

  it('must start with a level-two heading', () => {
    expect(() => spliceSection(REPORT, 'figures without a heading', 'web')).toThrow('the web part does not start with a "## " heading');
  });
});
