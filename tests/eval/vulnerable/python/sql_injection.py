"""Data access built from request values (DB-API cursors)."""
import sqlite3


def get_user(conn, request):
    user_id = request.args["id"]
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE id = %s" % user_id)  # vuln: sql-injection
    return cur.fetchone()


def find_by_name(cursor, name):
    cursor.execute("SELECT id, email FROM users WHERE name = '" + name + "'")  # vuln: sql-injection
    return cursor.fetchall()


def search(cursor, request):
    term = request.GET.get("q", "")
    cursor.execute(f"SELECT * FROM products WHERE title LIKE '%{term}%'")  # vuln: sql-injection
    return cursor.fetchall()


def delete_order(db, order_id):
    db.execute("DELETE FROM orders WHERE id = {}".format(order_id))  # vuln: sql-injection


def report(cursor, request):
    start, end = request.args["start"], request.args["end"]
    cursor.execute("SELECT sum(total) FROM invoices "  # vuln: sql-injection
                   "WHERE created BETWEEN '%s' AND '%s'" % (start, end))
    return cursor.fetchone()[0]


def recent_comments(cursor, request):
    post = request.args["post"]
    sql = f"""
        SELECT author, body
        FROM comments
        WHERE post_id = {post}
        ORDER BY created DESC
    """  # vuln: sql-injection
    cursor.execute(sql)
    return cursor.fetchall()


def rename(cursor, request):
    query = ("UPDATE accounts SET display_name = '%s' "  # vuln: sql-injection
             "WHERE id = %s" % (request.form["name"], request.form["id"]))
    cursor.execute(query)


def sort_users(conn, request):
    column = request.args.get("sort", "name")
    return conn.execute("SELECT * FROM users ORDER BY " + column).fetchall()  # vuln: sql-injection


def insert_event(cursor, event):
    stmt = "INSERT INTO events (kind, payload) VALUES ('%s', '%s')" % (event["kind"], event["payload"])  # vuln: sql-injection
    cursor.execute(stmt)


def count_by_status(cursor, status):
    cursor.execute(  # vuln: sql-injection
        """SELECT count(*) FROM tickets
           WHERE status = '{status}'""".format(status=status)
    )
    return cursor.fetchone()


def bulk_archive(conn, request):
    ids = request.json["ids"]
    conn.executescript("UPDATE posts SET archived = 1 WHERE id IN (%s);" % ",".join(ids))  # vuln: sql-injection


# --- near misses ------------------------------------------------------------------------------

def get_user_safe(conn, request):
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE id = %s", (request.args["id"],))  # safe: sql-injection
    return cur.fetchone()


def search_safe(cursor, request):
    term = request.GET.get("q", "")
    cursor.execute("SELECT * FROM products WHERE title LIKE ?", (f"%{term}%",))  # safe: sql-injection
    return cursor.fetchall()


def in_list(cursor, ids):
    placeholders = ",".join("?" for _ in ids)
    cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)  # safe: sql-injection
    return cursor.fetchall()


def log_message(name):
    return "Selected %s from the list" % name  # safe: sql-injection


def table_count(conn):
    return conn.execute("SELECT count(*) FROM users").fetchone()  # safe: sql-injection


def sort_users_safe(conn, request):
    column = {"name": "name", "age": "age"}.get(request.args.get("sort"), "name")
    sql = "SELECT * FROM users ORDER BY name" if column == "name" else "SELECT * FROM users ORDER BY age"  # safe: sql-injection
    return conn.execute(sql).fetchall()


def connect(path):
    return sqlite3.connect(path)
