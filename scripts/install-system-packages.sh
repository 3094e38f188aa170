#!/usr/bin/env bash
# Installs the system libraries geoplan builds against (GDAL, PROJ, GEOS, pkg-config), and what its map tests
# use (Chromium to open the HTML map headless, the TLWG Thai fonts for Thai labels) and what the cluster test uses
# (Slurm's slurmctld, slurmd and sbatch, and munged, for a one-node cluster on loopback), if any is missing.
# Debian/Ubuntu: apt-get, as root or through sudo; otherwise prints the exact command and fails.
# macOS: prints the Homebrew command (brew install gdal proj geos pkg-config) if a library is missing; there is no
# Slurm there, so the cluster test skips.
# Debian enables the Slurm and munge services on install; with no /etc/slurm/slurm.conf slurmctld and slurmd do not
# start, and the test never uses them: it starts its own daemons with a configuration and key of its own.
set -euo pipefail

have_libraries() {
    # ogr2ogr (gdal-bin): the peer of geoplan's GeoJSON writer in `make bench`.
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gdal proj geos && command -v ogr2ogr >/dev/null 2>&1
}

have_map_tools() {
    # No `fc-list | grep -q`: grep quitting early makes fc-list die of SIGPIPE, which pipefail counts as failure.
    command -v chromium >/dev/null 2>&1 && command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ':family=Loma')" ]
}

have_cluster_tools() {
    # The cluster test (SlurmClusterTests) starts its own munged, slurmctld and slurmd and submits with sbatch. The
    # daemons are in /usr/sbin, which a user's PATH on Debian leaves out.
    local program
    for program in slurmctld slurmd munged sbatch; do
        command -v "$program" >/dev/null 2>&1 || [ -x "/usr/sbin/$program" ] || return 1
    done
}

if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org first." >&2
    exit 1
fi

if have_libraries && have_map_tools && have_cluster_tools; then
    exit 0
fi

case "$(uname -s)" in
Darwin)
    if ! have_libraries; then
        echo "error: GDAL, PROJ or GEOS is missing. Install them with Homebrew:" >&2
        echo "    brew install gdal proj geos pkg-config" >&2
        exit 1
    fi
    # macOS has Thai fonts; the headless map check is skipped without Chromium (brew install --cask chromium), and
    # the cluster test always is (Debian's slurm-wlm has no Homebrew counterpart).
    exit 0
    ;;
esac

packages=(pkg-config libgdal-dev libproj-dev libgeos-dev gdal-bin chromium fonts-thai-tlwg fontconfig
    slurm-wlm munge)
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: GDAL, PROJ or GEOS development files are missing and this system has no apt-get." >&2
    echo "Install the development packages of gdal, proj and geos with your package manager, with pkg-config." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    echo "error: GDAL, PROJ or GEOS development files are missing. Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
    exit 1
fi

echo "Installing system packages: ${packages[*]}" >&2
"${run[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2

if ! have_libraries; then
    echo "error: installed ${packages[*]} but pkg-config still cannot find gdal, proj and geos." >&2
    exit 1
fi
if ! have_map_tools; then
    echo "error: installed chromium and fonts-thai-tlwg but cannot find chromium or the Loma font (fc-list)." >&2
    exit 1
fi
if ! have_cluster_tools; then
    echo "error: installed slurm-wlm and munge but cannot find slurmctld, slurmd, sbatch or munged." >&2
    exit 1
fi
