/** The spellings of a service's name that the template uses. */
export interface Names {
  kebab: string;
  Pascal: string;
  camel: string;
  snake: string;
  title: string;
  port: number;
  timestamp: number;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The names for `demo-check`: DemoCheck, demoCheck, demo_check, "Demo check". */
export function namesOf(kebab: string, port: number, timestamp: number): Names {
  if (!KEBAB.test(kebab) || kebab.length > 40) throw new Error(`"${kebab}" is not a kebab-case name (e.g. demo-check)`);
  const words = kebab.split('-');
  const Pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const title = words.join(' ');
  return {
    kebab,
    Pascal,
    camel: Pascal[0].toLowerCase() + Pascal.slice(1),
    snake: words.join('_'),
    title: title[0].toUpperCase() + title.slice(1),
    port,
    timestamp,
  };
}

/** Replaces every placeholder; the order matters (`__PASCAL___READ_MODEL` before `__Pascal__`). */
export function render(text: string, names: Names): string {
  return text
    .replaceAll('__PASCAL__', names.Pascal.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase())
    .replaceAll('__Pascal__', names.Pascal)
    .replaceAll('__camel__', names.camel)
    .replaceAll('__kebab__', names.kebab)
    .replaceAll('__snake__', names.snake)
    .replaceAll('__TITLE_LOWER__', names.title.toLowerCase())
    .replaceAll('__TITLE__', names.title)
    .replaceAll('__PORT__', String(names.port))
    .replaceAll('__TIMESTAMP__', String(names.timestamp));
}
