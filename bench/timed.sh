# Sourced by the bench scripts: `timed OUTFILE CMD...` runs CMD and writes "<wall seconds> <peak RSS KiB>" to
# OUTFILE, with GNU time (installed on Debian as root when missing) or else a Python wrapper using resource; needs
# $PY (the bench venv's python).
if ! [ -x /usr/bin/time ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "== installing Debian's time package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q time </dev/null >/dev/null 2>&1 || true
fi
# timed OUTFILE CMD...: runs CMD, writes "<wall seconds> <peak RSS KiB>" to OUTFILE
timed() {
    local out="$1"; shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M" -o "$out" "$@" </dev/null
    else
        "$PY" - "$out" "$@" </dev/null <<'EOF'
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - t
open(sys.argv[1], "w").write(f"{wall:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(rc)
EOF
    fi
}

