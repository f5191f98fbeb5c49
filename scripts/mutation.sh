#!/usr/bin/env bash
# Mutation testing of the figures' modules (T1, T2/T6, the scoring, the ID-number and
# credit-code checks): mutmut changes one operator, constant or comparison at a time and runs
# the tests that reach it; a mutant no test notices is a boundary no test checks. Not in CI.
# Configuration, with the hand-built tests it runs: [tool.mutmut] in pyproject.toml.
#   ./scripts/mutation.sh            run, then print the score and the survivors
#   ./scripts/mutation.sh results    print them again from the last run
# A survivor is a test to write, or an equivalent mutant (one no test can tell apart): say which.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
mkdir -p var
$PYTHON -m pip install --quiet "mutmut==3.8.1"
if [ "${1:-run}" = run ]; then
  rm -rf mutants
  $PYTHON -m mutmut run --max-children 2 || true  # (it exits non-zero while mutants survive)
fi
$PYTHON -m mutmut results --all true > var/mutation-results.txt || true
$PYTHON - <<'PY'
import collections, re
counts = collections.Counter()
survivors = []
for line in open("var/mutation-results.txt"):
    match = re.match(r"\s*(\S+): (\w[\w ]*)$", line)
    if match:
        counts[match.group(2)] += 1
        if match.group(2) == "survived":
            survivors.append(match.group(1))
decided = counts["killed"] + counts["survived"] + counts["timeout"]
killed = counts["killed"] + counts["timeout"]
print(dict(counts))
if decided:
    print(f"killed {killed} of {decided}: {100 * killed / decided:.1f}%")
print("\n".join(f"survived: {name}" for name in survivors))
PY
