#!/usr/bin/env bash
# Builds the test control plane's binaries (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kwok) from their Go modules into a cache directory outside the repo, keyed by
# the versions and the go.sum hashes. Skips the build when the key's stamp is present.
# Prints the binary directory as its last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KV=v1.34.4
KWOK_V=v0.7.0
export GOTOOLCHAIN=local CGO_ENABLED=0
gover="$(go env GOVERSION)"
sum="$(cat "$here/k8s/go.sum" "$here/kwok/go.sum" "$here/build.sh" | sha256sum | cut -c1-12)"
cache="${CAPSTAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/capstan}"
bin="$cache/k8s/$KV-kwok-$KWOK_V-$gover-$sum"
if [[ -f "$bin/.complete" ]]; then echo "$bin"; exit 0; fi
mkdir -p "$bin"
start=$SECONDS
LDF="-s -w \
 -X k8s.io/component-base/version.gitVersion=$KV \
 -X k8s.io/component-base/version.gitMajor=1 \
 -X k8s.io/component-base/version.gitMinor=34 \
 -X k8s.io/component-base/version.gitTreeState=clean \
 -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z \
 -X k8s.io/client-go/pkg/version.gitVersion=$KV \
 -X k8s.io/client-go/pkg/version.gitMajor=1 \
 -X k8s.io/client-go/pkg/version.gitMinor=34"
build() { # dir out pkg ldflags
  echo "building $2 ($3)…" >&2
  (cd "$here/$1" && go build -trimpath -ldflags "$4" -o "$bin/$2.tmp" "$3") >&2
  mv "$bin/$2.tmp" "$bin/$2"
}
build k8s etcd go.etcd.io/etcd/server/v3 "-s -w"
build k8s kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver "$LDF"
build k8s kube-controller-manager k8s.io/kubernetes/cmd/kube-controller-manager "$LDF"
build k8s kube-scheduler k8s.io/kubernetes/cmd/kube-scheduler "$LDF"
build kwok kwok sigs.k8s.io/kwok/cmd/kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_V"
echo "built in $((SECONDS - start))s" >&2
touch "$bin/.complete"
echo "$bin"
