#!/bin/bash
# Prepares, on the development machine, what tools/gpu/device-check.sh needs on a GPU machine that has no
# Node and nothing to build with: .gpu-carry/ (ignored through .git/info/exclude) with
#   bundle.tar.xz  this machine's node binary, dist/ (compiled; no maps or .d.ts), and the runtime packages of
#                  node_modules (webgpu with its linux-x64 dawn.node only; no typescript/assemblyscript/binaryen)
#   debs/          the Vulkan loader and the GL/EGL dispatch libraries the device README lists (libvulkan1,
#                  libegl1, libglvnd0, libopengl0, libgl1, libglx0, libgles2), unpacked there only if the
#                  machine lacks libvulkan.so.1 (EGL: for the OpenGL ES fallback when Vulkan finds no adapter)
# Run from the repository root after `npx tsc -p .`:  bash tools/gpu/prepare-carry.sh
# Then call the device tool with carry [".gpu-carry"] (README of src/tensor/backends/webgpu says how).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
[ -f dist/bench/index.js ] && [ -f dist/tools/gpu/gemm-webgpu.js ] || { echo "build first: npx tsc -p ." >&2; exit 1; }
[ "$(uname -m)" = x86_64 ] || { echo "the GPU machines are x86-64: prepare on an x86-64 machine" >&2; exit 1; }
grep -qx '/.gpu-carry/' .git/info/exclude 2>/dev/null || echo '/.gpu-carry/' >> .git/info/exclude

rm -rf .gpu-carry
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p .gpu-carry/debs "$stage/node_modules/webgpu/dist/linux-x64"

# runtime packages: everything in node_modules but the build tools and type packages
for pkg in node_modules/*; do
  case "$(basename "$pkg")" in
    typescript|assemblyscript|binaryen|@types|@webgpu|webgpu|.bin|.package-lock.json) ;;
    *) cp -r "$pkg" "$stage/node_modules/" ;;
  esac
done
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$stage/node_modules/webgpu/"
cp node_modules/webgpu/dist/linux-x64/dawn.node "$stage/node_modules/webgpu/dist/linux-x64/"
# dist without source maps and declarations
mkdir -p "$stage/dist"
tar -C dist --exclude='*.map' --exclude='*.d.ts' -cf - . | tar -C "$stage/dist" -xf -
cp "$(command -v node)" "$stage/node"

nice -n 10 tar -C "$stage" -cf - . | nice -n 10 xz -T2 -6 > .gpu-carry/bundle.tar.xz

# the loaders, as the device README says (amd64 lists in /tmp so the system's apt state is untouched)
mkdir -p /tmp/amd64/partial
o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
# shellcheck disable=SC2086
apt-get $o update -qq >/dev/null
# (as root apt warns that '_apt' cannot write there: harmless, the file is downloaded)
# shellcheck disable=SC2086
(cd .gpu-carry/debs && apt-get $o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 >/dev/null 2>&1)
ls .gpu-carry/debs/libvulkan1_*.deb >/dev/null

du -sh .gpu-carry/* | sed 's/^/  /'
echo "tracked + untracked files also travel: keep the total under 64 MiB"
