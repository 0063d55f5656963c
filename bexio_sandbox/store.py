"""Persistent storage of the sandbox: JSON documents in SQLite, cached in memory.

Every document lives in a namespace (a bexio company id, or ``global`` for logins, OAuth clients
and tokens) and a kind ("contact", "kb_invoice", ...). Reads come from the in-memory cache;
writes go through to SQLite inside a transaction, so a restart finds everything again and a
request that fails half-way leaves nothing behind.
"""

import contextlib
import json
import sqlite3
import threading

GLOBAL = "global"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    ns TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (ns, kind, id)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Store:
    def __init__(self, path=":memory:"):
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute(
            "PRAGMA journal_mode=WAL"
            if path != ":memory:"
            else "PRAGMA journal_mode=MEMORY"
        )
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.lock = threading.RLock()
        self._docs = {}
        self._meta = {}
        self._undo = None
        self._load()

    def _load(self):
        for ns, kind, ident, data in self.db.execute(
            "SELECT ns, kind, id, data FROM docs ORDER BY rowid"
        ):
            self._docs.setdefault((ns, kind), {})[ident] = json.loads(data)
        self._meta = dict(self.db.execute("SELECT key, value FROM meta"))

    @property
    def empty(self):
        return not self._docs

    # ----------------------------------------------------------- transactions
    @contextlib.contextmanager
    def transaction(self):
        """Serialise a unit of work; roll back both SQLite and the cache on error."""
        with self.lock:
            if self._undo is not None:  # nested: the outer transaction decides
                yield
                return
            self._undo = []
            self.db.execute("BEGIN")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                for restore in reversed(self._undo):
                    restore()
                raise
            else:
                self.db.execute("COMMIT")
            finally:
                self._undo = None

    def _remember(self, ns, kind, ident):
        if self._undo is None:
            raise RuntimeError("writes to the sandbox store need a transaction")
        bucket = self._docs.setdefault((ns, kind), {})
        if ident in bucket:
            old = bucket[ident]
            self._undo.append(lambda: bucket.__setitem__(ident, old))
        else:
            self._undo.append(lambda: bucket.pop(ident, None))

    # ------------------------------------------------------------------ reads
    def all(self, ns, kind):
        return list(self._docs.get((ns, kind), {}).values())

    def get(self, ns, kind, ident):
        return self._docs.get((ns, kind), {}).get(str(ident))

    def items(self, ns, kind):
        """(id, document) pairs of a kind, in insertion order."""
        return list(self._docs.get((ns, kind), {}).items())

    def count(self, ns, kind):
        return len(self._docs.get((ns, kind), {}))

    def kinds(self, ns):
        return sorted(kind for (n, kind) in self._docs if n == ns)

    def namespaces(self):
        return sorted({ns for (ns, _kind) in self._docs})

    # ----------------------------------------------------------------- writes
    def put(self, ns, kind, ident, data):
        ident = str(ident)
        self._remember(ns, kind, ident)
        self._docs.setdefault((ns, kind), {})[ident] = data
        self.db.execute(
            "INSERT INTO docs (ns, kind, id, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (ns, kind, id) DO UPDATE SET data = excluded.data",
            (ns, kind, ident, json.dumps(data)),
        )
        return data

    def put_many(self, ns, kind, items):
        """Bulk insert for seeding: ``items`` are (id, data) pairs."""
        bucket = self._docs.setdefault((ns, kind), {})
        rows = []
        for ident, data in items:
            ident = str(ident)
            self._remember(ns, kind, ident)
            bucket[ident] = data
            rows.append((ns, kind, ident, json.dumps(data)))
        self.db.executemany(
            "INSERT INTO docs (ns, kind, id, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (ns, kind, id) DO UPDATE SET data = excluded.data",
            rows,
        )

    def delete(self, ns, kind, ident):
        ident = str(ident)
        self._remember(ns, kind, ident)
        self._docs.get((ns, kind), {}).pop(ident, None)
        self.db.execute(
            "DELETE FROM docs WHERE ns = ? AND kind = ? AND id = ?", (ns, kind, ident)
        )

    def next_id(self, ns, kind):
        key = f"seq:{ns}:{kind}"
        value = int(self.get_meta(key, "0")) + 1
        self.set_meta(key, str(value))
        return value

    def get_meta(self, key, default=None):
        return self._meta.get(key, default)

    def set_meta(self, key, value):
        if self._undo is None:
            raise RuntimeError("writes to the sandbox store need a transaction")
        old = self._meta.get(key)
        self._undo.append(
            lambda: self._meta.__setitem__(key, old)
            if old is not None
            else self._meta.pop(key, None)
        )
        self._meta[key] = value
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def wipe(self):
        with self.lock:
            self.db.execute("DELETE FROM docs")
            self.db.execute("DELETE FROM meta")
            self._docs.clear()
            self._meta.clear()

    def close(self):
        self.db.close()
