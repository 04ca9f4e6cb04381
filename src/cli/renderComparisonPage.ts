import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { PreparedComparison } from './prepareComparison.ts';
import { getPageProvenance } from './provenance.ts';

/**
 * The comparison page (the drawing libraries load only when it is asked for). Each plan gets a
 * "what it changes" system map, except on a page still pending its simulated objectives (the live
 * view's first page after a save, which must be quick).
 */
export async function renderComparisonPage(
  prepared: PreparedComparison,
  options: { pending?: boolean; sensitivity?: SensitivityResult } = {},
): Promise<string> {
  const [{ getFunctionalAnalysis }, { loadFonts }, { createRenderContext }, { toComparisonHtml }, { renderSystemMap }] = await Promise.all([
    import('../analysis/getFunctionalAnalysis.ts'),
    import('../io/loadFonts.ts'),
    import('../render/createRenderContext.ts'),
    import('../render/toComparisonHtml.ts'),
    import('../render/renderSystemMap.ts'),
  ]);
  const fonts = loadFonts();
  const contexts = [prepared.baseline, ...prepared.graphs].map((g) => createRenderContext(g, getFunctionalAnalysis(g), fonts));
  const pending = options.pending ?? false;
  const scenarios = prepared.comparison.scenarios;
  const changeMaps = pending
    ? undefined
    : await Promise.all(
        contexts.slice(1).map((ctx, k) => renderSystemMap(ctx, { id: `changes-${k + 1}`, base: prepared.baseline, name: scenarios[k + 1]!.name })),
      );
  return toComparisonHtml(contexts, prepared.comparison, {
    ...getPageProvenance(prepared.file),
    pending,
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
    ...(changeMaps ? { changeMaps } : {}),
  });
}

/** The sensitivity of the baseline's exact objectives to its ranged assumptions, for the page (none when the model marks none). */
export async function withSensitivity(prepared: PreparedComparison, cancelled?: () => boolean): Promise<{ sensitivity?: SensitivityResult }> {
  const { getStrategySensitivity } = await import('../analysis/getStrategySensitivity.ts');
  const sensitivity = await getStrategySensitivity(prepared.machine, prepared.strategy, cancelled ? { cancelled } : {});
  return sensitivity ? { sensitivity } : {};
}
