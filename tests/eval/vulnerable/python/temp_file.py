"""Temporary files with predictable or racy names."""
import os
import tempfile


def save_upload(request):
    path = tempfile.mktemp(suffix=".csv")  # vuln: temp-file
    with open(path, "wb") as out:
        out.write(request.files["data"].read())
    return path


def render_pdf(html):
    target = tempfile.mktemp(prefix="report-", dir="/tmp")  # vuln: temp-file
    with open(target, "w") as out:
        out.write(html)
    return target


def scratch_name():
    return os.tempnam("/tmp", "job")  # vuln: temp-file


def export(request):
    name = "/tmp/export-" + request.args["user"] + ".zip"  # vuln: temp-file
    with open(name, "wb") as out:
        out.write(b"")
    return name


def cache_file(key):
    with open("/tmp/app-cache.json", "w") as out:  # vuln: temp-file
        out.write(key)


def lock_path(request):
    return open(f"/tmp/{request.args['job']}.lock", "x")  # vuln: temp-file


def spool(data):
    path = os.tmpnam()  # vuln: temp-file
    return path


def stage(request):
    tmp = tempfile.mktemp()  # vuln: temp-file
    os.rename(request.files["f"].filename, tmp)
    return tmp


# --- near misses ------------------------------------------------------------------------------

def save_upload_safe(request):
    fd, path = tempfile.mkstemp(suffix=".csv")  # safe: temp-file
    with os.fdopen(fd, "wb") as out:
        out.write(request.files["data"].read())
    return path


def workspace():
    return tempfile.mkdtemp(prefix="job-")  # safe: temp-file


def spooled():
    return tempfile.NamedTemporaryFile(delete=False)  # safe: temp-file


def staging():
    with tempfile.TemporaryDirectory() as tmp:  # safe: temp-file
        return os.listdir(tmp)


def describe():
    return "files go to a private directory, never to a fixed name"  # safe: temp-file
