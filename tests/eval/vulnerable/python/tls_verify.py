"""Outbound calls that switch TLS certificate checks off."""
import ssl
import urllib.request

import httpx
import requests
import urllib3


def fetch_avatar(request):
    url = request.args["url"]
    return requests.get(url, verify=False, timeout=5).content  # vuln: tls-verify-disabled


def post_webhook(payload):
    session = requests.Session()
    session.verify = False  # vuln: tls-verify-disabled
    return session.post("https://hooks.example.com/in", json=payload, timeout=5)


def call_partner(request):
    with httpx.Client(verify=False, timeout=10) as client:  # vuln: tls-verify-disabled
        return client.get(request.args["endpoint"]).json()


def legacy_fetch(url):
    ctx = ssl._create_unverified_context()  # vuln: tls-verify-disabled
    return urllib.request.urlopen(url, context=ctx, timeout=5).read()


def internal_fetch(url):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # vuln: tls-verify-disabled
    ctx.verify_mode = ssl.CERT_NONE  # vuln: tls-verify-disabled
    return urllib.request.urlopen(url, context=ctx, timeout=5).read()


def pool_fetch(url):
    http = urllib3.PoolManager(cert_reqs="CERT_NONE")  # vuln: tls-verify-disabled
    return http.request("GET", url, timeout=5).data


async def async_fetch(url):
    async with httpx.AsyncClient(verify=False, timeout=5) as client:  # vuln: tls-verify-disabled
        return (await client.get(url)).text


def wrap(sock):
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)  # vuln: tls-verify-disabled


def put_file(url, data):
    return requests.put(url, data=data, timeout=30, verify=False)  # vuln: tls-verify-disabled


# --- near misses ------------------------------------------------------------------------------

def fetch_avatar_safe(request):
    return requests.get(request.args["url"], verify=True, timeout=5).content  # safe: tls-verify-disabled


def fetch_with_ca(url):
    return requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)  # safe: tls-verify-disabled


def strict_context():
    ctx = ssl.create_default_context()
    ctx.verify_mode = ssl.CERT_REQUIRED  # safe: tls-verify-disabled
    return ctx


def client_factory(settings):
    return httpx.Client(verify=settings.CA_BUNDLE, timeout=5)  # safe: tls-verify-disabled


def describe(options):
    options["verify_email"] = False  # safe: tls-verify-disabled
    return options
