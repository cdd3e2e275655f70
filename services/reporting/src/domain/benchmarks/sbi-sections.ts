/**
 * The SBI 2008 (Standaard Bedrijfsindeling, CBS; the Dutch edition of NACE Rev. 2) groups its two-digit divisions
 * into 21 sections, A to U. An organisation's sector for benchmarks is the section of the first two digits of its
 * SBI code. Divisions that do not exist (04, 05, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89, and 00) have no section.
 */
export const SBI_SECTIONS = [
  { section: 'A', from: 1, to: 3, name: 'Landbouw, bosbouw en visserij' },
  { section: 'B', from: 6, to: 9, name: 'Delfstoffenwinning' },
  { section: 'C', from: 10, to: 33, name: 'Industrie' },
  { section: 'D', from: 35, to: 35, name: 'Energievoorziening' },
  { section: 'E', from: 36, to: 39, name: 'Waterbedrijven en afval- en afvalwaterbeheer' },
  { section: 'F', from: 41, to: 43, name: 'Bouwnijverheid' },
  { section: 'G', from: 45, to: 47, name: 'Handel' },
  { section: 'H', from: 49, to: 53, name: 'Vervoer en opslag' },
  { section: 'I', from: 55, to: 56, name: 'Logies-, maaltijd- en drankverstrekking' },
  { section: 'J', from: 58, to: 63, name: 'Informatie en communicatie' },
  { section: 'K', from: 64, to: 66, name: 'Financiële instellingen' },
  { section: 'L', from: 68, to: 68, name: 'Verhuur van en handel in onroerend goed' },
  { section: 'M', from: 69, to: 75, name: 'Advisering, onderzoek en overige specialistische zakelijke dienstverlening' },
  { section: 'N', from: 77, to: 82, name: 'Verhuur van roerende goederen en overige zakelijke dienstverlening' },
  { section: 'O', from: 84, to: 84, name: 'Openbaar bestuur, overheidsdiensten en verplichte sociale verzekeringen' },
  { section: 'P', from: 85, to: 85, name: 'Onderwijs' },
  { section: 'Q', from: 86, to: 88, name: 'Gezondheids- en welzijnszorg' },
  { section: 'R', from: 90, to: 93, name: 'Cultuur, sport en recreatie' },
  { section: 'S', from: 94, to: 96, name: 'Overige dienstverlening' },
  { section: 'T', from: 97, to: 98, name: 'Huishoudens als werkgever' },
  { section: 'U', from: 99, to: 99, name: 'Extraterritoriale organisaties en lichamen' },
] as const;

export type SbiSection = (typeof SBI_SECTIONS)[number]['section'];

/** The section letter of an SBI code (`'1071'` → `'C'`), or undefined for a code whose division has no section. */
export function sbiSection(sbiCode: string): SbiSection | undefined {
  if (!/^[0-9]{2}/.test(sbiCode)) return undefined;
  const division = Number(sbiCode.slice(0, 2));
  return SBI_SECTIONS.find((s) => division >= s.from && division <= s.to)?.section;
}
