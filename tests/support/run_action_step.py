#!/usr/bin/env python3
"""Runs one `run:` step of a composite GitHub Action the way the runner would, for the tests.

    run_action_step.py ACTION_YML STEP_ID [INPUT=VALUE ...]

The step's `env:` is evaluated with the action's inputs (the given ones, else the action's
defaults); `${{ steps.ID.outputs.NAME }}` reads outputs that earlier calls wrote to
$GITHUB_OUTPUT. Any other expression is refused, so a step that needs more of GitHub's context
than this emulates fails the test instead of running with a guessed value. The step's script
runs with bash in the working folder, GITHUB_ACTION_PATH set to the action's folder, and the
caller's environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, …). Exit code: the step's.
"""
import os
import re
import subprocess
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def outputs_so_far():
    path = os.environ.get("GITHUB_OUTPUT", "")
    values = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as file:
            for line in file:
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    values[key] = value
    return values


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: run_action_step.py ACTION_YML STEP_ID [INPUT=VALUE ...]")
    action_file, step_id = sys.argv[1], sys.argv[2]
    with open(action_file, encoding="utf-8") as file:
        action = yaml.safe_load(file)
    inputs = {name: str(spec.get("default", "")) for name, spec in (action.get("inputs") or {}).items()}
    for assignment in sys.argv[3:]:
        name, _, value = assignment.partition("=")
        if name not in inputs:
            sys.exit(f"run_action_step: the action has no input '{name}' (it has: {', '.join(sorted(inputs))})")
        inputs[name] = value
    steps = [step for step in action["runs"]["steps"] if step.get("id") == step_id]
    if len(steps) != 1 or "run" not in steps[0]:
        sys.exit(f"run_action_step: no run: step with id '{step_id}' in {action_file}")
    step = steps[0]
    outputs = outputs_so_far()

    def evaluate(match):
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression[len("inputs."):]]
        found = re.fullmatch(r"steps\.[\w-]+\.outputs\.([\w-]+)", expression)
        if found:
            return outputs.get(found.group(1), "")
        sys.exit(f"run_action_step: cannot evaluate '${{{{ {expression} }}}}'")

    env = dict(os.environ)
    for name, value in (step.get("env") or {}).items():
        env[name] = EXPRESSION.sub(evaluate, str(value))
    env["GITHUB_ACTION_PATH"] = os.path.dirname(os.path.abspath(action_file))
    if EXPRESSION.search(step["run"]):
        sys.exit("run_action_step: the step splices an expression into its script")
    return subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
