/** The annotations the HelmRelease controller puts on its events (as helm-controller does). */

export const revisionAnnotation = 'helm.capstan.dev/revision';
export const configDigestAnnotation = 'helm.capstan.dev/config-digest';
