"""Authentication helpers: these follow the good practices the scanner must stay quiet about."""
import os
import secrets

import jwt
import yaml
from fastapi import Header, HTTPException

JWT_SECRET = os.environ["JWT_SECRET"]
DEFAULT_SETTINGS = "settings.yaml"


def get_current_user(authorization: str = Header(...)):
    try:
        return jwt.decode(authorization.removeprefix("Bearer "), JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc


def new_session_id():
    return secrets.token_urlsafe(32)


def load_settings(path=DEFAULT_SETTINGS):
    with open(path) as f:
        return yaml.safe_load(f)
