"""Token checks that skip verifying the JWT."""
import jwt
from jose import jwt as jose_jwt

SECRET = None  # loaded from the environment at start-up


def current_user(request):
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # vuln: jwt-verify-disabled
    return claims["sub"]


def is_admin(request):
    token = request.cookies["jwt"]
    claims = jwt.decode(token, SECRET, algorithms=["HS256", "none"])  # vuln: jwt-verify-disabled
    return claims.get("admin", False)


def legacy_user(token):
    return jwt.decode(token, verify=False)["sub"]  # vuln: jwt-verify-disabled


def tenant_of(request):
    token = request.headers.get("X-Token", "")
    return jose_jwt.get_unverified_claims(token)["tenant"]  # vuln: jwt-verify-disabled


def session_user(request):
    claims = jwt.decode(  # vuln: jwt-verify-disabled
        request.cookies["session"],
        SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False},
    )
    return claims["sub"]


def api_client(request):
    token = request.args["token"]
    return jwt.api_jwt.decode_complete(token, options={"verify_signature": False})["payload"]  # vuln: jwt-verify-disabled


def refresh(request):
    old = request.json["refresh_token"]
    claims = jose_jwt.decode(old, SECRET, options={"verify_signature": False})  # vuln: jwt-verify-disabled
    return claims


def user_from_header(request):
    token = request.headers["Authorization"].split()[1]
    return jwt.decode(token, key="", algorithms=["none"])["sub"]  # vuln: jwt-verify-disabled


# --- near misses ------------------------------------------------------------------------------

def current_user_safe(request):
    token = request.headers["Authorization"].removeprefix("Bearer ")
    return jwt.decode(token, SECRET, algorithms=["HS256"])["sub"]  # safe: jwt-verify-disabled


def key_id(token):
    # Only the header is read here, to pick the key; the token is verified right after.
    return jwt.get_unverified_header(token)["kid"]  # safe: jwt-verify-disabled


def issue(user_id):
    return jwt.encode({"sub": user_id}, SECRET, algorithm="HS256")  # safe: jwt-verify-disabled


def rs256_user(token, public_key):
    return jwt.decode(token, public_key, algorithms=["RS256"], audience="api")  # safe: jwt-verify-disabled
