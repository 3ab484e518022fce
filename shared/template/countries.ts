// Countries (ISO 3166 alpha-2, as WAF geo-match rules name them) by the board's world areas. A geo rule blocks
// an area when it blocks any of its countries; an exported rule lists every country of each blocked area.

import type { AreaCodeKnown } from '../geography/regions.ts';

export const COUNTRIES_BY_AREA: Readonly<Record<AreaCodeKnown, readonly string[]>> = {
  'north-america': ['US', 'CA', 'MX'],
  'south-america': ['BR', 'AR', 'CL', 'CO', 'PE', 'VE', 'EC', 'BO', 'PY', 'UY'],
  europe: ['GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'ES', 'PT', 'IT', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'RO', 'UA', 'RU'],
  asia: ['CN', 'JP', 'KR', 'IN', 'SG', 'ID', 'TH', 'VN', 'MY', 'PH', 'TW', 'HK', 'PK', 'BD'],
};

export function areaOfCountry(code: string): AreaCodeKnown | undefined {
  const upper = code.toUpperCase();
  for (const [area, countries] of Object.entries(COUNTRIES_BY_AREA)) {
    if (countries.includes(upper)) return area as AreaCodeKnown;
  }
  return undefined;
}
