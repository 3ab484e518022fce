// load → export → load is the identity on a design: every generated valid design, exported to a manifest and
// YAML templates and loaded again, is the same design (same resources, same ids, same props).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArbitrary } from './design-arbitrary.ts';
import { exportDesign, templateToYaml } from '../../../shared/template/index.ts';
import { errors, plain, reload } from './load-helpers.ts';

/** An export as the text of its files: the manifest, then each template as YAML. */
const exportText = (design: Parameters<typeof exportDesign>[0]) => {
  const exported = exportDesign(design);
  return [templateToYaml(exported.manifest), ...Object.values(exported.templates).map(templateToYaml)].join('---\n');
};

/** Errors that would mean the exporter wrote something the loader cannot follow. */
const CODEC_ERRORS = ['internal-error', 'missing-reference', 'reference-kind', 'template-parse', 'invalid-value', 'invalid-intrinsic'];

describe('export then load', () => {
  it('gives back every generated design', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const again = reload(design);
        expect(errors(again).filter((i) => CODEC_ERRORS.includes(i.code))).toEqual([]);
        expect(plain(again.design)).toEqual(plain(design));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('exports a loaded export as the same text', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const once = reload(design).design!;
        expect(exportText(reload(once).design!)).toBe(exportText(once));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('is stable: a second round changes nothing', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const once = reload(design).design!;
        expect(plain(reload(once).design)).toEqual(plain(once));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
