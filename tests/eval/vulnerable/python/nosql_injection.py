"""MongoDB queries built from request data."""
from bson.son import SON
from pymongo import MongoClient

db = MongoClient()["shop"]


def find_user(request):
    name = request.args["name"]
    return db.users.find_one({"$where": "this.name == '" + name + "'"})  # vuln: nosql-injection


def older_than(request):
    age = request.args["age"]
    return list(db.users.find({"$where": f"this.age > {age}"}))  # vuln: nosql-injection


def login(request):
    # The JSON body can carry {"password": {"$ne": null}}.
    return db.users.find_one({"user": request.json["user"], "password": request.json["password"]})  # vuln: nosql-injection


def search(request):
    return list(db.products.find(request.json["filter"]))  # vuln: nosql-injection


def by_expression(request):
    expr = request.args["expr"]
    return list(db.orders.find({"$where": "function() { return " + expr + "; }"}))  # vuln: nosql-injection


def count_matching(request):
    js = "this.tags.indexOf('%s') >= 0" % request.args["tag"]
    return db.posts.count_documents({"$where": js})  # vuln: nosql-injection


def map_reduce(request):
    return db.command(SON([("mapReduce", "events"), ("map", request.form["map"]), ("reduce", "function(k, v) { return Array.sum(v); }"), ("out", {"inline": 1})]))  # vuln: nosql-injection


def regex_search(request):
    return list(db.users.find({"email": {"$regex": request.args["q"]}}))  # vuln: nosql-injection


# --- near misses ------------------------------------------------------------------------------

def find_user_safe(request):
    return db.users.find_one({"name": str(request.args["name"])})  # safe: nosql-injection


def older_than_safe(request):
    return list(db.users.find({"age": {"$gt": int(request.args["age"])}}))  # safe: nosql-injection


def active_users():
    return list(db.users.find({"$where": "this.last_login > this.created"}))  # safe: nosql-injection


def login_safe(request):
    user, password = str(request.json["user"]), str(request.json["password"])
    return db.users.find_one({"user": user, "password_hash": password})  # safe: nosql-injection
