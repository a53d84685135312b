# Sourced by the build scripts: where ccache keeps its cache, and how it recognises the same
# compilation in another clone. CI builds a fresh clone in a new folder each time, so paths are
# made relative to the clone (CCACHE_BASEDIR), the working directory is left out of the hash
# (CCACHE_NOHASHDIR; debug info then names the first clone's folder, which nothing here reads),
# and precompiled headers are allowed (the pch_defines and time_macros sloppiness).
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/laurel-ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
