/**
 * Documents → the objects to apply (pure): each document checked to be a Kubernetes object (a mapping with
 * apiVersion, kind and metadata.name), `v1 List`s expanded, Flux documents translated, `status` dropped and
 * the owner's labels and annotation added. Every failure names the document's file and line.
 */
import type { KubeObject } from '../../kube/index.ts';
import { buildError, GitSyncError, type Problem, type SourceLocation } from './errors.ts';
import { formatNotes, isFluxApiVersion, translateFluxDocument, type FieldNote } from './flux/index.ts';
import type { ManifestDocument } from './manifest-files.ts';
import { markOwned, type Owner } from './ownership.ts';
import { Reason, formatIssues, parseCapstanObject } from '../../api/index.ts';

export interface DesiredObject {
  object: KubeObject;
  at: SourceLocation;
  kustomizeNamespace?: string;
}

/** Fields of a translated Flux document that were not carried over (reported, not fatal). */
export interface IgnoredFields {
  at: SourceLocation;
  /** `Kind name` of the translated object */
  object: string;
  from: string;
  notes: FieldNote[];
}

export interface BuildResult {
  objects: DesiredObject[];
  ignored: IgnoredFields[];
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the objects; throws a BuildFailed GitSyncError listing every bad document. */
export function buildObjects(docs: readonly ManifestDocument[], owner: Owner): BuildResult {
  const result: BuildResult = { objects: [], ignored: [] };
  const problems: Problem[] = [];
  for (const doc of docs) {
    for (const value of expandList(doc.value)) {
      try {
        const built = buildOne(value, doc, result);
        markOwned(built.object, owner);
        result.objects.push(built);
      } catch (e) {
        if (!(e instanceof GitSyncError)) throw e;
        problems.push(...e.problems);
      }
    }
  }
  if (problems.length > 0) throw new GitSyncError(Reason.BuildFailed, problems);
  return result;
}

function expandList(value: unknown): unknown[] {
  if (isMapping(value) && value['apiVersion'] === 'v1' && typeof value['kind'] === 'string' && value['kind'].endsWith('List') && Array.isArray(value['items'])) {
    return value['items'];
  }
  return [value];
}

function buildOne(value: unknown, doc: ManifestDocument, result: BuildResult): DesiredObject {
  const at = doc.at;
  if (!isMapping(value)) throw buildError('a document must be a mapping (a Kubernetes object)', at);
  if (typeof value['apiVersion'] !== 'string' || value['apiVersion'] === '') throw buildError('apiVersion is required', at);
  if (typeof value['kind'] !== 'string' || value['kind'] === '') throw buildError('kind is required', at);
  const meta = value['metadata'];
  if (!isMapping(meta) || typeof meta['name'] !== 'string' || meta['name'] === '') {
    const hint = isMapping(meta) && meta['generateName'] !== undefined ? ' (generateName is not supported: the object could not be found again)' : '';
    throw buildError(`metadata.name is required${hint}`, at, `${value['kind']}`);
  }
  let object: Record<string, unknown> = value;
  if (isFluxApiVersion(value['apiVersion'])) {
    const t = translateFluxDocument(value);
    if (t !== undefined) {
      const name = `${value['kind']} ${meta['name']}`;
      if (t.rejected.length > 0) throw buildError(`${t.from} cannot be translated: ${formatNotes(t.rejected)}`, at, name);
      const parsed = parseCapstanObject(t.object);
      if (!parsed.ok) throw buildError(`translated from ${t.from}: ${formatIssues(parsed.issues)}`, at, name);
      if (t.ignored.length > 0) result.ignored.push({ at, object: name, from: t.from, notes: t.ignored });
      object = t.object;
    }
  }
  const { status: _status, ...rest } = object;
  const out: DesiredObject = { object: structuredClone(rest) as KubeObject, at };
  if (doc.kustomizeNamespace !== undefined) out.kustomizeNamespace = doc.kustomizeNamespace;
  return out;
}
