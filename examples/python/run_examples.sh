#!/usr/bin/env bash
# Checks the NumPy example subject against formulary, both ways, and shows that a wrong variant is caught:
#   1. golden vectors (formulary vectors) checked by check_golden.py;
#   2. the property suite run by `formulary check --subject-cmd` against the eval-protocol adapter.
# Exits non-zero if the correct subject fails or the wrong one is not caught.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import numpy' >/dev/null 2>&1; then
    py="$(command -v "$candidate")"; break
  fi
done
if [ -z "$py" ]; then
  echo "run_examples: no python3 with NumPy found (install Debian's python3-numpy)" >&2
  exit 1
fi
work="$root/target/python-examples"
rm -rf "$work"; mkdir -p "$work"
props="CONTRA-P2,CONTRA-P10,CONTRA-P11,CONTRA-P12"

"$root/formulary" vectors --out "$work/vectors" --area CONTRA --cases 6
echo "== golden vectors, correct subject"
(cd "$here" && "$py" check_golden.py "$work/vectors")
echo "== golden vectors, wrong subject (must fail)"
if (cd "$here" && "$py" check_golden.py "$work/vectors" --wrong > "$work/golden-wrong.txt"); then
  echo "run_examples: the golden vectors did not catch the wrong subject" >&2; exit 1
fi
echo "  wrong subject caught by the golden vectors: $(grep -c ^FAIL "$work/golden-wrong.txt") failing cases"

echo "== property suite, correct subject"
"$root/formulary" check --subject-cmd "$py $here/numpy_subject.py" --property "$props" --examples 50 \
  --results "$work/check-correct"
echo "== property suite, wrong subject (must be falsified)"
status=0
"$root/formulary" check --subject-cmd "$py $here/numpy_subject.py --wrong" --property "$props" --examples 50 \
  --results "$work/check-wrong" > "$work/check-wrong.txt" || status=$?
grep -E "^  CONTRA-P" "$work/check-wrong.txt"
if [ "$status" -ne 3 ] || ! grep -qE "CONTRA-P2 +failed" "$work/check-wrong.txt"; then
  echo "run_examples: formulary check did not falsify the wrong subject (status $status)" >&2; exit 1
fi
echo "python examples: 4 passed, 0 failed"
