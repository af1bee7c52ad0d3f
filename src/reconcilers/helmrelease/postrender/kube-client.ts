/**
 * A KubeClient whose `apply` post-renders each object first, so that everything a Helm action applies (the
 * release's objects and its hooks) goes out post-rendered, without the actions knowing. The release record
 * keeps the chart's rendering; drift detection post-renders the same way before it compares.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeClient, type ApplyOptions, type KubeObject } from '../../../kube/index.ts';
import type { PostRender } from './post-renderer.ts';

export class PostRenderingKubeClient extends KubeClient {
  readonly #render: PostRender;

  constructor(kc: KubeConfig, render: PostRender) {
    super(kc);
    this.#render = render;
  }

  override apply(obj: KubeObject, opts: ApplyOptions = {}): Promise<KubeObject> {
    return super.apply(this.#render(obj), opts);
  }
}
