"""Handlers that evaluate text that came from the client."""
import ast
import json


def calculate(request):
    expr = request.args.get("expr", "0")
    return str(eval(expr))  # vuln: code-eval


def apply_filter(request, rows):
    predicate = request.json["where"]
    return [r for r in rows if eval(predicate, {"row": r})]  # vuln: code-eval


def run_plugin(request):
    source = request.files["plugin"].read().decode()
    exec(source, {"__name__": "plugin"})  # vuln: code-eval


def load_settings(body):
    return eval("dict(" + body + ")")  # vuln: code-eval


def compile_rule(request):
    code = compile(request.form["rule"], "<rule>", "exec")
    namespace = {}
    exec(code, namespace)  # vuln: code-eval
    return namespace.get("check")


def parse_point(value):
    x, y = eval(value)  # vuln: code-eval
    return x, y


def sort_key(request):
    key = request.args.get("key", "lambda r: r['id']")
    return eval(key)  # vuln: code-eval


def format_template(request, context):
    template = request.form["template"]
    return eval(f"f'''{template}'''", {}, context)  # vuln: code-eval


def call_named(request, obj):
    method = request.args["method"]
    return eval("obj." + method + "()")  # vuln: code-eval


def migrate(request):
    exec(request.json["script"])  # vuln: code-eval


# --- near misses ------------------------------------------------------------------------------

def parse_point_safe(value):
    x, y = ast.literal_eval(value)  # safe: code-eval
    return x, y


def load_settings_safe(body):
    return json.loads(body)  # safe: code-eval


def evaluate(model, batch):
    model.eval()  # safe: code-eval
    return model(batch)


def run_query(engine, request):
    return engine.evaluate(request.args["q"])  # safe: code-eval


def describe():
    return "eval() is not used on user input here"  # safe: code-eval
