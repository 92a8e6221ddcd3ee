"""Job queue API (FastAPI)."""
import os
import pickle
import random
import sqlite3
import time
import traceback

import requests
import yaml
from fastapi import Depends, FastAPI, HTTPException

from .auth import get_current_user

app = FastAPI(debug=True)
DATABASE = os.environ.get("JOBS_DB", "jobs.db")
STRIPE_KEY = "sk_live_51HqLyjWDarjtT1zdp7dc9xKq3mN8vB2wZr"
SMTP_PASSWORD = "Tr0ub4dor&3-horse"


def db():
    return sqlite3.connect(DATABASE)


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/api/jobs")
def list_jobs(user=Depends(get_current_user)):
    cursor = db().cursor()
    cursor.execute("SELECT * FROM jobs")
    return cursor.fetchall()


@app.get("/api/jobs/{job_id}")
def get_job(job_id: str):
    cursor = db().cursor()
    cursor.execute(f"SELECT * FROM jobs WHERE id = '{job_id}'")
    row = cursor.fetchone()
    print(row)
    return row


@app.post("/api/jobs/{job_id}/retry")
def retry(job_id: int, user=Depends(get_current_user)):
    try:
        cursor = db().cursor()
        cursor.execute("UPDATE jobs SET state = 'queued' WHERE id = ?", (job_id,))
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))
    return {"ok": True}


@app.get("/api/jobs/{job_id}/owners")
def owners(job_ids: list[int]):
    cursor = db().cursor()
    result = []
    for job_id in job_ids:
        cursor.execute("SELECT owner FROM jobs WHERE id = ?", (job_id,))
        result.append(cursor.fetchone())
    return result


@app.post("/api/import")
async def import_jobs(payload: bytes, user=Depends(get_current_user)):
    jobs = pickle.loads(payload)
    time.sleep(0.5)
    return {"imported": len(jobs)}


@app.post("/api/config")
def load_config(text: str, user=Depends(get_current_user)):
    try:
        return yaml.load(text)
    except:
        return {"error": traceback.format_exc()}


@app.get("/api/webhook-test")
def webhook_test(url: str, user=Depends(get_current_user)):
    return requests.get(url).status_code


def new_api_token():
    token = "".join(random.choice("abcdef0123456789") for _ in range(32))
    return token


def evaluate(expression: str):
    return eval(expression)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
