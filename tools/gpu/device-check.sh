#!/bin/bash
# The WebGPU backend's checks on a GPU machine, in one call of the device tool (builds nothing there):
#   adapter and limits; the WebGPU kernel tests on the card; BERT-tiny and BERT-base train-step tokens/s
#   (WebGPU, then PyTorch fp32); GEMM GFLOP/s at 4096³ and the engine's shapes (WebGPU, then PyTorch fp32 and
#   TF32 on the same card); f16 GEMMs when the adapter offers shader-f16.
# Prepare here first (bash tools/gpu/prepare-carry.sh), then run with the device tool:
#   command "bash tools/gpu/device-check.sh", carry [".gpu-carry"], timeout_s 600
# Results come back under $OUT: results.jsonl (one JSON object per measurement), log.txt (everything),
# tests.txt (the test run). Steps run in order of importance (the tests first), each under its own time limit, all within
# BUDGET_S seconds (default 540). A dry run on a machine without a GPU:
#   OUT=/tmp/gpu-out QUICK=1 MEDBERT_WEBGPU_BACKEND=opengles PY=/usr/bin/python3 bash tools/gpu/device-check.sh
# in a COPY of the checkout with .gpu-carry (it replaces dist/ and node_modules/ with the bundle's). NO_INSTALL=1
# keeps it from unpacking the loader debs into / (a dry run of the Vulkan-to-OpenGL-ES fallback on a machine
# without Vulkan: MEDBERT_WEBGPU_BACKEND=vulkan NO_INSTALL=1 ...).
set -u
cd "$(dirname "$0")/../.."
: "${OUT:?set OUT to the folder for the results}"
mkdir -p "$OUT"
exec > >(tee -a "$OUT/log.txt") 2>&1
BUDGET_S=${BUDGET_S:-540}
QUICK=${QUICK:-0}
export MEDBERT_WEBGPU_BACKEND=${MEDBERT_WEBGPU_BACKEND:-vulkan}
start=$SECONDS

# step NAME LIMIT_S COMMAND...: runs COMMAND under min(LIMIT_S, what is left), keeps its JSON lines
step() {
  local name=$1 limit=$2
  shift 2
  local left=$((BUDGET_S - (SECONDS - start) - 5))
  if [ "$left" -lt 15 ]; then echo "== $name: skipped (budget spent)"; return; fi
  [ "$limit" -gt "$left" ] && limit=$left
  echo "== $name (limit ${limit}s, at $((SECONDS - start))s)"
  local t0=$SECONDS
  timeout --kill-after=5 "$limit" "$@" > "$OUT/step.out" 2>&1
  local rc=$?
  cat "$OUT/step.out"
  grep -E '^\{' "$OUT/step.out" >> "$OUT/results.jsonl"
  rm -f "$OUT/step.out"
  echo "== $name: exit $rc after $((SECONDS - t0))s"
}

# Node, dist/ and node_modules/ from the bundle (the machine has Python and CUDA, not Node)
if [ -f .gpu-carry/bundle.tar.xz ]; then
  rm -rf /tmp/medbert-bundle dist node_modules && mkdir -p /tmp/medbert-bundle
  xz -dc .gpu-carry/bundle.tar.xz | tar -xf - -C /tmp/medbert-bundle
  mv /tmp/medbert-bundle/dist /tmp/medbert-bundle/node_modules .
  export PATH=/tmp/medbert-bundle:$PATH
fi
command -v node >/dev/null || { echo "no node: run tools/gpu/prepare-carry.sh here and carry .gpu-carry"; exit 1; }
# Dawn's Vulkan backend needs the loader; the NVIDIA driver's ICD sits under /usr/local/nvidia on these machines
if [ "$MEDBERT_WEBGPU_BACKEND" = vulkan ] && [ "${NO_INSTALL:-0}" != 1 ] && ! ldconfig -p | grep -q 'libvulkan.so.1 '; then
  # the device README's loader set (Vulkan, and EGL/GLES for the fallback below)
  for f in .gpu-carry/debs/*.deb; do dpkg -x "$f" /; done
  ldconfig
fi
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ]; then export VK_DRIVER_FILES=$icd; fi
echo "node $(node -v); MEDBERT_WEBGPU_BACKEND=$MEDBERT_WEBGPU_BACKEND; VK_DRIVER_FILES=${VK_DRIVER_FILES:-}"
nvidia-smi -L 2>/dev/null || true
PY=${PY:-python3}

if [ "$QUICK" = 1 ]; then
  SHAPES=256x256x256,300x200x100; F16_SHAPES=256x256x256; TINY=(--batch 2 --seq 32 --steps 1 --warmup 1)
  BASE=(--batch 1 --seq 16 --steps 1 --warmup 0); TORCH_TINY=(--batch 2 --seq 32 --steps 1 --warmup 1); BASE_ON=0
else
  SHAPES=4096x4096x4096,2048x256x256,2048x1024x256,2048x256x1024,512x512x512,4096x768x768,4096x3072x768,4096x768x3072
  F16_SHAPES=4096x4096x4096,4096x3072x768; TINY=(--batch 16 --seq 128 --steps 10 --warmup 3)
  BASE=(--batch 16 --seq 128 --steps 5 --warmup 2); TORCH_TINY=(--batch 16 --seq 128 --steps 10 --warmup 3); BASE_ON=1
fi

ADAPTER_JS="
  const { create } = await import('webgpu');
  process.env.EGL_PLATFORM ??= 'surfaceless';
  const gpu = create(['backend=' + process.env.MEDBERT_WEBGPU_BACKEND]);
  const a = await gpu.requestAdapter(process.env.MEDBERT_WEBGPU_BACKEND.startsWith('opengl') ? { featureLevel: 'compatibility' } : {});
  if (a === null) { console.log('no adapter'); process.exit(1); }
  const l = {};
  for (const k of ['maxStorageBufferBindingSize', 'maxBufferSize', 'minStorageBufferOffsetAlignment', 'maxComputeWorkgroupStorageSize',
    'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxStorageBuffersPerShaderStage']) l[k] = a.limits[k];
  console.log(JSON.stringify({ adapter: { info: { vendor: a.info.vendor, architecture: a.info.architecture, device: a.info.device,
    description: a.info.description }, limits: l, features: [...a.features].sort() } }));"
step adapter 60 node --input-type=module -e "$ADAPTER_JS"
# No Vulkan adapter: try Dawn's OpenGL ES backend on the NVIDIA driver's EGL (compatibility mode, slower)
if ! grep -q '"adapter"' "$OUT/results.jsonl" 2>/dev/null && [ "$MEDBERT_WEBGPU_BACKEND" = vulkan ]; then
  egl=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
  [ -f "$egl" ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$egl
  export MEDBERT_WEBGPU_BACKEND=opengles
  # Mesa's name for an EGL without a display is 'surfaceless'; NVIDIA's EGL may want 'device'
  for platform in surfaceless device; do
    export EGL_PLATFORM=$platform
    step "adapter-opengles-$platform" 30 node --input-type=module -e "$ADAPTER_JS"
    grep -q '"adapter"' "$OUT/results.jsonl" 2>/dev/null && break
  done
fi
# the kernel tests first: whether the backend is right on the card matters more than its speed
step tests 150 bash -c "node --test dist/test/tensor/webgpu-*.test.js > '$OUT/tests.txt' 2>&1; rc=\$?; grep -E '^# (tests|pass|fail|skipped)|^not ok' '$OUT/tests.txt'; exit \$rc"
step train-step-webgpu-tiny 120 node dist/bench/index.js train-step --backend webgpu --preset tiny "${TINY[@]}" --json
step train-step-torch-tiny 60 $PY tools/gpu/torch_bench.py train-step --preset tiny "${TORCH_TINY[@]}"
if [ "$BASE_ON" = 1 ]; then
  step train-step-webgpu-base 150 node dist/bench/index.js train-step --backend webgpu --preset base "${BASE[@]}" --json
  step train-step-torch-base 60 $PY tools/gpu/torch_bench.py train-step --preset base --batch 16 --seq 128 --steps 10 --warmup 3
fi
step gemm-webgpu 150 node dist/tools/gpu/gemm-webgpu.js --shapes "$SHAPES"
step gemm-torch 90 $PY tools/gpu/torch_bench.py gemm --shapes "$SHAPES"
if grep -q '"shader-f16"' "$OUT/results.jsonl" 2>/dev/null; then
  step gemm-webgpu-f16 60 node dist/tools/gpu/gemm-webgpu.js --f16 --shapes "$F16_SHAPES"
else
  echo "== gemm-webgpu-f16: skipped (the adapter does not offer shader-f16)"
fi
echo "== done in $((SECONDS - start))s"
