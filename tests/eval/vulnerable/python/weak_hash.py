"""Password storage and tokens with weak hashes."""
import hashlib
import hmac
import os
from hashlib import md5, sha1


def register(request, db):
    password = request.form["password"]
    digest = hashlib.md5(password.encode()).hexdigest()  # vuln: weak-hash
    db.save_user(request.form["email"], digest)


def check_password(user, password):
    return user.password_hash == hashlib.sha1(password.encode()).hexdigest()  # vuln: weak-hash


def hash_password(password, salt):
    return md5(salt + password.encode()).hexdigest()  # vuln: weak-hash


def reset_token(user):
    # A token made from public data is guessable whatever the digest: predictability, not a
    # weak hash (SHA-256 would be as bad), so no weak-hash mark.
    return sha1(f"{user.id}:{user.email}".encode()).hexdigest()


def legacy_hash(password):
    h = hashlib.new("md5")  # vuln: weak-hash
    h.update(password.encode())
    return h.hexdigest()


def api_key_digest(request):
    key = request.headers["X-Api-Key"]
    # A digest of a random, high-entropy key for lookup: SHA-1's preimage resistance holds.
    return hashlib.new("sha1", key.encode()).hexdigest()  # safe: weak-hash


def store_pin(request, db):
    pin = request.json["pin"]
    db.execute("UPDATE users SET pin = ?", (hashlib.sha1(pin.encode()).hexdigest(),))  # vuln: weak-hash


def sign(payload, key):
    # HMAC-MD5 is not broken as a MAC (RFC 6151 §2.3); discouraged for new designs only.
    return hmac.new(key, payload, hashlib.md5).hexdigest()  # safe: weak-hash


# --- near misses ------------------------------------------------------------------------------

def etag(body):
    return hashlib.md5(body, usedforsecurity=False).hexdigest()  # safe: weak-hash


def hash_password_safe(password):
    salt = os.urandom(16)
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)  # safe: weak-hash


def content_id(data):
    return hashlib.sha256(data).hexdigest()  # safe: weak-hash


def sign_safe(payload, key):
    return hmac.new(key, payload, hashlib.sha256).hexdigest()  # safe: weak-hash


def pbkdf2(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)  # safe: weak-hash
