# Sourced by scripts/test, demo, benchmark and sandbox: leaves "$VENV" (BEXIO_VENV, default .venv)
# with the pinned pip, the project's requirements and the SDK installed. The virtualenv is made
# with $PYTHON, or else the newest of Python 3.12, 3.11 and 3.10 on this machine (on the PATH or
# installed by pyenv): Odoo 18's requirements have wheels for 3.12, so it builds the fewest sdists.
VENV="${BEXIO_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    if [ -z "${PYTHON:-}" ]; then
        pyenv_root="$(pyenv root 2>/dev/null || true)"
        for candidate in python3.12 "$pyenv_root"/versions/3.12.*/bin/python3.12 \
                python3.11 "$pyenv_root"/versions/3.11.*/bin/python3.11 python3.10 python3; do
            if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
                PYTHON="$candidate"
                break
            fi
        done
    fi
    if [ -z "${PYTHON:-}" ]; then
        echo "Python 3.10, 3.11 or 3.12 with venv is needed (apt-get install python3-venv); set PYTHON to use another interpreter." >&2
        exit 2
    fi
    echo "Creating $VENV with $("$PYTHON" --version) ($PYTHON)"
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" scripts/pip_install.py
