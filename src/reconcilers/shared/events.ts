/**
 * Kubernetes Events (core/v1) about Capstan's objects: one per action, with the revision in the message and
 * in an annotation. Recording never fails the reconcile: a failed write is logged and dropped.
 */
import type { CoreV1Api, CoreV1Event } from '@kubernetes/client-node';
import type { KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';

export type EventType = 'Normal' | 'Warning';

/** What reconcilers record events with (Flux's EventRecorder, one method). */
export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string, annotations?: Record<string, string>): void;
}

export interface KubeEventRecorderOptions {
  core: CoreV1Api;
  /** `source.component`/`reportingComponent`, e.g. `capstan-helm-controller` */
  component: string;
  /** `reportingInstance`: the pod or host */
  instance: string;
  log: Logger;
}

const maxMessage = 1024;

export class KubeEventRecorder implements EventRecorder {
  readonly #opts: KubeEventRecorderOptions;
  #pending: Promise<unknown> = Promise.resolve();

  constructor(opts: KubeEventRecorderOptions) {
    this.#opts = opts;
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string, annotations: Record<string, string> = {}): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const now = new Date();
    const body: CoreV1Event = {
      metadata: { generateName: `${obj.metadata.name}.`, namespace, annotations },
      involvedObject: {
        apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace,
        ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}),
        ...(obj.metadata.resourceVersion ? { resourceVersion: obj.metadata.resourceVersion } : {}),
      },
      type, reason,
      message: message.length > maxMessage ? `${message.slice(0, maxMessage - 3)}...` : message,
      source: { component: this.#opts.component },
      firstTimestamp: now, lastTimestamp: now, count: 1,
      reportingComponent: this.#opts.component, reportingInstance: this.#opts.instance,
    };
    const write = this.#opts.core.createNamespacedEvent({ namespace, body })
      .catch((e: unknown) => this.#opts.log.warn({ err: e instanceof Error ? e.message : String(e), reason }, 'could not record an event'));
    this.#pending = Promise.all([this.#pending, write]);
  }

  /** Resolves when every event recorded so far has been written (or dropped). */
  async flush(): Promise<void> {
    await this.#pending;
  }
}
