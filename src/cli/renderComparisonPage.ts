import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { PreparedComparison } from './prepareComparison.ts';
import { version } from './version.ts';

/** The comparison page (the drawing libraries load only when it is asked for). */
export async function renderComparisonPage(
  prepared: PreparedComparison,
  options: { pending?: boolean; sensitivity?: SensitivityResult } = {},
): Promise<string> {
  const [{ getFunctionalAnalysis }, { loadFonts }, { createRenderContext }, { toComparisonHtml }] = await Promise.all([
    import('../analysis/getFunctionalAnalysis.ts'),
    import('../io/loadFonts.ts'),
    import('../render/createRenderContext.ts'),
    import('../render/toComparisonHtml.ts'),
  ]);
  const fonts = loadFonts();
  const contexts = [prepared.baseline, ...prepared.graphs].map((g) => createRenderContext(g, getFunctionalAnalysis(g), fonts));
  return toComparisonHtml(contexts, prepared.comparison, {
    version,
    source: prepared.file,
    pending: options.pending ?? false,
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });
}

/** The sensitivity of the baseline's exact objectives to its ranged assumptions, for the page (none when the model marks none). */
export async function withSensitivity(prepared: PreparedComparison, cancelled?: () => boolean): Promise<{ sensitivity?: SensitivityResult }> {
  const { getStrategySensitivity } = await import('../analysis/getStrategySensitivity.ts');
  const sensitivity = await getStrategySensitivity(prepared.machine, prepared.strategy, cancelled ? { cancelled } : {});
  return sensitivity ? { sensitivity } : {};
}
