// POSIX calls the Swift overlay of the C library does not export: extended attributes (geoplan marks the files it
// writes with one, see Sources/GeoPlan/Outputs/Commit/WrittenMark.swift).
#include <sys/types.h>
#include <sys/xattr.h>
