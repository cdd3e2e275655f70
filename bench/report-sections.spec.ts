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

describe('a part whose report has several sections', () => {
  const WITH_TWO = [
    '# Event store benchmark',
    '',
    '## Web: the site',
    '',
    'old site',
    '',
    '## Web: the portal',
    '',
    'old portal',
    '',
    '## Reporting',
    '',
    'figures',
    '',
    '## Method',
    '',
    'how',
  ].join('\n');

  it('replaces all of them once, where the first was, and keeps what follows', () => {
    const next = spliceSection(WITH_TWO, '## Web: the site\n\nnew site\n\n## Web: the portal\n\nnew portal', 'web');
    expect(next).toBe(WITH_TWO.replace('old site', 'new site').replace('old portal', 'new portal'));
    expect(next.match(/## Web: the portal/g)).toHaveLength(1);
  });

  it('leaves a section the part does not hold where it was', () => {
    const next = spliceSection(WITH_TWO, '## Web: the site\n\nnew site', 'web');
    expect(next).toContain('## Web: the portal\n\nold portal');
    expect(next).toContain('new site\n\n## Web: the portal');
  });
});
