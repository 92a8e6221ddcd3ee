"""HTML rendered from templates without escaping."""
from flask import Flask, render_template_string, request
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from mako.template import Template as MakoTemplate

app = Flask(__name__)

env = Environment(loader=FileSystemLoader("templates"), autoescape=False)  # vuln: template-autoescape
plain_env = Environment(loader=FileSystemLoader("templates"))  # vuln: template-autoescape


def profile():
    name = request.args.get("name", "")
    return Template("<h1>Hello {{ name }}</h1>").render(name=name)  # vuln: template-autoescape


def greeting():
    return Template("<p>Hi {{ who }}</p>", autoescape=False).render(who=request.args["who"])  # vuln: template-autoescape


def comment_html():
    tpl = Template("{% autoescape false %}<div>{{ body }}</div>{% endautoescape %}")  # vuln: template-autoescape
    return tpl.render(body=request.form["body"])


def mako_page():
    return MakoTemplate("<p>${msg}</p>").render(msg=request.args["msg"])  # vuln: template-autoescape


def bio_page():
    tpl = env.from_string("{{ bio }}")
    return tpl.render(bio=request.form["bio"])


def email_body(user):
    mail_env = Environment(autoescape=False, trim_blocks=True)  # vuln: template-autoescape
    return mail_env.from_string("<b>{{ u }}</b>").render(u=user)


def banner():
    env.autoescape = False  # vuln: template-autoescape
    return env.from_string("<div>{{ t }}</div>").render(t=request.args["text"])


def news():
    env2 = Environment(  # vuln: template-autoescape
        loader=FileSystemLoader("news"),
        autoescape=False,
    )
    return env2.get_template("item.html").render(item=request.args["item"])


def django_engine():
    from django.template import Context, Engine
    engine = Engine(dirs=["templates"], autoescape=False)  # vuln: template-autoescape
    return engine.get_template("page.html").render(Context({"q": request.args["q"]}))


# --- near misses ------------------------------------------------------------------------------

safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())  # safe: template-autoescape
strict_env = Environment(loader=FileSystemLoader("templates"), autoescape=True)  # safe: template-autoescape


def profile_safe():
    return safe_env.get_template("profile.html").render(name=request.args.get("name", ""))  # safe: template-autoescape


def text_env():
    # Plain-text e-mails: nothing is rendered as HTML.
    return Environment(loader=FileSystemLoader("mail"), autoescape=select_autoescape(["html"]))  # safe: template-autoescape


def greeting_safe():
    return render_template_string("<p>Hi {{ who }}</p>", who=request.args["who"])  # safe: template-autoescape
