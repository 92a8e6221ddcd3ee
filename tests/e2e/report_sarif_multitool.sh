# The SARIF passes Microsoft's validator with GitHub's ingestion rules (sarif-multitool
# validate --rule-kind "Gh;Sarif"): no error or warning results. scripts/test.sh installs the
# validator from npm and sets READYGATE_SARIF_MULTITOOL; without it this test is skipped.
source "$(dirname "$0")/lib.sh"
tool=${READYGATE_SARIF_MULTITOOL:-}
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  echo "sarif-multitool is not installed (scripts/install-npm-tool.sh sarif-multitool): skipped"
  exit 77
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1  # no ICU needed

cp -r "$READYGATE_SOURCE/examples/service" "$WORK/service"
cd "$WORK"
"$SCAN" service -q -o scan.json
printf '{"readygate": 1, "tool": "scan", "findings": [{"rule": "x.y", "severity": "high", "message": "no location"}], "checks": [{"id": "scan.unreadable", "status": "warn", "message": "1 unreadable"}]}' > extra.json
"$REPORT" scan.json extra.json --sarif out.sarif

run "$tool" validate --rule-kind "Gh;Sarif" --level "Error;Warning;Note" -o validation.sarif out.sarif
expect_rc 0
expect_json validation.sarif
check '[.runs[].results[]? | select(.level == "error" or .level == "warning")] == []' validation.sarif
echo "sarif-multitool: $(jq '[.runs[].results[]?] | length' validation.sarif) notes, no errors or warnings"
