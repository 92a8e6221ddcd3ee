"""Configuration uploads parsed as YAML."""
import yaml
from yaml import Loader, load


def import_config(request):
    return yaml.load(request.data)  # vuln: yaml-load


def import_pipeline(request):
    return yaml.load(request.files["pipeline"], Loader=yaml.Loader)  # vuln: yaml-load


def import_unsafe(request):
    return yaml.unsafe_load(request.get_data())  # vuln: yaml-load


def import_full(body):
    return yaml.full_load(body)  # vuln: yaml-load


def import_all(request):
    return list(yaml.load_all(request.data, Loader=yaml.UnsafeLoader))  # vuln: yaml-load


def import_bare(request):
    return load(request.data, Loader=Loader)  # vuln: yaml-load


def import_many(stream):
    docs = yaml.unsafe_load_all(stream)  # vuln: yaml-load
    return list(docs)


def import_manifest(request):
    text = request.form["manifest"]
    data = yaml.load(text, Loader=yaml.FullLoader)  # vuln: yaml-load
    return data


def import_legacy(request):
    return yaml.load(  # vuln: yaml-load
        request.data,
        yaml.Loader,
    )


def import_cloud(request):
    return yaml.load(request.data, Loader=getattr(yaml, "CLoader", yaml.Loader))  # vuln: yaml-load


# --- near misses ------------------------------------------------------------------------------

def import_config_safe(request):
    return yaml.safe_load(request.data)  # safe: yaml-load


def import_pipeline_safe(request):
    return yaml.load(request.files["pipeline"], Loader=yaml.SafeLoader)  # safe: yaml-load


def import_all_safe(request):
    return list(yaml.safe_load_all(request.data))  # safe: yaml-load


def import_fast(request):
    return yaml.load(request.data, Loader=yaml.CSafeLoader)  # safe: yaml-load


def export_config(config):
    return yaml.safe_dump(config)  # safe: yaml-load
