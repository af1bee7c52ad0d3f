/**
 * What defines a kind: group, version, names, its spec and status schemas, and the columns `kubectl get` shows.
 * The CRD generator (crd-gen/) and the whole-object schemas are both built from one `KindDefinition`.
 */
import { z } from 'zod';
import { Conditions, ObjectMeta } from './common.ts';

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  description?: string;
  /** 0 (default) shows in `kubectl get`; 1 only in `kubectl get -o wide` */
  priority?: number;
}

export interface KindDefinition<Spec extends z.ZodType = z.ZodType, Status extends z.ZodType = z.ZodType> {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: readonly string[];
  /** what the kind declares, for `kubectl explain` */
  description: string;
  spec: Spec;
  status: Status;
  printerColumns: readonly PrinterColumn[];
}

/** `categories` of every Capstan CRD: `kubectl get capstan` lists them all. */
export const categories = ['capstan'] as const;

/** The whole object: apiVersion and kind fixed, ObjectMeta, the spec (required) and the status (optional). */
export function objectSchema<const A extends string, const K extends string, Spec extends z.ZodType, Status extends z.ZodType>(
  apiVersion: A, kind: K, spec: Spec, status: Status,
) {
  return z.object({
    apiVersion: z.literal(apiVersion),
    kind: z.literal(kind),
    metadata: ObjectMeta,
    spec,
    status: status.optional(),
  });
}

/**
 * A kind's definition plus its whole-object schema (`schema`), with apiVersion and kind as literal types.
 */
export function defineKind<const G extends string, const V extends string, const K extends string, Spec extends z.ZodType, Status extends z.ZodType>(
  def: KindDefinition<Spec, Status> & { group: G; version: V; kind: K },
) {
  return { ...def, schema: objectSchema(`${def.group}/${def.version}` as `${G}/${V}`, def.kind, def.spec, def.status) };
}

export const readyColumns: readonly PrinterColumn[] = [
  { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: 'Status of the Ready condition.' },
  { name: 'Status', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].message', description: 'Message of the Ready condition.' },
];

export const ageColumn: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

/** Fields every Capstan status has (observedGeneration, conditions, the last handled reconcile request). */
export const commonStatusFields = {
  conditions: Conditions.optional(),
  observedGeneration: z.int().optional().describe('The last .metadata.generation the controller reconciled.'),
  lastHandledReconcileAt: z.string().optional()
    .describe('The value of the capstan.dev/reconcile-requested-at annotation last handled.'),
};
