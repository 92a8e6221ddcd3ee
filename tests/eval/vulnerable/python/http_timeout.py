"""Outbound HTTP calls without a timeout."""
import urllib.request

import httpx
import requests


def fetch_profile(request):
    return requests.get("https://api.example.com/users/" + request.args["id"]).json()  # vuln: http-no-timeout


def post_event(event):
    requests.post("https://events.example.com/in", json=event)  # vuln: http-no-timeout


def proxy(request):
    resp = requests.request(request.method, request.args["url"], data=request.data)  # vuln: http-no-timeout
    return resp.content


def download(url):
    return urllib.request.urlopen(url).read()  # vuln: http-no-timeout


def session_call(request):
    with requests.Session() as s:
        return s.get(request.args["url"]).text  # vuln: http-no-timeout


def explicit_none(request):
    return httpx.get(request.args["url"], timeout=None).text  # vuln: http-no-timeout


def client_none(url):
    with httpx.Client(timeout=None) as client:  # vuln: http-no-timeout
        return client.get(url).text


def upload(request):
    files = {"file": request.files["f"]}
    return requests.put(  # vuln: http-no-timeout
        "https://storage.example.com/upload",
        files=files,
        headers={"X-Trace": request.headers.get("X-Trace", "")},
    )


def delete_remote(item_id):
    requests.delete(f"https://api.example.com/items/{item_id}", timeout=None)  # vuln: http-no-timeout


def head_check(url):
    return requests.head(url, allow_redirects=True).status_code  # vuln: http-no-timeout


# --- near misses ------------------------------------------------------------------------------

def fetch_profile_safe(request):
    return requests.get("https://api.example.com/users/" + request.args["id"], timeout=5).json()  # safe: http-no-timeout


def httpx_default(url):
    # httpx applies a 5 s timeout unless told otherwise.
    return httpx.get(url).text  # safe: http-no-timeout


def download_safe(url):
    return urllib.request.urlopen(url, timeout=10).read()  # safe: http-no-timeout


def tuple_timeout(event):
    requests.post("https://events.example.com/in", json=event, timeout=(3.05, 27))  # safe: http-no-timeout


def configured(url, settings):
    return requests.get(url, timeout=settings.HTTP_TIMEOUT)  # safe: http-no-timeout
