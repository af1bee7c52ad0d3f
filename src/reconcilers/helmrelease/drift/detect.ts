/**
 * Drift detection (Flux's `driftDetection`): for each object of the deployed release (post-rendered as it
 * was applied), GET the live object — gone means drift — else ask server-side apply (dry run, field manager
 * capstan, forced) what applying it would give and compare that with the live object: any difference is a
 * field someone changed. `driftDetection.ignore[]` pointers and the per-object annotation
 * `helm.capstan.dev/driftDetection: disabled` leave things out.
 */
import type { DriftDetection } from '../../../api/index.ts';
import { describeRef, isNotFound, rawGet, refOf, type KubeClient, type KubeObject, type ObjectRef } from '../../../kube/index.ts';
import { parsePointer } from '../json-pointer.ts';
import { matchesSelector } from '../postrender/selector.ts';
import { changedPaths, comparable } from './compare.ts';

export const driftDetectionAnnotation = 'helm.capstan.dev/driftDetection';

export interface DriftedObject {
  ref: ObjectRef;
  object: KubeObject;
  type: 'missing' | 'changed';
  /** JSON pointers of changed fields (changed objects) */
  paths: string[];
}

export interface DriftReport {
  drifted: DriftedObject[];
  /** objects that could not be checked, with why */
  errors: string[];
}

function ignoredPointers(o: KubeObject, spec: DriftDetection): string[][] {
  return (spec.ignore ?? []).filter((r) => matchesSelector(o, r.target)).flatMap((r) => r.paths.map(parsePointer));
}

/** The live object as the server sends it (raw JSON: the typed client would turn built-in kinds into models). */
async function getRaw(kube: KubeClient, ref: ObjectRef): Promise<KubeObject | undefined> {
  try {
    return await rawGet<KubeObject>(kube.kc, await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function checkOne(kube: KubeClient, o: KubeObject, spec: DriftDetection): Promise<DriftedObject | undefined> {
  const ref = refOf(o);
  const live = await getRaw(kube, ref);
  if (live === undefined) return { ref, object: o, type: 'missing', paths: [] };
  if (live.metadata.annotations?.[driftDetectionAnnotation] === 'disabled') return undefined;
  const applied = await kube.apply(o, { dryRun: true, force: true });
  const ignore = ignoredPointers(o, spec);
  const paths = changedPaths(comparable(applied, ignore), comparable(live, ignore));
  return paths.length === 0 ? undefined : { ref, object: o, type: 'changed', paths };
}

/** Checks every object; never throws for one object (its failure goes to `errors`). */
export async function detectDrift(kube: KubeClient, objects: readonly KubeObject[], spec: DriftDetection): Promise<DriftReport> {
  const report: DriftReport = { drifted: [], errors: [] };
  for (const o of objects) {
    if (o.metadata.annotations?.[driftDetectionAnnotation] === 'disabled') continue;
    try {
      const d = await checkOne(kube, o, spec);
      if (d !== undefined) report.drifted.push(d);
    } catch (e) {
      report.errors.push(`${describeRef(refOf(o))}: ${(e as Error).message}`);
    }
  }
  return report;
}

/** `Deployment ns/web (missing), ConfigMap ns/cfg (changed: /data/greeting)`. */
export function driftSummary(r: DriftReport): string {
  return r.drifted.map((d) => `${describeRef(d.ref)} (${d.type === 'missing' ? 'missing' : `changed: ${d.paths.join(', ')}`})`).join(', ');
}
