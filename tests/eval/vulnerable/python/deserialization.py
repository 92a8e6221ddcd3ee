"""Endpoints that deserialize client-supplied bytes with unsafe formats."""
import base64
import json
import marshal
import pickle
import shelve

import dill
import jsonpickle
import pandas as pd
import torch


def restore_session(request):
    blob = base64.b64decode(request.cookies["session"])
    return pickle.loads(blob)  # vuln: deserialization


def import_state(request):
    return pickle.load(request.files["state"])  # vuln: deserialization


def load_model(request):
    upload = request.files["model"]
    return torch.load(upload)  # vuln: deserialization


def load_checkpoint(path_from_user):
    return torch.load(path_from_user, weights_only=False)  # vuln: deserialization


def run_bytecode(request):
    return marshal.loads(request.data)  # vuln: deserialization


def read_frame(request):
    return pd.read_pickle(request.files["frame"])  # vuln: deserialization


def restore_job(request):
    return dill.loads(request.data)  # vuln: deserialization


def from_json_pickle(request):
    return jsonpickle.decode(request.get_data(as_text=True))  # vuln: deserialization


def open_store(request):
    db = shelve.open("/srv/stores/" + request.args["store"])  # vuln: deserialization
    return dict(db)


def unpickle_queue(message):
    payload = message.body
    job = pickle.Unpickler(payload).load()  # vuln: deserialization
    return job


# --- near misses ------------------------------------------------------------------------------

def restore_session_safe(request):
    return json.loads(base64.b64decode(request.cookies["session"]))  # safe: deserialization


def load_weights(path):
    return torch.load(path, weights_only=True)  # safe: deserialization


def export_state(state):
    return pickle.dumps(state)  # safe: deserialization


def read_csv(request):
    return pd.read_csv(request.files["table"])  # safe: deserialization


def save_model(model, path):
    torch.save(model.state_dict(), path)  # safe: deserialization
