# Code written the way the rules recommend (model.eval(), ast.literal_eval, yaml.safe_load,
# parameterised queries, values from the environment, placeholders, secrets.token_*,
# crypto.randomBytes, …): no built-in rule may report anything in it.
source "$(dirname "$0")/lib.sh"
run "$SCAN" "$READYGATE_SOURCE/tests/fixtures/precision" --no-git
expect_rc 0; expect_json
check '.summary.files == 2'
check '.findings == []'
