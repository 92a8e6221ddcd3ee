"""Handlers that run shell commands built from request data."""
import os
import shlex
import subprocess
from subprocess import Popen, check_output


def ping(request):
    host = request.args.get("host", "")
    return subprocess.check_output("ping -c 1 " + host, shell=True)  # vuln: command-injection


def archive(request):
    name = request.form["name"]
    subprocess.run(f"tar czf /srv/backups/{name}.tgz /srv/data", shell=True, check=True)  # vuln: command-injection


def convert(request):
    src, dst = request.json["src"], request.json["dst"]
    cmd = "convert %s -resize 200x200 %s" % (src, dst)
    proc = Popen(cmd, shell=True, stdout=subprocess.PIPE)  # vuln: command-injection
    return proc.communicate()[0]


def lookup(params):
    domain = params.get("domain")
    os.system("nslookup {}".format(domain))  # vuln: command-injection


def disk_usage(request):
    path = request.GET["path"]
    with os.popen("du -sh " + path) as pipe:  # vuln: command-injection
        return pipe.read()


def grep_logs(request):
    pattern = request.args["q"]
    out = check_output(  # vuln: command-injection
        "grep -r '%s' /var/log/app" % pattern,
        shell=True,
    )
    return out.decode()


def git_show(request):
    ref = request.args.get("ref")
    return subprocess.getoutput("git show " + ref)  # vuln: command-injection


def resize_many(request):
    for item in request.json["files"]:
        subprocess.call("optipng -o7 " + item, shell=True)  # vuln: command-injection


def notify(request):
    user = request.form["user"]
    status = subprocess.Popen(["sh", "-c", "echo hi | write " + user])  # vuln: command-injection
    return status.wait()


def spawn_report(request):
    month = request.args["month"]
    os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "make-report " + month)  # vuln: command-injection


# --- near misses ------------------------------------------------------------------------------

def ping_safe(request):
    host = request.args.get("host", "")
    return subprocess.check_output(["ping", "-c", "1", host])  # safe: command-injection


def uptime():
    return subprocess.check_output("uptime", shell=True)  # safe: command-injection


def archive_safe(request):
    name = shlex.quote(request.form["name"])
    subprocess.run(["tar", "czf", f"/srv/backups/{name}.tgz", "/srv/data"], check=True)  # safe: command-injection


def disk_usage_safe(request):
    path = request.GET["path"]
    return subprocess.run(["du", "-sh", "--", path], capture_output=True).stdout  # safe: command-injection


def describe():
    # os.system("rm -rf " + path) would be wrong here; we only log the plan.
    plan = "os.system is not used"  # safe: command-injection
    return plan
