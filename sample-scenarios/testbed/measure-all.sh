#!/usr/bin/env bash
# Every single-cut plan of both fixture models over both link settings, as the README's testbed
# figures were measured: `mvn -q package -DskipTests` first, then run from the repository root.
# Writes one text table per scenario into sample-scenarios/testbed/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
fixtures=${FIXTURES:-../shared/fixtures/onnx}
requests=${REQUESTS:-10}
out=sample-scenarios/testbed/results
mkdir -p "$out"
run() { # scenario model input-shape
  local name=$1 model=$2 shape=$3
  java -jar target/splitscope.jar testbed "sample-scenarios/testbed/$name.json" --model "$fixtures/$model" \
    --units blocks --input-shape "$shape" --requests "$requests" --warm-up 3 --all-single-cuts "${@:4}" \
    2> >(grep -v '^warning:' >&2) | tee "$out/$name.txt"
}
run cls-10mbps-20ms ch_ppocr_mobile_v2.0_cls_infer.onnx 1,3,48,192 "$@"
run cls-400mbps-40ms ch_ppocr_mobile_v2.0_cls_infer.onnx 1,3,48,192 "$@"
run det-10mbps-20ms ch_PP-OCRv4_det_infer.onnx 1,3,160,160 "$@"
run det-400mbps-40ms ch_PP-OCRv4_det_infer.onnx 1,3,160,160 "$@"
