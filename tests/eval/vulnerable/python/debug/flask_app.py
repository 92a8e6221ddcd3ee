"""Flask and ASGI applications started with debugging on."""
import os

from fastapi import FastAPI
from flask import Flask
from starlette.applications import Starlette
from werkzeug.serving import run_simple

app = Flask(__name__)
app.debug = True  # vuln: debug-enabled
app.config["DEBUG"] = True  # vuln: debug-enabled
app.config.update(DEBUG=True, TESTING=False)  # vuln: debug-enabled

api = FastAPI(title="orders", debug=True)  # vuln: debug-enabled
web = Starlette(debug=True, routes=[])  # vuln: debug-enabled


def serve():
    app.run(host="0.0.0.0", port=8000, debug=True)  # vuln: debug-enabled


def serve_werkzeug():
    run_simple("0.0.0.0", 8000, app, use_debugger=True, use_reloader=True)  # vuln: debug-enabled


def serve_env():
    app.run(debug=os.environ.get("APP_DEBUG") == "1")  # safe: debug-enabled


def serve_off():
    app.run(host="127.0.0.1", debug=False)  # safe: debug-enabled


def verbose_logging():
    debug = True  # safe: debug-enabled
    return debug


if app.debug:  # safe: debug-enabled
    print("debug is on")

if __name__ == "__main__":
    app.run(debug=True)  # vuln: debug-enabled
