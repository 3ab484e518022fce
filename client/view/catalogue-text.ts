// The catalogue's own explanations, in the player's language: English is the catalogue's sentence itself
// (one source of truth); other languages translate it under catalogue.<path> and fall back to it.
import { catalogue, type Figure } from '../../shared/catalogue/index.ts';
import { hasText, language, t } from '../i18n/index.ts';

/** A catalogue figure by path, e.g. "ec2.bootS" or "instanceTypes.t3.small.capacityRps". */
export function figureAt(path: string): Figure | undefined {
  const parts = path.split('.');
  // Instance types and classes have dots in their names: rejoin the two parts of the name.
  if ((parts[0] === 'instanceTypes' || parts[0] === 'databaseClasses') && parts.length >= 3) {
    const nameParts = parts[0] === 'databaseClasses' ? 3 : 2;
    const name = parts.slice(1, 1 + nameParts).join('.');
    const rest = parts.slice(1 + nameParts);
    const table = catalogue[parts[0]] as unknown as Record<string, Record<string, Figure>>;
    return rest.length === 1 ? table[name]?.[rest[0]!] : undefined;
  }
  let node: unknown = catalogue;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  const f = node as Figure | undefined;
  return f && typeof f === 'object' && 'explain' in f ? f : undefined;
}

/** The translation key of a figure's explanation: per-type tables share one sentence per field. */
function keyOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'instanceTypes') return `catalogue.instanceTypes.${parts[parts.length - 1]}`;
  if (parts[0] === 'databaseClasses') return `catalogue.databaseClasses.${parts[parts.length - 1]}`;
  return `catalogue.${path}`;
}

export function explainFigure(path: string): string {
  const f = figureAt(path);
  const key = keyOf(path);
  if (language() !== 'en' && hasText(key)) return t(key);
  return f?.explain ?? '';
}

/** "0.0208 USD/hour" with the unit in the player's language where it has a word for it. */
export function figureValue(path: string, digits?: number): string {
  const f = figureAt(path);
  if (!f) return '';
  const value = digits === undefined ? String(f.value) : f.value.toFixed(digits);
  return `${value} ${t(`units.${f.unit}`, { defaultValue: f.unit })}`;
}
