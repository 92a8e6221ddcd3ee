"""Security values drawn from the random module."""
import random
import secrets
import string
import time
import uuid


def password_reset_token():
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))  # vuln: insecure-random


def issue_otp(user):
    user.otp = random.randint(100000, 999999)  # vuln: insecure-random
    return user.otp


def new_session_id():
    session_id = "%032x" % random.getrandbits(128)  # vuln: insecure-random
    return session_id


def api_key():
    api_key = "".join(random.choices(string.hexdigits, k=40))  # vuln: insecure-random
    return api_key


def csrf_token(session):
    session["csrf_token"] = str(random.random())[2:]  # vuln: insecure-random


def temporary_password():
    alphabet = string.ascii_letters + string.digits
    temp_password = "".join(random.sample(alphabet, 12))  # vuln: insecure-random
    return temp_password


def invite_code():
    rng = random.Random()
    code = rng.randrange(10**8)  # vuln: insecure-random
    return f"INV-{code}"


def salt_for(password):
    salt = random.randbytes(16)  # vuln: insecure-random
    return salt


def nonce():
    nonce = random.randint(0, 2**64)  # vuln: insecure-random
    return nonce


def verification_code(request):
    code = str(random.randint(1000, 9999))  # vuln: insecure-random
    request.session["verification"] = code
    return code


# --- near misses ------------------------------------------------------------------------------

def password_reset_token_safe():
    return secrets.token_urlsafe(32)  # safe: insecure-random


def backoff(attempt):
    time.sleep(2 ** attempt + random.random())  # safe: insecure-random


def shuffled_tips(tips):
    random.shuffle(tips)  # safe: insecure-random
    return tips


def session_id_safe():
    session_id = uuid.uuid4().hex  # safe: insecure-random
    return session_id


def sample_rows(rows):
    return random.sample(rows, k=min(10, len(rows)))  # safe: insecure-random


def token_system_random():
    token = "".join(random.SystemRandom().choice(string.ascii_letters) for _ in range(32))  # safe: insecure-random
    return token
